import type { AdminPerson, EstablishmentAdmin } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { adminsQueryKey, appointAdmin, removeAdmin, searchPeopleOf, useEstablishmentAdminsQuery } from '../api';

/** Platform administrators: who administers one establishment; appoint and remove, audited by the server. */
export function EstablishmentAdminsPage() {
  const { t } = useTranslation();
  const { establishmentId = '' } = useParams();
  const { can } = useSession();
  const errorMessage = useErrorMessage();
  const allowed = can('platform.establishments.manage');
  const admins = useEstablishmentAdminsQuery(establishmentId, allowed);
  const [announce, setAnnounce] = useState('');
  const name = admins.data?.establishment.name;
  const title = name ? t('establishments.admins.title', { name }) : t('establishments.admins.fallbackTitle');
  if (!allowed) {
    return (
      <Page title={title}>
        <Notice tone="info">{t('establishments.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={title} intro={<p>{t('establishments.admins.intro')}</p>}>
      <Link to="/etablissements" className="back-link">
        {t('establishments.admins.back')}
      </Link>
      <p role="status" className="account-status">
        {announce}
      </p>
      {admins.isPending ? <Loading /> : null}
      {admins.error ? <Notice tone="error">{errorMessage(admins.error)}</Notice> : null}
      {admins.data ? (
        <>
          <CurrentAdmins establishmentId={establishmentId} admins={admins.data.items} onChange={setAnnounce} />
          <Appoint establishmentId={establishmentId} admins={admins.data.items} onChange={setAnnounce} />
        </>
      ) : null}
    </Page>
  );
}

function CurrentAdmins({ establishmentId, admins, onChange }: { establishmentId: string; admins: EstablishmentAdmin[]; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<EstablishmentAdmin | null>(null);
  const remove = useMutation({
    mutationFn: (admin: EstablishmentAdmin) => removeAdmin(establishmentId, admin.id),
    onSuccess: (data, admin) => {
      queryClient.setQueryData(adminsQueryKey(establishmentId), data);
      setConfirming(null);
      onChange(t('establishments.admins.removed', { name: admin.displayName }));
    },
  });
  return (
    <section aria-labelledby="admins-title" className="card">
      <h2 id="admins-title">{t('establishments.admins.current')}</h2>
      {admins.length === 0 ? (
        <p>{t('establishments.admins.none')}</p>
      ) : (
        <ul className="plain-list">
          {admins.map((a) => (
            <li key={a.id} className="person__actions" data-admin={a.login}>
              <span>
                {a.displayName} <span className="code">{a.login}</span> — {t(`admin.states.${a.state}`)}
                {a.profiles.length ? `, ${a.profiles.map((p) => t(`profiles.${p}`)).join(', ')}` : `, ${t('establishments.admins.left')}`}
              </span>
              <Button
                className="button button--quiet"
                aria-label={t('establishments.admins.removeLabel', { name: a.displayName })}
                onPress={() => {
                  remove.reset();
                  onChange('');
                  setConfirming(a);
                }}
              >
                {t('establishments.admins.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={t('establishments.admins.removeTitle', { name: confirming?.displayName ?? '' })}
        body={t('establishments.admins.removeBody')}
        confirmLabel={t('establishments.admins.remove')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => setConfirming(null)}
        onConfirm={() => confirming && remove.mutate(confirming)}
      />
    </section>
  );
}

function Appoint({ establishmentId, admins, onChange }: { establishmentId: string; admins: EstablishmentAdmin[]; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const found = useQuery({ queryKey: ['platform', 'staff', establishmentId, q], queryFn: () => searchPeopleOf(establishmentId, q ?? ''), enabled: q !== null });
  const appoint = useMutation({
    mutationFn: (person: AdminPerson) => appointAdmin(establishmentId, person.id),
    onSuccess: (data, person) => {
      queryClient.setQueryData(adminsQueryKey(establishmentId), data);
      onChange(t('establishments.admins.appointed', { name: person.displayName }));
    },
  });
  const current = new Set(admins.map((a) => a.id));
  // Only staff and teachers may administer an establishment (the server refuses the others).
  const candidates = (found.data?.items ?? []).filter((p) => !current.has(p.id) && p.profiles.some((pr) => pr === 'personnel' || pr === 'teacher'));
  const onSearch = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setQ(draft);
  };
  return (
    <section aria-labelledby="appoint-title" className="card">
      <h2 id="appoint-title">{t('establishments.admins.appoint')}</h2>
      <Form className="search-form" onSubmit={onSearch} role="search" aria-label={t('establishments.admins.appoint')}>
        <SearchField className="field" value={draft} onChange={setDraft} onSubmit={() => onSearch()} name="q">
          <Label className="field__label">{t('establishments.admins.search')}</Label>
          <Input className="field__input" />
        </SearchField>
        <Button type="submit" className="button button--secondary">
          {t('establishments.admins.searchSubmit')}
        </Button>
      </Form>
      {appoint.error ? <Notice tone="error">{errorMessage(appoint.error)}</Notice> : null}
      {found.data && candidates.length === 0 ? <p role="status">{t('establishments.admins.noResults')}</p> : null}
      {candidates.length > 0 ? (
        <ul className="plain-list">
          {candidates.map((p) => (
            <li key={p.id} className="person__actions" data-candidate={p.login}>
              <span>
                {p.displayName} <span className="code">{p.login}</span> — {p.profiles.map((pr) => t(`profiles.${pr}`)).join(', ')}
              </span>
              <BusyButton
                className="button button--secondary"
                busy={appoint.isPending && appoint.variables?.id === p.id}
                aria-label={t('establishments.admins.appointLabel', { name: p.displayName })}
                onPress={() => appoint.mutate(p)}
              >
                {t('establishments.admins.appointButton')}
              </BusyButton>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
