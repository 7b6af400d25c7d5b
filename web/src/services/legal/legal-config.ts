import type { Language } from '../../app/i18n';

/**
 * Details only the operator of a Préau instance knows (a region, a private school network…).
 * They are set at build time with VITE_PREAU_* variables; until then the pages show a visible
 * placeholder rather than invented facts.
 */
export type LegalConfig = {
  publisher: string | null;
  publicationDirector: string | null;
  hosting: string | null;
  controller: string | null;
  dpoContact: string | null;
  accessibilityContact: string | null;
};

function value(raw: string | undefined): string | null {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : null;
}

export const legalConfig: LegalConfig = {
  publisher: value(import.meta.env.VITE_PREAU_PUBLISHER),
  publicationDirector: value(import.meta.env.VITE_PREAU_PUBLICATION_DIRECTOR),
  hosting: value(import.meta.env.VITE_PREAU_HOSTING),
  controller: value(import.meta.env.VITE_PREAU_CONTROLLER),
  dpoContact: value(import.meta.env.VITE_PREAU_DPO_CONTACT),
  accessibilityContact: value(import.meta.env.VITE_PREAU_ACCESSIBILITY_CONTACT),
};

export function placeholder(language: Language, what: string): string {
  return language === 'fr' ? `[À compléter par l’exploitant : ${what}]` : `[To be completed by the operator: ${what}]`;
}
