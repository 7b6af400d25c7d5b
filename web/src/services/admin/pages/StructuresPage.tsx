import { GROUP_KINDS, type GroupKind } from '@preau/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { AdminNav } from '../components/AdminNav';
import { NewStructureForm } from '../components/NewStructureForm';
import { StructuresTable } from '../components/StructuresTable';
import { useStructuresQuery } from '../structures-api';
import '../components/admin.css';

const ALL = 'all';

/** Classes and groups of the establishment: list, search, creation. */
export function StructuresPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const establishmentId = membership?.establishment.id ?? null;
  if (!establishmentId || !membership || !can('admin.structures.manage')) {
    return (
      <Page title={t('admin.structures.title')}>
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('admin.structures.title')} intro={<p>{t('admin.structures.intro', { establishment: membership.establishment.name })}</p>}>
      <AdminNav />
      <Announce />
      <Structures establishmentId={establishmentId} />
    </Page>
  );
}

/** What the previous page did (a deletion), announced politely. */
function Announce() {
  const announce = (useLocation().state as { announce?: string } | null)?.announce;
  return announce ? <Notice tone="success">{announce}</Notice> : null;
}

function Structures({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>(ALL);
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<{ kind: GroupKind | null; q: string }>({ kind: null, q: '' });
  const pages = useCursorPages();
  const list = useStructuresQuery(establishmentId, filter, pages.cursor);
  const onSubmit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setFilter({ kind: kind === ALL ? null : (kind as GroupKind), q });
    pages.reset();
  };
  return (
    <>
      <Form className="search-form card" onSubmit={onSubmit} role="search" aria-label={t('admin.structures.filter')}>
        <SelectInput
          label={t('admin.structures.kind')}
          name="kind"
          value={kind}
          onChange={setKind}
          options={[ALL, ...GROUP_KINDS].map((k) => ({ id: k, label: t(`admin.structures.kindsPlural.${k}`) }))}
        />
        <SearchField className="field" value={q} onChange={setQ} onSubmit={() => onSubmit()} name="q">
          <Label className="field__label">{t('admin.structures.q')}</Label>
          <Input className="field__input" />
        </SearchField>
        <Button type="submit" className="button button--primary">
          {t('admin.structures.submit')}
        </Button>
      </Form>
      {list.isPending ? <Loading /> : null}
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data ? <StructuresTable structures={list.data.items} /> : null}
      <Pager label={t('admin.structures.pager')} pages={pages} nextCursor={list.data?.nextCursor ?? null} busy={list.isFetching} />
      <NewStructureForm
        establishmentId={establishmentId}
        onCreated={async (created) => {
          await queryClient.invalidateQueries({ queryKey: ['admin', 'structures'] });
          navigate(`/admin/classes/${encodeURIComponent(created.id)}`, { state: { announce: t('admin.structures.created', { name: created.name }) } });
        }}
      />
    </>
  );
}
