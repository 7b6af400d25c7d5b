import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { archivePdfUrl, useArchives, useCreateArchive } from '../archive.api';
import '../homework.css';

/** The head archives a finished school year; it then reads as PDF, for inspection, five years long. */
function CreateArchive({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const create = useCreateArchive(establishmentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate(Number(year));
  };
  return (
    <form className="card handin-card" onSubmit={submit} aria-labelledby="archive-create">
      <h2 id="archive-create">{t('homework.archive.create')}</h2>
      <TextInput label={t('homework.archive.year')} description={t('homework.archive.yearHelp')} value={year} onChange={setYear} inputMode="numeric" />
      <BusyButton type="submit" className="button" busy={create.isPending}>
        {t('homework.archive.submit')}
      </BusyButton>
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t('homework.archive.created')}</Notice> : null}
    </form>
  );
}

export function ArchivePage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('homework.archive');
  const archives = useArchives(allowed ? establishmentId : null);
  return (
    <Page title={t('homework.archive.title')} intro={<p>{t('homework.archive.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('homework.archive.noAccess')}</Notice> : null}
      {allowed && establishmentId && can('homework.visa') ? <CreateArchive establishmentId={establishmentId} /> : null}
      {allowed && archives.isPending ? <Loading /> : null}
      {archives.isError ? <Notice tone="error">{errorMessage(archives.error)}</Notice> : null}
      {archives.data && establishmentId ? (
        archives.data.archives.length === 0 ? (
          <p className="muted">{t('homework.archive.empty')}</p>
        ) : (
          archives.data.archives.map((a) => (
            <section key={a.schoolYear} aria-labelledby={`archive-${a.schoolYear}`} className="card handin-card">
              <h2 id={`archive-${a.schoolYear}`}>{t('homework.archive.yearTitle', { from: a.schoolYear, to: a.schoolYear + 1 })}</h2>
              <p className="muted">{t('homework.archive.kept', { date: formatDate(a.expiresOn) })}</p>
              <ul>
                {a.groups.map((g) => (
                  <li key={g.id}>
                    <a href={archivePdfUrl(establishmentId, a.schoolYear, g.id)}>{t('homework.archive.pdf', { name: g.name, count: g.sessions })}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )
      ) : null}
    </Page>
  );
}
