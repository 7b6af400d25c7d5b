import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.js';
import { incidentPolicies, measurePolicies } from './discipline.policy.js';

const actor = (personId: string, profiles: string[], functions: string[] = [], establishmentId = 'e-1'): Actor =>
  ({ personId, login: personId, sessionId: 's', csrfToken: 'c', platformAdmin: false, memberships: [{ establishmentId, profiles, functions }] }) as Actor;

const teacher = actor('t-1', ['teacher']);
const otherTeacher = actor('t-2', ['teacher']);
const cpe = actor('cpe', ['personnel'], ['cpe']);
const head = actor('head', ['personnel'], ['head']);
const deputy = actor('deputy', ['personnel'], ['deputy']);
const elsewhereHead = actor('head-b', ['personnel'], ['head'], 'e-2');

describe('who may do what with discipline records (profile × record × state)', () => {
  it('incidents: the reporter edits until publication, vie scolaire edits and publishes', () => {
    type Reported = { reported_by: string | null; published_at: string | null };
    const draft: Reported = { reported_by: 't-1', published_at: null };
    const published: Reported = { reported_by: 't-1', published_at: '2026-11-25T10:00:00Z' };
    const cases: [string, Actor, Reported, { edit: boolean; publish: boolean }][] = [
      ['reporter, draft', teacher, draft, { edit: true, publish: false }],
      ['reporter, published', teacher, published, { edit: false, publish: false }],
      ['other teacher', otherTeacher, draft, { edit: false, publish: false }],
      ['CPE, draft', cpe, draft, { edit: true, publish: true }],
      ['CPE, published', cpe, published, { edit: true, publish: false }],
      ['head', head, draft, { edit: true, publish: true }],
      ['head of another establishment', elsewhereHead, draft, { edit: false, publish: false }],
    ];
    for (const [name, who, incident, expected] of cases) expect(incidentPolicies(who, 'e-1', incident), name).toEqual(expected);
  });

  it('measures: punishments by their author or vie scolaire, sanctions by the head and deputies only', () => {
    type Record = { category: string; decided_by: string | null; published_at: string | null; cancelled_at: string | null };
    const punishment: Record = { category: 'punishment', decided_by: 't-1', published_at: null, cancelled_at: null };
    const sanction: Record = { category: 'sanction', decided_by: 'head', published_at: null, cancelled_at: null };
    const cancelled = { ...punishment, cancelled_at: '2026-11-25T10:00:00Z' };
    const cases: [string, Actor, Record, { edit: boolean; publish: boolean; cancel: boolean }][] = [
      ['author of a punishment', teacher, punishment, { edit: true, publish: true, cancel: true }],
      ['other teacher, punishment', otherTeacher, punishment, { edit: false, publish: false, cancel: false }],
      ['CPE, punishment', cpe, punishment, { edit: true, publish: true, cancel: true }],
      ['CPE, sanction', cpe, sanction, { edit: false, publish: false, cancel: false }],
      ['deputy, sanction', deputy, sanction, { edit: true, publish: true, cancel: true }],
      ['head, published sanction', head, { ...sanction, published_at: '2026-11-25T10:00:00Z' }, { edit: true, publish: false, cancel: true }],
      ['author, cancelled', teacher, cancelled, { edit: false, publish: false, cancel: false }],
      ['head of another establishment, sanction', elsewhereHead, sanction, { edit: false, publish: false, cancel: false }],
    ];
    for (const [name, who, measure, expected] of cases) expect(measurePolicies(who, 'e-1', measure), name).toEqual(expected);
  });
});
