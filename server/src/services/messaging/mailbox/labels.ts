import type { AddressView } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { displayName } from '../../directory/index.js';

export interface AddressRow {
  message_id: string;
  kind: string;
  target_type: string;
  target_id: string;
  position: number;
}

export type LabelLanguage = 'fr' | 'en';

/** "Parents de 5B" / "Parents of 5B": the label of a relatives-of-a-class address. */
export function relativesLabel(name: string, language: LabelLanguage): string {
  return language === 'en' ? `Parents of ${name}` : `Parents de ${name}`;
}

/**
 * The addresses of some messages as the sender wrote them, with their labels: two lookups (people,
 * groups) for the whole page, never one per address.
 */
export async function addressesOf(db: Db, messageIds: string[], language: LabelLanguage): Promise<Map<string, { kind: string; view: AddressView }[]>> {
  const out = new Map<string, { kind: string; view: AddressView }[]>();
  if (messageIds.length === 0) return out;
  const rows = await db.selectFrom('message_addresses').selectAll().where('message_id', 'in', messageIds).orderBy('message_id').orderBy('position').execute();
  const personIds = [...new Set(rows.filter((r) => r.target_type === 'person').map((r) => r.target_id))];
  const groupIds = [...new Set(rows.filter((r) => r.target_type !== 'person').map((r) => r.target_id))];
  const [people, groups] = await Promise.all([
    personIds.length ? db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', personIds).execute() : [],
    groupIds.length ? db.selectFrom('groups').select(['id', 'name']).where('id', 'in', groupIds).execute() : [],
  ]);
  const personName = new Map(people.map((p) => [p.id, displayName(p.first_name, p.last_name)]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  for (const r of rows) {
    const type = r.target_type as AddressView['type'];
    const name = type === 'person' ? personName.get(r.target_id) : groupName.get(r.target_id);
    const label = name === undefined ? '—' : type === 'group_relatives' ? relativesLabel(name, language) : name;
    const list = out.get(r.message_id) ?? [];
    list.push({ kind: r.kind, view: { type, id: r.target_id, label } });
    out.set(r.message_id, list);
  }
  return out;
}
