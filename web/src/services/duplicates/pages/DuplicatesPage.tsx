import { DUPLICATE_STATUSES, type DuplicateStatus } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { detectDuplicates, duplicatesKey, type Scope, useDuplicatesQuery } from '../api';
import { CandidateCard } from '../components/CandidateCard';
import '../duplicates.css';

/** The list for one scope and status, a page at a time, with "look again" and the decisions. */
function Duplicates({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DuplicateStatus>('open');
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const pages = useCursorPages();
  const list = useDuplicatesQuery(scope, status, pages.cursor);
  const refresh = () => queryClient.invalidateQueries({ queryKey: duplicatesKey(scope) });
  const detect = useMutation({
    mutationFn: () => detectDuplicates(scope),
    onSuccess: (result) => {
      setAnnouncement(t('duplicates.detected', { count: result.proposed }));
      pages.reset();
      void refresh();
    },
  });
  const nextCursor = list.data?.nextCursor ?? null;
  const items = list.data?.items ?? [];

  return (
    <>
      <div className="duplicates__toolbar">
        <SelectInput
          label={t('duplicates.status')}
          name="status"
          value={status}
          onChange={(id) => {
            setStatus(id as DuplicateStatus);
            setAnnouncement(null);
            pages.reset();
          }}
          options={DUPLICATE_STATUSES.map((id) => ({ id, label: t(`duplicates.statuses.${id}`) }))}
        />
        <BusyButton className="button button--secondary" busy={detect.isPending} onPress={() => detect.mutate()}>
          {detect.isPending ? t('duplicates.detecting') : t('duplicates.detect')}
        </BusyButton>
      </div>
      {announcement ? <Notice tone="success">{announcement}</Notice> : null}
      {detect.error ? <Notice tone="error">{errorMessage(detect.error)}</Notice> : null}
      {list.isPending ? <Loading /> : null}
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data && items.length === 0 ? <p>{t(`duplicates.empty.${status}`)}</p> : null}
      {items.length > 0 ? (
        <section aria-label={t('duplicates.listLabel')} className="duplicates__list">
          {items.map((candidate) => (
            <CandidateCard
              key={candidate.id}
              scope={scope}
              candidate={candidate}
              onDecided={(message) => {
                setAnnouncement(message);
                void refresh();
              }}
            />
          ))}
        </section>
      ) : null}
      {pages.page > 1 || nextCursor ? <Pager label={t('duplicates.pager')} pages={pages} nextCursor={nextCursor} busy={list.isFetching} /> : null}
    </>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const platform = can('platform.duplicates.manage');
  const local = membership !== null && can('admin.duplicates.manage');
  const [wide, setWide] = useState(false);
  const scope: Scope | null = platform && (wide || !local) ? { kind: 'platform' } : local && membership ? { kind: 'establishment', establishmentId: membership.establishment.id } : null;
  return (
    <Page title={t('duplicates.title')} intro={scope ? <p>{t('duplicates.intro')}</p> : null}>
      {platform && local && membership ? (
        <SelectInput
          label={t('duplicates.scope')}
          name="scope"
          value={wide ? 'platform' : 'establishment'}
          onChange={(id) => setWide(id === 'platform')}
          options={[
            { id: 'establishment', label: t('duplicates.scopes.establishment', { name: membership.establishment.name }) },
            { id: 'platform', label: t('duplicates.scopes.platform') },
          ]}
        />
      ) : null}
      {scope ? <Duplicates key={scope.kind === 'platform' ? 'platform' : scope.establishmentId} scope={scope} /> : <Notice tone="info">{t('duplicates.noAccess')}</Notice>}
    </Page>
  );
}
