import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setCsrfToken } from '../lib/api-client';

// jsdom has no CSS.escape, which react-aria uses when a Select's list opens.
if (typeof globalThis.CSS?.escape !== 'function') {
  const cssEscape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
  Object.defineProperty(globalThis, 'CSS', { value: { ...(globalThis.CSS ?? {}), escape: cssEscape }, configurable: true });
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});
