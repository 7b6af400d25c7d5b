import type { Db } from '../../kernel/db/database.js';

export function findAccountByLogin(db: Db, login: string) {
  return db
    .selectFrom('people')
    .select(['id', 'login', 'state', 'password_hash', 'activation_code', 'activation_expires_at'])
    .where('login', '=', login)
    .executeTakeFirst();
}

export function findPasswordHash(db: Db, personId: string) {
  return db.selectFrom('people').select(['password_hash']).where('id', '=', personId).executeTakeFirst();
}

export async function setPassword(db: Db, personId: string, passwordHash: string, now: string) {
  await db.updateTable('people').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', personId).execute();
}

export async function activateAccount(db: Db, personId: string, passwordHash: string, now: string) {
  await db
    .updateTable('people')
    .set({
      password_hash: passwordHash,
      state: 'active',
      activation_code: null,
      activation_expires_at: null,
      terms_accepted_at: now,
      updated_at: now,
    })
    .where('id', '=', personId)
    .where('state', '=', 'awaiting_activation')
    .execute();
}
