import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render';
import { OneRosterExport } from './OneRosterExport';

describe('OneRosterExport', () => {
  it("links to the establishment's bundle, with birth dates only once the box is ticked", async () => {
    renderPage(<OneRosterExport establishmentId="e 1" />, { path: '/' });
    const link = screen.getByRole('link', { name: 'Télécharger l’export OneRoster (.zip)' });
    expect(link.getAttribute('href')).toBe('/api/establishments/e%201/exports/oneroster');
    expect(link.hasAttribute('download')).toBe(true);
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Inclure les dates de naissance' }));
    expect(link.getAttribute('href')).toBe('/api/establishments/e%201/exports/oneroster?demographics=true');
  });

  it('links to the platform bundle when no establishment is given', () => {
    renderPage(<OneRosterExport establishmentId={null} />, { path: '/' });
    expect(screen.getByRole('link', { name: 'Télécharger l’export OneRoster de la plateforme (.zip)' }).getAttribute('href')).toBe('/api/platform/exports/oneroster');
  });
});
