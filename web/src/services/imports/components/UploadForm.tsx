import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { RequiredNote } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useOptionalSession } from '../../../app/session';
import { CSV_PROFILES, type ImportRunDetail, PLATFORM_ONLY_SOURCES, UPLOAD_SOURCES, type UploadRequest, type UploadSource, uploadImport } from '../api';
import { FileField } from './FileField';
import { ImportError } from './ImportError';

const AUTO = 'auto';
const XML = '.xml,text/xml,application/xml';
const ACCEPT: Record<UploadSource, string> = { siecle: XML, sts: XML, csv: '.csv,.txt,text/csv', oneroster: '.zip,application/zip', aaf: XML };

/** Chooses the source and the files, sends them for a dry run, and hands the report up. */
export function UploadForm({ establishmentId, onUploaded }: { establishmentId: string; onUploaded: (run: ImportRunDetail) => void }) {
  const { t } = useTranslation();
  const platformAdmin = useOptionalSession()?.me.platformAdmin ?? false;
  const sources = UPLOAD_SOURCES.filter((id) => platformAdmin || !PLATFORM_ONLY_SOURCES.includes(id));
  const [source, setSource] = useState<UploadSource>('siecle');
  const [profile, setProfile] = useState<string>(AUTO);
  const [overrideNational, setOverrideNational] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (request: UploadRequest) => uploadImport(establishmentId, request),
    onSuccess: (run) => onUploaded(run),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return; // the busy button stays focusable, so guard repeats here
    if (files.length === 0) {
      setFilesError(t('imports.upload.filesRequired'));
      return;
    }
    setFilesError(null);
    upload.mutate({
      source,
      profile: profile === AUTO ? null : (profile as UploadRequest['profile']),
      overrideNational,
      files,
    });
  };

  const csv = source === 'csv';
  return (
    <section aria-labelledby="upload-title" className="card upload">
      <h2 id="upload-title">{t('imports.upload.title')}</h2>
      {upload.error ? <ImportError error={upload.error} title={t('imports.upload.failed')} /> : null}
      <Form className="form" onSubmit={onSubmit} validationBehavior="aria" aria-labelledby="upload-title">
        <RequiredNote />
        <SelectInput
          label={t('imports.upload.source')}
          name="source"
          value={source}
          onChange={(id) => setSource(id as UploadSource)}
          options={sources.map((id) => ({ id, label: t(`imports.upload.sourceOptions.${id}`) }))}
        />
        {csv ? (
          <>
            <SelectInput
              label={t('imports.upload.profile')}
              description={t('imports.upload.profileHint')}
              name="profile"
              value={profile}
              onChange={setProfile}
              options={[
                { id: AUTO, label: t('imports.upload.profileAuto') },
                ...CSV_PROFILES.map((id) => ({ id, label: t(`profiles.${id}`) })),
              ]}
            />
            <CheckboxInput
              name="overrideNational"
              label={t('imports.upload.override')}
              description={t('imports.upload.overrideHint')}
              isSelected={overrideNational}
              onChange={setOverrideNational}
            />
          </>
        ) : null}
        <FileField
          label={t('imports.upload.files')}
          description={t(`imports.upload.sourceHints.${source}`)}
          accept={ACCEPT[source]}
          files={files}
          onChange={(chosen) => {
            setFiles(chosen);
            if (chosen.length) setFilesError(null);
          }}
          errorMessage={filesError}
          selectedText={t('imports.upload.selected', { count: files.length, names: files.map((f) => f.name).join(', ') })}
        />
        <div className="upload__actions">
          <BusyButton type="submit" className="button button--primary" busy={upload.isPending}>
            {t('imports.upload.submit')}
          </BusyButton>
          {/* Always present, so the change of text is announced (a live region added with its text is often not). */}
          <div role="status" className="upload__progress">
            {upload.isPending ? (
              <>
                <progress className="upload__bar" aria-label={t('imports.upload.uploading')} />
                <span>{t('imports.upload.uploading')}</span>
              </>
            ) : null}
          </div>
        </div>
      </Form>
    </section>
  );
}
