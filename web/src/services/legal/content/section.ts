import type { ReactNode } from 'react';

/** One titled part of a legal page; `id` is the anchor (footer links point to #accessibilite). */
export type LegalSection = { id: string; title: string; body: ReactNode };
