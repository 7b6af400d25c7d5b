import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('structures: classes and groups in the admin console', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  const call = (s: LoggedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    env.app.inject({ method, url: `/api/admin/establishments/${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const groupCount = async () => Number((await database().db.selectFrom('groups').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const membersOf = async (groupId: string) =>
    (await database().db.selectFrom('group_members').select(['person_id', 'role', 'head_teacher', 'source']).where('group_id', '=', groupId).orderBy('person_id').execute());

  it('creates a class with its level and a teaching group spanning two classes, then lists them', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    const cls = await call(ada, 'POST', 'etab-a/structures', { kind: 'class', name: '6C', level: '6e' });
    expect(cls.statusCode).toBe(201);
    expect(cls.json()).toMatchObject({ name: '6C', kind: 'class', level: '6e', externalId: null, students: [], teachers: [] });
    const group = await call(ada, 'POST', 'etab-a/structures', { kind: 'teaching_group', name: 'Latin', classIds: ['a-5b', 'a-4a'] });
    expect(group.statusCode).toBe(201);
    expect(group.json().classes.map((c: { name: string }) => c.name)).toEqual(['4A', '5B']);

    const list = await call(ada, 'GET', 'etab-a/structures?limit=2');
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['4A', '5B']);
    expect(list.json().items[1]).toMatchObject({ studentCount: 3, teacherCount: 1 });
    const next = await call(ada, 'GET', `etab-a/structures?limit=2&cursor=${list.json().nextCursor}`);
    expect(next.json().items.map((s: { name: string }) => s.name)).toEqual(['6C', 'Latin']);
    const groups = await call(ada, 'GET', 'etab-a/structures?kind=teaching_group');
    expect(groups.json().items).toEqual([expect.objectContaining({ name: 'Latin', classes: [{ id: 'a-4a', name: '4A' }, { id: 'a-5b', name: '5B' }] })]);
  });

  it('refuses invalid input with field details and changes nothing', async () => {
    const before = await groupCount();
    const cases: [object, string, string][] = [
      [{ kind: 'class', name: '' }, 'validation.failed', 'body.name'],
      [{ kind: 'club', name: 'Échecs' }, 'validation.failed', 'body.kind'],
      [{ kind: 'teaching_group', name: 'Grec', level: '3e' }, 'validation.failed', 'body.level'],
      [{ kind: 'class', name: '3A', classIds: ['a-5b'] }, 'validation.failed', 'body.classIds'],
      [{ kind: 'teaching_group', name: 'Grec', classIds: ['a-5b', 'b-6a'] }, 'structures.invalid_classes', 'body.classIds.1'],
    ];
    for (const [payload, code, field] of cases) {
      const res = await call(ada, 'POST', 'etab-a/structures', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const taken = await call(ada, 'POST', 'etab-a/structures', { kind: 'class', name: '5B' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('structures.name_taken');
    expect(await groupCount()).toBe(before);
  });

  it('adds students set-wise, refusing the whole batch when one is not a student here', async () => {
    const latin = (await call(ada, 'GET', 'etab-a/structures?kind=teaching_group')).json().items[0].id;
    const refused = await call(ada, 'POST', `etab-a/structures/${latin}/students`, { personIds: ['alice', 'theo', 'sam'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'structures.invalid_member' });
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.personIds.1', 'body.personIds.2']);
    expect(await membersOf(latin)).toEqual([]);

    const added = await call(ada, 'POST', `etab-a/structures/${latin}/students`, { personIds: ['alice', 'bob', 'alice'] });
    expect(added.statusCode).toBe(200);
    expect(added.json().students.map((s: { login: string }) => s.login)).toEqual(['bob.durand', 'alice.martin']);
    // A teaching group is not a class: Alice stays in 5B as well.
    expect((await membersOf('a-5b')).map((m) => m.person_id)).toContain('alice');
  });

  it('moves a student added to another class out of their previous class', async () => {
    const sixC = (await call(ada, 'GET', 'etab-a/structures?q=6c')).json().items[0].id;
    const res = await call(ada, 'POST', `etab-a/structures/${sixC}/students`, { personIds: ['chloe'] });
    expect(res.json().students.map((s: { id: string }) => s.id)).toEqual(['chloe']);
    expect((await membersOf('a-4a')).map((m) => m.person_id)).not.toContain('chloe');
    const audit = await database().db.selectFrom('audit_log').select('details').where('action', '=', 'structures.students.added').where('target_id', '=', sixC).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details).movedFrom).toEqual([{ person_id: 'chloe', group_id: 'a-4a' }]);
  });

  it('attaches a teacher with a subject, names the head teacher, and refuses what does not fit', async () => {
    const sixC = (await call(ada, 'GET', 'etab-a/structures?q=6c')).json().items[0].id;
    const latin = (await call(ada, 'GET', 'etab-a/structures?kind=teaching_group')).json().items[0].id;
    const attached = await call(ada, 'POST', `etab-a/structures/${sixC}/teachers`, { personId: 'tina', subjectId: 'a-fr', headTeacher: true });
    expect(attached.statusCode).toBe(200);
    expect(attached.json().teachers).toEqual([expect.objectContaining({ id: 'tina', subjects: [{ id: 'a-fr', name: 'Français' }], headTeacher: true, managedBy: null })]);
    const second = await call(ada, 'POST', `etab-a/structures/${sixC}/teachers`, { personId: 'theo', subjectId: 'a-maths' });
    expect(second.json().teachers.find((t: { id: string }) => t.id === 'theo').headTeacher).toBe(false);
    const toggled = await env.app.inject({ method: 'PATCH', url: `/api/admin/establishments/etab-a/structures/${sixC}/teachers/theo`, headers: ada.headers, payload: { headTeacher: true } });
    expect(toggled.json().teachers.filter((t: { headTeacher: boolean }) => t.headTeacher).map((t: { id: string }) => t.id).sort()).toEqual(['theo', 'tina']);

    expect((await call(ada, 'POST', `etab-a/structures/${latin}/teachers`, { personId: 'theo', subjectId: 'a-maths', headTeacher: true })).json().error.code).toBe('structures.head_teacher_class_only');
    expect((await call(ada, 'POST', `etab-a/structures/${sixC}/teachers`, { personId: 'alice', subjectId: 'a-fr' })).json().error.code).toBe('structures.invalid_member');
    expect((await call(ada, 'POST', `etab-a/structures/${sixC}/teachers`, { personId: 'tom', subjectId: 'a-fr' })).statusCode).toBe(400);
    const subjectElsewhere = await call(ada, 'POST', `etab-a/structures/${sixC}/teachers`, { personId: 'tina', subjectId: 'nope' });
    expect(subjectElsewhere.json().error).toMatchObject({ code: 'structures.subject_not_found', details: [expect.objectContaining({ field: 'body.subjectId' })] });
    const notMember = await env.app.inject({ method: 'PATCH', url: `/api/admin/establishments/etab-a/structures/${sixC}/teachers/carl`, headers: ada.headers, payload: { headTeacher: true } });
    expect(notMember.statusCode).toBe(404);
  });

  it('renames and edits; an imported structure keeps its code', async () => {
    await database().db.updateTable('groups').set({ external_id: '4A' }).where('id', '=', 'a-4a').execute();
    const res = await call(ada, 'PATCH', 'etab-a/structures/a-4a', { name: '4e A', level: '4e' });
    expect(res.json()).toMatchObject({ name: '4e A', externalId: '4A', level: '4e' });
    const latin = (await call(ada, 'GET', 'etab-a/structures?kind=teaching_group')).json().items[0].id;
    const spans = await call(ada, 'PATCH', `etab-a/structures/${latin}`, { classIds: ['a-5b'] });
    expect(spans.json().classes).toEqual([{ id: 'a-5b', name: '5B' }]);
    expect((await call(ada, 'PATCH', `etab-a/structures/${latin}`, {})).statusCode).toBe(400);
    expect((await call(ada, 'PATCH', `etab-a/structures/${latin}`, { classIds: [latin] })).statusCode).toBe(400);
    expect((await call(ada, 'PATCH', 'etab-a/structures/a-5b', { name: '4e A' })).statusCode).toBe(409);
    expect((await call(ada, 'GET', 'etab-a/structures/a-5b')).json().name).toBe('5B');
  });

  it('deletes only an empty structure', async () => {
    const latin = (await call(ada, 'GET', 'etab-a/structures?kind=teaching_group')).json().items[0].id;
    const refused = await call(ada, 'DELETE', `etab-a/structures/${latin}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('structures.not_empty');
    for (const id of ['alice', 'bob']) expect((await call(ada, 'DELETE', `etab-a/structures/${latin}/students/${id}`)).statusCode).toBe(200);
    expect((await call(ada, 'DELETE', `etab-a/structures/${latin}/students/alice`)).statusCode).toBe(404);
    expect((await call(ada, 'DELETE', `etab-a/structures/${latin}`)).statusCode).toBe(204);
    expect((await call(ada, 'GET', `etab-a/structures/${latin}`)).statusCode).toBe(404);
    const actions = (await database().db.selectFrom('audit_log').select('action').where('actor_id', '=', 'ada').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['structures.created', 'structures.updated', 'structures.students.added', 'structures.students.removed', 'structures.teachers.attached', 'structures.head_teacher.set', 'structures.deleted']));
  });
});
