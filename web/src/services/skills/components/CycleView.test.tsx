import type { CycleSummary } from '@preau/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render';
import { parseCell } from './ResultsGrid';
import { CycleView } from './SummaryView';

const zero = [0, 0, 0, 0] as [number, number, number, number];
const cycle: CycleSummary = {
  student: { id: 'chloe', name: 'Chloé LEFÈVRE' },
  cycle: 4,
  years: [2025, 2026],
  components: (['D1.1', 'D1.2', 'D1.3', 'D1.4', 'D2', 'D3', 'D4', 'D5'] as const).map((component) => ({
    component,
    counts: component === 'D1.1' ? [0, 1, 0, 1] : zero,
    positioning: component === 'D1.1' ? 3 : null,
    byYear: [
      { year: 2025, counts: component === 'D1.1' ? [0, 1, 0, 0] : zero, positioning: component === 'D1.1' ? 2 : null },
      { year: 2026, counts: component === 'D1.1' ? [0, 0, 0, 1] : zero, positioning: component === 'D1.1' ? 4 : null },
    ],
  })),
};

describe('CycleView', () => {
  it('writes the cycle, one column per school year and each positioning as text', () => {
    renderPage(<CycleView summary={cycle} />, { path: '/' });
    expect(screen.getByText('Cycle 4', { selector: 'strong' })).toBeTruthy();
    const table = screen.getByTestId('skills-cycle');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Composante', 'Positionnement', '2025–2026', '2026–2027']);
    const row = table.querySelector('[data-component="D1.1"]') as HTMLElement;
    expect(within(row).getByText('Maîtrise satisfaisante')).toBeTruthy();
    expect(within(row).getByText('Maîtrise fragile')).toBeTruthy();
    expect(within(row).getByText('Très bonne maîtrise')).toBeTruthy();
    expect(within(row).getByText('TBM')).toBeTruthy();
  });

  it('reads what a cell holds: a level 1–4, absent, or nothing', () => {
    expect(['', '1', '4', 'absent', '5', '0', 'x'].map(parseCell)).toEqual([null, 1, 4, 'absent', null, null, null]);
  });
});
