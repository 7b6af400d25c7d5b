import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setCsrfToken } from '../lib/api-client';

afterEach(() => {
  cleanup();
  setCsrfToken(null);
  localStorage.clear();
});
