import { type CouncilSheet, DISTINCTIONS, type Distinction, GENERAL_APPRECIATION_MAX, ORIENTATION_MAX } from '@preau/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { reportCardPdfUrl, useSaveDecisions, useSaveGeneral } from '../api';
import { decimal } from './format';
import { TextAreaField } from './TextAreaField';

type Row = { general: string; distinction: Distinction | ''; workWarning: boolean; behaviourWarning: boolean; orientation: string };
/** `bulletins`: the reader may open each student's bulletin (head, deputies, vie scolaire). */
type Props = { establishmentId: string; sheet: CouncilSheet; bulletins: boolean };

/**
 * The council's table: each student's general average, the general appreciation (head teacher or
 * management) and the decisions (head and deputies); two saves, one per author.
 */
export function CouncilTable({ establishmentId, sheet, bulletins }: Props) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const saveGeneral = useSaveGeneral(establishmentId);
  const saveDecisions = useSaveDecisions(establishmentId);
  const [rows, setRows] = useState<Record<string, Row>>({});
  useEffect(() => {
    setRows(
      Object.fromEntries(
        sheet.students.map((s) => [
          s.id,
          { general: s.generalAppreciation ?? '', distinction: s.decision.distinction ?? '', workWarning: s.decision.workWarning, behaviourWarning: s.decision.behaviourWarning, orientation: s.decision.orientation ?? '' },
        ]),
      ),
    );
  }, [sheet]);
  const change = (id: string, patch: Partial<Row>) => setRows((all) => ({ ...all, [id]: { ...(all[id] as Row), ...patch } }));
  const n = (v: number | null) => decimal(v, i18n.language);
  const scope = { groupId: sheet.council.group.id, periodId: sheet.council.period.id };
  const last = sheet.council.period.last;
  const submitGeneral = () => {
    if (saveGeneral.isPending || sheet.students.some((s) => (rows[s.id]?.general.trim().length ?? 0) > GENERAL_APPRECIATION_MAX)) return;
    saveGeneral.mutate({ ...scope, appreciations: sheet.students.map((s) => ({ studentId: s.id, text: rows[s.id]?.general.trim() ?? '' })) });
  };
  const submitDecisions = () => {
    if (saveDecisions.isPending) return;
    saveDecisions.mutate({
      ...scope,
      decisions: sheet.students.map((s) => {
        const r = rows[s.id] as Row;
        return { studentId: s.id, distinction: r.distinction || null, workWarning: r.workWarning, behaviourWarning: r.behaviourWarning, orientation: last ? r.orientation.trim() : '' };
      }),
    });
  };
  const distinctionOptions = [{ id: '', label: t('reportCards.council.none') }, ...DISTINCTIONS.map((d) => ({ id: d, label: t(`reportCards.council.distinctions.${d}`) }))];
  const decisionText = (s: CouncilSheet['students'][number]) =>
    [
      s.decision.distinction ? t(`reportCards.council.distinctions.${s.decision.distinction}`) : null,
      s.decision.workWarning ? t('reportCards.council.workWarning') : null,
      s.decision.behaviourWarning ? t('reportCards.council.behaviourWarning') : null,
      s.decision.orientation,
    ]
      .filter(Boolean)
      .join(' · ') || '—';

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (sheet.canDecide) submitDecisions();
        else submitGeneral();
      }}
      aria-labelledby="council-table"
    >
      <p className="muted">{t('reportCards.council.classFigures', { average: n(sheet.generalFigures.average), min: n(sheet.generalFigures.min), max: n(sheet.generalFigures.max) })}</p>
      <table className="report-cards__table">
        <caption id="council-table">{t('reportCards.council.title', { group: sheet.council.group.name, period: sheet.council.period.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportCards.student')}</th>
            <th scope="col">{t('reportCards.council.general')}</th>
            <th scope="col">{t('reportCards.council.missing')}</th>
            <th scope="col">{t('reportCards.council.generalAppreciation')}</th>
            <th scope="col">{t('reportCards.council.decisions')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.students.map((s) => {
            const r = rows[s.id];
            return (
              <tr key={s.id}>
                <th scope="row">
                  {s.name}
                  {bulletins && sheet.council.id ? (
                    <>
                      <br />
                      <a href={reportCardPdfUrl(establishmentId, s.id, sheet.council.id)} download>
                        {t('reportCards.council.pdfOf', { name: s.name })}
                      </a>
                    </>
                  ) : null}
                </th>
                <td>{n(s.general)}</td>
                <td>{s.missingAppreciations}</td>
                <td>
                  {sheet.canWriteGeneral && r ? (
                    <TextAreaField hideLabel label={t('reportCards.council.generalFor', { name: s.name })} value={r.general} onChange={(general) => change(s.id, { general })} max={GENERAL_APPRECIATION_MAX} />
                  ) : (
                    (s.generalAppreciation ?? '—')
                  )}
                </td>
                <td>
                  {sheet.canDecide && r ? (
                    <div className="report-cards__decision">
                      <SelectInput label={t('reportCards.council.distinction', { name: s.name })} value={r.distinction} onChange={(id) => change(s.id, { distinction: id as Distinction | '' })} options={distinctionOptions} />
                      <CheckboxInput name={`work-${s.id}`} label={t('reportCards.council.workWarning')} isSelected={r.workWarning} onChange={(workWarning) => change(s.id, { workWarning })} />
                      <CheckboxInput name={`behaviour-${s.id}`} label={t('reportCards.council.behaviourWarning')} isSelected={r.behaviourWarning} onChange={(behaviourWarning) => change(s.id, { behaviourWarning })} />
                      {last ? <TextInput label={t('reportCards.council.orientation', { name: s.name })} value={r.orientation} onChange={(orientation) => change(s.id, { orientation })} maxLength={ORIENTATION_MAX} /> : null}
                    </div>
                  ) : (
                    decisionText(s)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="report-cards__actions">
        {sheet.canWriteGeneral ? (
          <BusyButton type={sheet.canDecide ? 'button' : 'submit'} className="button" busy={saveGeneral.isPending} onPress={sheet.canDecide ? submitGeneral : undefined}>
            {t('reportCards.council.saveGeneral')}
          </BusyButton>
        ) : null}
        {sheet.canDecide ? (
          <BusyButton type="submit" className="button button--primary" busy={saveDecisions.isPending}>
            {t('reportCards.council.saveDecisions')}
          </BusyButton>
        ) : null}
      </div>
      {saveGeneral.isError ? <Notice tone="error">{errorMessage(saveGeneral.error)}</Notice> : null}
      {saveGeneral.isSuccess ? <Notice tone="success">{t('reportCards.council.savedGeneral')}</Notice> : null}
      {saveDecisions.isError ? <Notice tone="error">{errorMessage(saveDecisions.error)}</Notice> : null}
      {saveDecisions.isSuccess ? <Notice tone="success">{t('reportCards.council.savedDecisions')}</Notice> : null}
    </form>
  );
}
