import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('me and the home page', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const get = async (login: string, url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: (await loginAs(env.app, login)).cookie } });

  it('describes a student: profiles, class, rights', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const me = (await get('alice.martin', '/api/me')).json();
    expect(me).toMatchObject({ login: 'alice.martin', displayName: 'Alice MARTIN', platformAdmin: false, children: [] });
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]).toMatchObject({ establishment: { id: 'etab-a', uai: '0750001U' }, profiles: ['student'], groups: [{ name: '5B', kind: 'class' }] });
    expect(me.memberships[0].rights).toContain('directory.read');
    expect(me.memberships[0].rights).not.toContain('admin.accounts.manage');
  });

  it('lists a relative’s children, each in their own establishment and class — and only theirs', async () => {
    const me = (await get('remi.martin', '/api/me')).json();
    expect(me.children.map((c: { id: string }) => c.id).sort()).toEqual(['alice', 'sam']);
    const sam = me.children.find((c: { id: string }) => c.id === 'sam');
    expect(sam.establishments).toEqual([{ establishment: expect.objectContaining({ id: 'etab-b' }), groups: [expect.objectContaining({ name: '6A' })] }]);
    expect(me.memberships.map((m: { establishment: { id: string } }) => m.establishment.id).sort()).toEqual(['etab-a', 'etab-b']);
    const rose = (await get('rose.lefevre', '/api/me')).json();
    expect(rose.children.map((c: { id: string }) => c.id)).toEqual(['chloe']);
  });

  it('shows only the tiles of services the profile may use', async () => {
    const tiles = async (login: string, establishmentId?: string) =>
      (await get(login, `/api/portal/home${establishmentId ? `?establishmentId=${establishmentId}` : ''}`)).json().tiles.map((t: { id: string }) => t.id);
    expect(await tiles('alice.martin')).toEqual(['messaging', 'directory', 'timetable', 'textbook', 'agenda', 'grades', 'absences', 'discipline', 'skills', 'report_cards', 'account']);
    expect(await tiles('ada.morel')).toEqual(['messaging', 'directory', 'admin', 'imports', 'communication', 'timetable', 'vie_scolaire', 'account']);
    expect(await tiles('helene.garnier')).toEqual(['messaging', 'directory', 'admin', 'communication', 'timetable', 'textbook', 'grades', 'attendance', 'vie_scolaire', 'justifications', 'discipline', 'skills', 'report_cards', 'account']);
    expect(await tiles('sarah.admin')).toEqual(['establishments', 'audit', 'account']);
    expect(await tiles('remi.martin', 'etab-b')).toEqual(['messaging', 'directory', 'timetable', 'textbook', 'agenda', 'grades', 'absences', 'discipline', 'skills', 'report_cards', 'account']);
  });

  it('refuses the home page of an establishment one does not belong to', async () => {
    const res = await get('alice.martin', '/api/portal/home?establishmentId=etab-b');
    expect(res.statusCode).toBe(403);
  });
});
