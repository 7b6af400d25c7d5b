import type { Mailbox } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useErrorMessage } from '../../../lib/error-messages';
import { TextInput } from '../../../lib/ui/TextInput';
import { createFolder, deleteFolder, renameFolder, useRefreshMailbox } from '../api';
import { formatSize } from './format-size';

/** System folders, the person's own folders (create, rename, delete) with unread counts, and the quota. */
export function FolderNav({ establishmentId, mailbox, current }: { establishmentId: string; mailbox: Mailbox; current: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshMailbox();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const create = useMutation({
    mutationFn: () => createFolder(establishmentId, name.trim()),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  const rename = useMutation({
    mutationFn: (f: { id: string; name: string }) => renameFolder(establishmentId, f.id, f.name.trim()),
    onSuccess: async () => {
      setRenaming(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteFolder(establishmentId, id),
    onSuccess: async (_, id) => {
      await refresh();
      if (current === id) navigate('/messagerie');
    },
  });
  const label = (f: { id: string; name: string | null }) => f.name ?? t(`messaging.folders.${f.id}`);
  const link = (f: Mailbox['system'][number]) => (
    <NavLink to={f.id === 'inbox' ? '/messagerie' : `/messagerie/dossier/${encodeURIComponent(f.id)}`} end className="folders__link">
      <span>{label(f)}</span>
      {f.unread > 0 ? (
        <span className="badge folders__unread">
          <span aria-hidden="true">{f.unread}</span>
          <span className="visually-hidden">{t('messaging.folders.unread', { count: f.unread })}</span>
        </span>
      ) : null}
    </NavLink>
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() && !create.isPending) create.mutate();
  };
  const error = create.error ?? rename.error ?? remove.error;
  return (
    <nav className="folders" aria-label={t('messaging.folders.label')}>
      <ul className="plain-list folders__list">
        {mailbox.system.map((f) => (
          <li key={f.id}>{link(f)}</li>
        ))}
      </ul>
      <h2 className="folders__heading">{t('messaging.folders.mine')}</h2>
      <ul className="plain-list folders__list">
        {mailbox.folders.map((f) =>
          renaming?.id === f.id ? (
            <li key={f.id}>
              <Form
                className="folders__rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (renaming.name.trim()) rename.mutate(renaming);
                }}
              >
                <TextInput label={t('messaging.folders.renameLabel', { name: f.name })} value={renaming.name} onChange={(v) => setRenaming({ id: f.id, name: v })} maxLength={60} autoFocus />
                <Button type="submit" className="button button--secondary">
                  {t('messaging.folders.save')}
                </Button>
                <Button className="button button--quiet" onPress={() => setRenaming(null)}>
                  {t('messaging.folders.cancel')}
                </Button>
              </Form>
            </li>
          ) : (
            <li key={f.id} className="folders__item">
              {link(f)}
              <span className="folders__tools">
                <Button className="button button--quiet folders__tool" aria-label={t('messaging.folders.renameLabel', { name: f.name })} onPress={() => setRenaming({ id: f.id, name: f.name ?? '' })}>
                  <span aria-hidden="true">✎</span>
                </Button>
                <Button className="button button--quiet folders__tool" aria-label={t('messaging.folders.removeLabel', { name: f.name })} onPress={() => remove.mutate(f.id)}>
                  <span aria-hidden="true">×</span>
                </Button>
              </span>
            </li>
          ),
        )}
      </ul>
      {mailbox.folders.length > 0 ? <p className="muted folders__hint">{t('messaging.folders.removeHint')}</p> : null}
      <details className="folders__create">
        <summary>{t('messaging.folders.newFolder')}</summary>
        <Form className="folders__new" onSubmit={submit}>
          <TextInput label={t('messaging.folders.name')} name="folder" value={name} onChange={setName} maxLength={60} />
          <Button type="submit" className="button button--secondary">
            {t('messaging.folders.create')}
          </Button>
        </Form>
      </details>
      {error ? <p className="field__error" role="alert">{errorMessage(error)}</p> : null}
      <p className="muted folders__quota">
        {t('messaging.quota', { used: formatSize(mailbox.quota.used, i18n.language), limit: formatSize(mailbox.quota.limit, i18n.language) })}
      </p>
    </nav>
  );
}
