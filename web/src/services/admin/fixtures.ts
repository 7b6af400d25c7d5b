import { makeMe } from '../../test/render';

/** A local administrator of e-1, for the admin console's component tests. */
export const adminMe = makeMe({
  id: 'p-admin',
  memberships: [
    {
      ...makeMe().memberships[0],
      profiles: ['personnel'],
      functions: ['admin_local'],
      rights: ['portal.use', 'directory.read', 'admin.accounts.manage', 'admin.structures.manage', 'admin.services.manage', 'admin.imports.manage'],
    },
  ],
});
