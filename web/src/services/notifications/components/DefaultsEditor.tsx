import {
  type EmailFrequency,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_SERVICES,
  type NotificationChannel,
  type NotificationDefaults,
  type NotificationService,
} from '@preau/contracts';
import { useId } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import '../notifications.css';

type Props = {
  value: NotificationDefaults;
  onChange: (next: NotificationDefaults) => void;
  timeZone: string;
  /** Prefix of field names and ids when a page shows two editors. */
  name: string;
};

const FREQUENCIES: EmailFrequency[] = ['immediate', 'daily', 'weekly'];
/** Monday first, as French calendars show the week. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** Channels per service, e-mail frequency and quiet hours: the person's page and the establishment's defaults share it. */
export function DefaultsEditor({ value, onChange, timeZone, name }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const setChannel = (service: NotificationService, channel: NotificationChannel, on: boolean) =>
    onChange({ ...value, channels: { ...value.channels, [service]: { ...value.channels[service], [channel]: on } } });
  const quiet = value.quietHours;
  const setQuiet = (patch: Partial<typeof quiet>) => onChange({ ...value, quietHours: { ...quiet, ...patch } });
  return (
    <div className="stack">
      <fieldset className="prefs__group">
        <legend>{t('notifications.channelsTitle')}</legend>
        <p className="field__description">{t('notifications.channelsHelp')}</p>
        <div className="table-scroll">
          <table className="table prefs__table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.service')}</th>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <th scope="col" key={channel}>
                    {t(`notifications.channels.${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_SERVICES.map((service) => (
                <tr key={service}>
                  <th scope="row">{t(`timeline.services.${service}`)}</th>
                  {NOTIFICATION_CHANNELS.map((channel) => (
                    <td key={channel}>
                      <CheckboxInput
                        name={`${name}-${service}-${channel}`}
                        label={
                          <span className="visually-hidden">
                            {t('notifications.cellLabel', { service: t(`timeline.services.${service}`), channel: t(`notifications.channels.${channel}`) })}
                          </span>
                        }
                        isSelected={value.channels[service][channel]}
                        onChange={(on) => setChannel(service, channel, on)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>

      <RadioGroup className="radio-group prefs__group" name={`${name}-frequency`} value={value.emailFrequency} onChange={(v) => onChange({ ...value, emailFrequency: v as EmailFrequency })}>
        <Label className="field__label">{t('notifications.frequencyTitle')}</Label>
        {FREQUENCIES.map((frequency) => (
          <Radio key={frequency} value={frequency} className="radio">
            <span className="radio__dot" aria-hidden="true" />
            <span>
              <span className="radio__title">{t(`notifications.frequency.${frequency}`)}</span>
              <Text slot="description" className="radio__detail">
                {t(`notifications.frequency.${frequency}Detail`)}
              </Text>
            </span>
          </Radio>
        ))}
      </RadioGroup>

      <fieldset className="prefs__group">
        <legend>{t('notifications.quietTitle')}</legend>
        <p className="field__description">{t('notifications.quietHelp', { timeZone })}</p>
        <CheckboxInput name={`${name}-quiet`} label={t('notifications.quietEnabled')} isSelected={quiet.enabled} onChange={(enabled) => setQuiet({ enabled })} />
        <div className="prefs__times">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-start`}>
              {t('notifications.quietStart')}
            </label>
            <input id={`${ids}-start`} className="field__input" type="time" required disabled={!quiet.enabled} value={quiet.start} onChange={(e) => e.target.value && setQuiet({ start: e.target.value })} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-end`}>
              {t('notifications.quietEnd')}
            </label>
            <input id={`${ids}-end`} className="field__input" type="time" required disabled={!quiet.enabled} value={quiet.end} onChange={(e) => e.target.value && setQuiet({ end: e.target.value })} />
          </div>
        </div>
        <fieldset className="prefs__days" disabled={!quiet.enabled}>
          <legend className="field__label">{t('notifications.quietDays')}</legend>
          {WEEK.map((day) => (
            <CheckboxInput
              key={day}
              name={`${name}-day-${day}`}
              label={t(`notifications.days.${day}`)}
              isSelected={quiet.days.includes(day)}
              onChange={(on) => setQuiet({ days: on ? [...quiet.days, day].sort() : quiet.days.filter((d) => d !== day) })}
            />
          ))}
        </fieldset>
      </fieldset>
    </div>
  );
}
