import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { LoginAllocator, MemoryLoginAllocator } from './logins.js';
import { displayName, fold, loginBase, sortKey } from './names.js';
import { isValidUai, uaiCheckLetter } from './uai.js';

describe('names', () => {
  it.each([
    ['Zoé', 'Lefèvre', 'zoe.lefevre'],
    ['Jean-Baptiste', "D'Almeida", 'jean-baptiste.dalmeida'],
    ['Marie Louise Anne', 'Le Goff', 'marie.legoff'],
    ['Anaïs', 'Martin-Dubois', 'anais.martin-dubois'],
    ['Œdipe', 'Cœur', 'oedipe.coeur'],
    ['Maël', "N'Diaye", 'mael.ndiaye'],
    ['   ', '!!', 'utilisateur.inconnu'],
  ])('login base of %s %s is %s', (first, last, expected) => {
    expect(loginBase(first, last)).toBe(expected);
  });

  it('folds accents and case for search and sorting', () => {
    expect(fold('  Hélène   GARNIER ')).toBe('helene garnier');
    expect(sortKey('Éloïse', 'de La Fontaine')).toBe('de la fontaine eloise');
    expect(displayName('Zoé', 'Lefèvre')).toBe('Zoé LEFÈVRE');
  });
});

describe('UAI', () => {
  it('checks the control letter', () => {
    expect(uaiCheckLetter('0061234')).toBe('J');
    expect(isValidUai('0061234J')).toBe(true);
    expect(isValidUai('0061234K')).toBe(false);
    expect(isValidUai('0750001U')).toBe(true);
    expect(isValidUai('750001U')).toBe(false);
    expect(isValidUai('0750001')).toBe(false);
  });
});

describe('in-memory login allocation', () => {
  it('adds a numeric suffix on collision, after reserved logins', () => {
    const logins = new MemoryLoginAllocator();
    logins.reserve('zoe.martin');
    expect(logins.allocate('Zoé', 'Martin')).toBe('zoe.martin2');
    expect(logins.allocate('Zoe', 'MARTIN')).toBe('zoe.martin3');
    expect(logins.allocate('Léa', 'Martin')).toBe('lea.martin');
  });
});

describeEachDatabase('login allocation against existing accounts', (database) => {
  it('continues after the logins already taken, whatever their suffix', async () => {
    await insertWorld(database().db, {
      establishments: [],
      people: [
        { id: 'p1', login: 'alice.martin', firstName: 'Alice', lastName: 'Martin' },
        { id: 'p2', login: 'alice.martin2', firstName: 'Alice', lastName: 'Martin' },
        { id: 'p3', login: 'alice.martin-dubois', firstName: 'Alice', lastName: 'Martin-Dubois' },
      ],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
    const logins = new LoginAllocator(database().db);
    expect(await logins.allocate('Alice', 'Martin')).toBe('alice.martin3');
    expect(await logins.allocate('Alice', 'Martin')).toBe('alice.martin4');
    expect(await logins.allocate('Alice', 'Martin-Dubois')).toBe('alice.martin-dubois2');
    expect(await logins.allocate('Bob', 'Martin')).toBe('bob.martin');
  });

  it('primes many bases at once with the same result', async () => {
    const logins = new LoginAllocator(database().db);
    await logins.prime([{ firstName: 'Alice', lastName: 'Martin' }, { firstName: 'Alice', lastName: 'Martin-Dubois' }]);
    expect(await logins.allocate('Alice', 'Martin')).toBe('alice.martin3');
    expect(await logins.allocate('Alice', 'Martin-Dubois')).toBe('alice.martin-dubois2');
  });
});
