import { COMPONENT_CODES, type ComponentCode, type SkillSheet } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCreateAssessment, useCreateItem, useItems } from '../api';
import { componentKey } from '../i18n';

const today = () => new Date().toISOString().slice(0, 10);
const choiceKey = (component: string, itemId: string | null) => `${component}|${itemId ?? ''}`;

/** Adds one of the establishment's skills under a component, for this subject (or, for the head, all). */
export function NewItemForm({ establishmentId, subjectId }: { establishmentId: string; subjectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorMessage = useErrorMessage();
  const create = useCreateItem(establishmentId);
  const [component, setComponent] = useState<ComponentCode>('D1.1');
  const [label, setLabel] = useState('');
  const [shared, setShared] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate({ component, subjectId: shared ? null : subjectId, label }, { onSuccess: () => setLabel('') });
  };
  return (
    <Form onSubmit={submit} className="skills-section" aria-labelledby="new-skill-item">
      <h4 id="new-skill-item">{t('skills.entry.newItem')}</h4>
      <SelectInput
        label={t('skills.entry.itemComponent')}
        value={component}
        onChange={(id) => setComponent(id as ComponentCode)}
        options={COMPONENT_CODES.map((code) => ({ id: code, label: `${code} — ${t(`skills.components.${componentKey(code)}`)}` }))}
      />
      <TextInput label={t('skills.entry.itemLabel')} value={label} onChange={setLabel} isRequired name="item-label" />
      {can('skills.manage') ? <CheckboxInput name="item-shared" label={t('skills.entry.itemShared')} isSelected={shared} onChange={setShared} /> : null}
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <p role="status">{t('skills.entry.itemAdded')}</p> : null}
      <BusyButton type="submit" busy={create.isPending} className="button button--secondary">
        {t('skills.entry.addItem')}
      </BusyButton>
    </Form>
  );
}

/**
 * A new skills assessment: alone (title, date, published now or later) or beside one of the
 * class's graded assessments (its title, date and publication then apply), with the skills it
 * assesses: whole components or the establishment's skills for this subject.
 */
export function NewAssessmentForm({ establishmentId, sheet }: { establishmentId: string; sheet: SkillSheet }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateAssessment(establishmentId);
  const items = useItems(establishmentId, sheet.subject.id);
  const [graded, setGraded] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [publishNow, setPublishNow] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState(false);
  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const choices = [
    ...COMPONENT_CODES.map((code) => ({ key: choiceKey(code, null), component: code, itemId: null as string | null, label: t('skills.entry.wholeComponent', { code }) })),
    ...(items.data?.items ?? []).filter((i) => i.active).map((i) => ({ key: choiceKey(i.component, i.id), component: i.component, itemId: i.id as string | null, label: `${i.component} · ${i.label}` })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const skills = choices.filter((c) => chosen.has(c.key)).map((c) => ({ component: c.component, itemId: c.itemId }));
    setMissing(skills.length === 0);
    if (skills.length === 0) return;
    const beside = graded !== '';
    create.mutate(
      {
        groupId: sheet.group.id,
        subjectId: sheet.subject.id,
        gradeAssessmentId: beside ? graded : null,
        title: beside ? null : title,
        date: beside ? null : date,
        studentsAt: !beside && publishNow ? new Date().toISOString() : null,
        skills,
      },
      {
        onSuccess: () => {
          setTitle('');
          setChosen(new Set());
        },
      },
    );
  };
  return (
    <div className="card skills-section">
      <Form onSubmit={submit} className="skills-section" aria-labelledby="new-skills-assessment">
        <h3 id="new-skills-assessment">{t('skills.entry.newAssessment')}</h3>
        <SelectInput
          label={t('skills.entry.beside')}
          value={graded || 'none'}
          onChange={(id) => setGraded(id === 'none' ? '' : id)}
          options={[{ id: 'none', label: t('skills.entry.besideNone') }, ...sheet.gradeAssessments.map((g) => ({ id: g.id, label: `${g.title} (${g.date})` }))]}
        />
        {graded === '' ? (
          <>
            <TextInput label={t('skills.entry.titleLabel')} value={title} onChange={setTitle} isRequired name="title" />
            <TextInput label={t('skills.entry.dateLabel')} value={date} onChange={setDate} isRequired name="date" verbatim />
            <CheckboxInput name="publish-now" label={t('skills.entry.publishNow')} description={t('skills.entry.publishHelp')} isSelected={publishNow} onChange={setPublishNow} />
          </>
        ) : null}
        <fieldset className="skills-choices">
          <legend>{t('skills.entry.skills')}</legend>
          {choices.map((c) => (
            <CheckboxInput key={c.key} name={`skill-${c.key}`} label={c.label} isSelected={chosen.has(c.key)} onChange={(on) => toggle(c.key, on)} />
          ))}
        </fieldset>
        {missing ? <Notice tone="error">{t('skills.entry.pickOne')}</Notice> : null}
        {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
        {create.isSuccess ? <p role="status">{t('skills.entry.created')}</p> : null}
        <BusyButton type="submit" busy={create.isPending} className="button button--primary">
          {t('skills.entry.create')}
        </BusyButton>
      </Form>
      <NewItemForm establishmentId={establishmentId} subjectId={sheet.subject.id} />
    </div>
  );
}
