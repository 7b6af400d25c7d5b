import type { HandinReturn, MyHandin } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { HandinReturnForm } from '../components/HandinReturnForm';
import { handinFileUrl, returnFileUrl, useHandIn, useHandinList, useMyHandin, zipUrl } from '../handins.api';
import '../homework.css';

function Returns({ returns, establishmentId, homeworkId }: { returns: HandinReturn[]; establishmentId: string; homeworkId: string }) {
  const { t } = useTranslation();
  if (returns.length === 0) return <p className="muted">{t('homework.handin.noCorrection')}</p>;
  return (
    <ul className="handin-returns">
      {returns.map((r) => (
        <li key={r.id}>
          <strong>{r.studentId ? t('homework.handin.personal') : t('homework.handin.common')}</strong>
          {r.comment ? <p>{r.comment}</p> : null}
          {r.file ? <a href={returnFileUrl(establishmentId, homeworkId, r.id)}>{t('homework.handin.download', { name: r.file.name })}</a> : null}
        </li>
      ))}
    </ul>
  );
}

/** The student's own hand-in (form while it may change), or a relative's view of the child's. */
function OwnHandin({ handin, establishmentId, homeworkId }: { handin: MyHandin; establishmentId: string; homeworkId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(handin.text ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const send = useHandIn(establishmentId, homeworkId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate({ text, files });
  };
  return (
    <>
      <section aria-labelledby="handin-status" className="card handin-card">
        <h2 id="handin-status">{t('homework.handin.status')}</h2>
        <p>
          {handin.handedIn && handin.handedInAt ? t('homework.handin.handedIn', { date: formatDate(handin.handedInAt.slice(0, 10)) }) : t('homework.handin.notHandedIn')}
          {handin.late ? <strong className="handin-late"> · {t('homework.handin.late')}</strong> : null}
        </p>
        {handin.files.length > 0 ? (
          <>
            <h3>{t('homework.handin.yourFiles')}</h3>
            <ul>
              {handin.files.map((f) => (
                <li key={f.id}>
                  <a href={handinFileUrl(establishmentId, homeworkId, f.id)}>{f.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {handin.text ? <p className="handin-text">{handin.text}</p> : null}
      </section>
      {handin.canHandIn ? (
        <form className="card handin-card" onSubmit={submit} aria-labelledby="handin-form-title">
          <h2 id="handin-form-title">{handin.handedIn ? t('homework.handin.replace') : t('homework.handin.submit')}</h2>
          <div className="field">
            <label className="field__label" htmlFor="handin-text">
              {t('homework.handin.text')}
            </label>
            <textarea id="handin-text" className="field__input" rows={5} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="handin-files">
              {t('homework.handin.files')}
            </label>
            <input id="handin-files" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </div>
          <BusyButton type="submit" className="button" busy={send.isPending}>
            {handin.handedIn ? t('homework.handin.replace') : t('homework.handin.submit')}
          </BusyButton>
          {send.isError ? <Notice tone="error">{errorMessage(send.error)}</Notice> : null}
          {send.isSuccess ? <Notice tone="success">{t('homework.handin.sent')}</Notice> : null}
        </form>
      ) : handin.handedIn ? (
        <p className="muted">{t('homework.handin.locked')}</p>
      ) : null}
      <section aria-labelledby="handin-corrections">
        <h2 id="handin-corrections">{t('homework.handin.corrections')}</h2>
        <Returns returns={handin.returns} establishmentId={establishmentId} homeworkId={homeworkId} />
      </section>
    </>
  );
}

/** The teacher's view: who handed in, the ZIP of all copies, a correction per student and a common one. */
function ClassHandins({ establishmentId, homeworkId }: { establishmentId: string; homeworkId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const list = useHandinList(establishmentId, homeworkId, true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <Notice tone="error">{errorMessage(list.error)}</Notice>;
  const handins = list.data.handins;
  return (
    <>
      <p>{t('homework.handin.due', { date: formatDate(list.data.dueOn) })}</p>
      <p>
        {t('homework.handin.count', { handed: handins.filter((h) => h.handedIn).length, total: handins.length })} ·{' '}
        <a href={zipUrl(establishmentId, homeworkId)}>{t('homework.handin.zip')}</a>
      </p>
      <section aria-labelledby="class-handins">
        <h2 id="class-handins">{t('homework.handin.students')}</h2>
        <ul className="handin-list">
          {handins.map((h) => (
            <li key={h.studentId} className="card handin-card" data-student={h.studentName}>
              <h3>{h.studentName}</h3>
              <p>
                {h.handedIn && h.handedInAt ? t('homework.handin.handedIn', { date: formatDate(h.handedInAt.slice(0, 10)) }) : t('homework.handin.notHandedIn')}
                {h.late ? <strong className="handin-late"> · {t('homework.handin.late')}</strong> : null}
              </p>
              {h.files.length > 0 ? (
                <ul>
                  {h.files.map((f) => (
                    <li key={f.id}>
                      <a href={handinFileUrl(establishmentId, homeworkId, f.id)}>{f.name}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {h.text ? <p className="handin-text">{h.text}</p> : null}
              {h.returns.filter((r) => r.studentId).map((r) => (
                <p key={r.id} className="muted">
                  {t('homework.handin.personal')} : {r.comment}
                </p>
              ))}
              {h.handedIn ? (
                <HandinReturnForm establishmentId={establishmentId} homeworkId={homeworkId} studentId={h.studentId} label={t('homework.handin.comment', { name: h.studentName })} submitLabel={t('homework.handin.send')} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="common-correction" className="card handin-card">
        <h2 id="common-correction">{t('homework.handin.common')}</h2>
        <Returns returns={list.data.commonReturns} establishmentId={establishmentId} homeworkId={homeworkId} />
        <HandinReturnForm establishmentId={establishmentId} homeworkId={homeworkId} studentId={null} label={t('homework.handin.commonComment')} submitLabel={t('homework.handin.sendCommon')} />
      </section>
    </>
  );
}

/** /devoirs/:homeworkId/rendu — students hand in, relatives follow, teachers collect and correct. */
export function HandinPage() {
  const { t } = useTranslation();
  const { homeworkId = '' } = useParams();
  const [search] = useSearchParams();
  const { me, membership } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const isStudent = membership?.profiles.includes('student') ?? false;
  const isRelative = !isStudent && (membership?.profiles.includes('relative') ?? false);
  const studentId = isStudent ? null : isRelative ? (search.get('eleve') ?? me.children[0]?.id ?? null) : null;
  const own = useMyHandin(establishmentId, homeworkId, studentId, isStudent || isRelative);
  return (
    <Page title={t('homework.handin.title')} intro={isStudent ? <p>{t('homework.handin.intro')}</p> : undefined}>
      <p>
        <Link to="/agenda">{t('homework.handin.back')}</Link>
      </p>
      {establishmentId === null ? <Notice tone="info">{t('homework.handin.noAccess')}</Notice> : null}
      {establishmentId && (isStudent || isRelative) ? (
        own.isPending ? (
          <Loading />
        ) : own.isError ? (
          <Notice tone="error">{errorMessage(own.error)}</Notice>
        ) : (
          <>
            <p>{t('homework.handin.due', { date: formatDate(own.data.dueOn) })}</p>
            <OwnHandin handin={own.data} establishmentId={establishmentId} homeworkId={homeworkId} />
          </>
        )
      ) : null}
      {establishmentId && !isStudent && !isRelative ? <ClassHandins establishmentId={establishmentId} homeworkId={homeworkId} /> : null}
    </Page>
  );
}
