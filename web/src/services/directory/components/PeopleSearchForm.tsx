import { PROFILES, type Profile } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../lib/ui/SelectInput';
import type { PeopleFilter } from '../api';

const ANY = 'any';

/** Search box and profile filter; the search runs when the form is submitted, not per keystroke. */
export function PeopleSearchForm({ initial, onSearch }: { initial: PeopleFilter; onSearch: (filter: PeopleFilter) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial.q);
  const [profile, setProfile] = useState<string>(initial.profile ?? ANY);
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    onSearch({ q, profile: profile === ANY ? null : (profile as Profile) });
  };
  return (
    <Form className="search-form card" onSubmit={submit} role="search" aria-label={t('directory.search.legend')}>
      <SearchField className="field" value={q} onChange={setQ} onSubmit={() => submit()} name="q">
        <Label className="field__label">{t('directory.search.label')}</Label>
        <Text slot="description" className="field__description">
          {t('directory.search.description')}
        </Text>
        <Input className="field__input" />
      </SearchField>
      <SelectInput
        label={t('directory.search.profile')}
        name="profile"
        value={profile}
        onChange={setProfile}
        options={[{ id: ANY, label: t('directory.search.anyProfile') }, ...PROFILES.map((p) => ({ id: p, label: t(`profiles.${p}`) }))]}
      />
      <Button type="submit" className="button button--primary">
        {t('directory.search.submit')}
      </Button>
    </Form>
  );
}
