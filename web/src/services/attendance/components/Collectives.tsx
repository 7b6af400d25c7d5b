import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCollectives, useDeclareCollective, useDeleteCollective, useGroups, useReasons } from '../api';
import { isIsoDate, parisInstant } from './dates';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Vie scolaire declares a class or group away (trip, exam) for a time range of one day, and lists those coming. */
export function Collectives({ establishmentId, date }: { establishmentId: string; date: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const list = useCollectives(establishmentId, date);
  const groups = useGroups(establishmentId);
  const reasons = useReasons(establishmentId);
  const declare = useDeclareCollective(establishmentId);
  const remove = useDeleteCollective(establishmentId);
  const [groupId, setGroupId] = useState('');
  const [day, setDay] = useState(date);
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('17:00');
  const [label, setLabel] = useState('');
  // Null: the default, the establishment's "sortie scolaire" reason when it has one.
  const [reasonChoice, setReasonChoice] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  const trip = reasons.data?.reasons.find((r) => r.code === 'sortie_scolaire' && r.active);
  const reasonId = reasonChoice ?? trip?.id ?? 'none';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (declare.isPending) return;
    const ok = groupId !== '' && isIsoDate(day) && TIME.test(from) && TIME.test(to) && from < to && label.trim() !== '';
    setInvalid(!ok);
    if (!ok) return;
    declare.mutate(
      { groupId, startsAt: parisInstant(day, from), endsAt: parisInstant(day, to), label: label.trim(), reasonId: reasonId === 'none' ? null : reasonId },
      { onSuccess: () => setLabel('') },
    );
  };

  return (
    <section aria-labelledby="collectives-title">
      <h2 id="collectives-title">{t('attendance.collectives.title')}</h2>
      <p>{t('attendance.collectives.intro')}</p>
      {list.isError ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {list.data && list.data.collectives.length === 0 ? <p>{t('attendance.collectives.none')}</p> : null}
      {list.data && list.data.collectives.length > 0 ? (
        <ul className="roll-lessons" aria-label={t('attendance.collectives.listLabel', { date })}>
          {list.data.collectives.map((c) => (
            <li key={c.id} className="roll-lesson">
              <p>{t('attendance.collectives.item', { group: c.group.name, label: c.label, from: formatDateTime(c.startsAt), to: formatDateTime(c.endsAt) })}</p>
              <Button className="button" aria-label={t('attendance.collectives.remove', { group: c.group.name, label: c.label })} onPress={() => remove.mutate(c.id)}>
                {t('attendance.collectives.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Form onSubmit={onSubmit} aria-label={t('attendance.collectives.form')} className="grades-entry-section" validationBehavior="aria">
        <h3>{t('attendance.collectives.form')}</h3>
        <div className="grades-entry__fields">
          <SelectInput
            label={t('attendance.collectives.group')}
            value={groupId || 'none'}
            onChange={(value) => setGroupId(value === 'none' ? '' : value)}
            options={[{ id: 'none', label: t('attendance.collectives.chooseGroup') }, ...(groups.data ?? []).map((g) => ({ id: g.id, label: g.name }))]}
          />
          <TextInput label={t('attendance.collectives.date')} value={day} onChange={setDay} verbatim />
          <TextInput label={t('attendance.collectives.from')} value={from} onChange={setFrom} verbatim />
          <TextInput label={t('attendance.collectives.to')} value={to} onChange={setTo} verbatim />
          <TextInput label={t('attendance.collectives.label')} value={label} onChange={setLabel} />
          <SelectInput
            label={t('attendance.collectives.reason')}
            value={reasonId}
            onChange={setReasonChoice}
            options={[{ id: 'none', label: t('attendance.collectives.noReason') }, ...(reasons.data?.reasons ?? []).filter((r) => r.active).map((r) => ({ id: r.id, label: r.label }))]}
          />
        </div>
        {invalid ? <Notice tone="error">{t('attendance.collectives.invalid')}</Notice> : null}
        {declare.isError ? <Notice tone="error">{errorMessage(declare.error)}</Notice> : null}
        {declare.isSuccess && !invalid ? <Notice tone="success">{t('attendance.collectives.done')}</Notice> : null}
        <BusyButton busy={declare.isPending} type="submit" className="button button--primary">
          {t('attendance.collectives.submit')}
        </BusyButton>
      </Form>
    </section>
  );
}
