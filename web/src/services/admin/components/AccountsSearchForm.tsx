import { PERSON_STATES, PROFILES, type PersonState, type Profile } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../lib/ui/SelectInput';
import type { AccountsFilter } from '../api';
import { useStructuresQuery } from '../structures-api';

const ANY = 'any';

/** Name or login, profile, class and state; the search runs when the form is submitted. */
export function AccountsSearchForm({ establishmentId, initial, onSearch }: { establishmentId: string; initial: AccountsFilter; onSearch: (f: AccountsFilter) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial.q);
  const [profile, setProfile] = useState<string>(initial.profile ?? ANY);
  const [groupId, setGroupId] = useState<string>(initial.groupId ?? ANY);
  const [state, setState] = useState<string>(initial.state ?? ANY);
  const classes = useStructuresQuery(establishmentId, { kind: 'class', q: '' }, null, 200);
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    onSearch({
      q,
      profile: profile === ANY ? null : (profile as Profile),
      groupId: groupId === ANY ? null : groupId,
      state: state === ANY ? null : (state as PersonState),
    });
  };
  return (
    <Form className="search-form card" onSubmit={submit} role="search" aria-label={t('admin.accounts.search')}>
      <SearchField className="field" value={q} onChange={setQ} onSubmit={() => submit()} name="q">
        <Label className="field__label">{t('admin.accounts.q')}</Label>
        <Text slot="description" className="field__description">
          {t('admin.accounts.qHelp')}
        </Text>
        <Input className="field__input" />
      </SearchField>
      <SelectInput
        label={t('admin.accounts.profile')}
        name="profile"
        value={profile}
        onChange={setProfile}
        options={[{ id: ANY, label: t('admin.accounts.anyProfile') }, ...PROFILES.map((p) => ({ id: p, label: t(`profiles.${p}`) }))]}
      />
      <SelectInput
        label={t('admin.accounts.group')}
        name="groupId"
        value={groupId}
        onChange={setGroupId}
        options={[{ id: ANY, label: t('admin.accounts.anyGroup') }, ...(classes.data?.items ?? []).map((c) => ({ id: c.id, label: c.name }))]}
      />
      <SelectInput
        label={t('admin.accounts.state')}
        name="state"
        value={state}
        onChange={setState}
        options={[{ id: ANY, label: t('admin.accounts.anyState') }, ...PERSON_STATES.map((s) => ({ id: s, label: t(`admin.states.${s}`) }))]}
      />
      <Button type="submit" className="button button--primary">
        {t('admin.accounts.submit')}
      </Button>
    </Form>
  );
}
