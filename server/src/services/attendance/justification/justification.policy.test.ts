import { describe, expect, it } from 'vitest';
import { isOfAge } from './justification.policy.js';

describe('a student of age justifies their own absences', () => {
  it('is 18 on their eighteenth birthday (Paris date), not the day before', () => {
    expect(isOfAge('2008-11-25', '2026-11-25')).toBe(true);
    expect(isOfAge('2008-11-26', '2026-11-25')).toBe(false);
    expect(isOfAge('2000-01-01', '2026-11-25')).toBe(true);
    expect(isOfAge('2013-05-10', '2026-11-25')).toBe(false);
  });
  it('counts someone born on 29 February as of age on 1 March of a common year', () => {
    expect(isOfAge('2008-02-29', '2026-02-28')).toBe(false);
    expect(isOfAge('2008-02-29', '2026-03-01')).toBe(true);
  });
  it('treats an unknown or malformed birth date as not of age', () => {
    expect(isOfAge(null, '2026-11-25')).toBe(false);
    expect(isOfAge('25/11/2008', '2026-11-25')).toBe(false);
  });
});
