import { describe, expect, it } from 'vitest';
import { analysePassword, meetsPasswordRule } from './password-rule';

describe('password rule (CNIL 2022-100)', () => {
  it.each([
    ['Preau-Demo-2026!', true],
    ['Abcdefgh1!xy', true], // 12 characters, 4 kinds
    ['Abcdefgh1!x', false], // 11 characters
    ['abcdefghij12AB', true], // 14 characters, 3 kinds
    ['abcdefghij12A', false], // 13 characters, 3 kinds
    ['abcdefghijklmnopqrst', false], // long but one kind
    ['le chat dort sur le vieux canapé', true], // passphrase of 7 words
    ['le chat dort sur le canapé', false], // 6 words
    ['a b c d e f g h i j k l', false], // single letters are not words
  ])('%s → %s', (password, expected) => {
    expect(meetsPasswordRule(password)).toBe(expected);
  });

  it('counts accented letters by case, not as symbols', () => {
    const analysis = analysePassword('Éé');
    expect(analysis.kinds).toEqual({ lower: true, upper: true, digit: false, symbol: false });
  });

  it('says which branch of the rule is met', () => {
    expect(analysePassword('Abcdefgh1!xy').satisfiedBy).toBe('twelve_four_kinds');
    expect(analysePassword('abcdefghij12AB').satisfiedBy).toBe('fourteen_three_kinds');
    expect(analysePassword('un deux trois quatre cinq six sept').satisfiedBy).toBe('passphrase');
    expect(analysePassword('court').satisfiedBy).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(analysePassword('😀😀').length).toBe(2);
  });
});
