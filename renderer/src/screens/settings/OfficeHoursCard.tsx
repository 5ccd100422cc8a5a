import { App as AntApp, Alert, Card, Checkbox, Form, Spin, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeHoursSetting } from '../../../../electron/contract';
import { useDesk } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';
import { SaveButton } from './SettingsCard';

/** Monday first, Sunday last, as a Vietnamese week is written (0 = Sunday in the setting). */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

type Session = [string, string];

/** "Giờ làm việc": the sessions of a working day and the working weekdays (saveOfficeHours). */
export function OfficeHoursCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const hours = useDesk('getOfficeHours', {});
  const [form] = Form.useForm<OfficeHoursSetting>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  const loaded = hours.data;

  const submit = async (values: OfficeHoursSetting) => {
    setBusy(true);
    const saved = await submitToDesk(form, 'saveOfficeHours', { sessions: values.sessions, workdays: values.workdays }, setAlert);
    setBusy(false);
    if (!saved) return;
    form.setFieldsValue(saved);
    void message.success(t('common.saved'));
  };

  const sessionLabel = (i: number) => (i === 0 ? t('hours.session1') : i === 1 ? t('hours.session2') : `${i + 1}`);

  return (
    <Card size="small" title={<h2 className="card-title">{t('hours.title')}</h2>}>
      <p className="hint">{t('hours.intro')}</p>
      {hours.error && <Alert type="warning" showIcon className="form-alert" title={hours.error.message} />}
      <FormAlert title={t('intake.fixErrors')} message={alert} />
      {!loaded ? (
        hours.loading && <Spin />
      ) : (
        <Form<OfficeHoursSetting>
          form={form}
          layout="vertical"
          initialValues={loaded}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
          className="hours-form"
        >
          <div className="hours-sessions">
            {loaded.sessions.map((_, i) => (
              <Form.Item key={i} label={sessionLabel(i)} name={['sessions', i]}>
                <SessionInput label={sessionLabel(i)} />
              </Form.Item>
            ))}
          </div>
          <Form.Item label={t('hours.workdays')} name="workdays">
            <Checkbox.Group options={WEEK.map((d) => ({ value: d, label: t(`hours.weekday.${d}`) }))} />
          </Form.Item>
          <SaveButton busy={busy} align="start" />
        </Form>
      )}
    </Card>
  );
}

const toTime = (s: string | undefined): Dayjs | null => (s && /^\d{2}:\d{2}$/.test(s) ? dayjs(`2000-01-01T${s}:00`) : null);

/** One session: "từ HH:mm đến HH:mm", 24-hour clock. */
function SessionInput({ id, value, onChange, label }: { id?: string; value?: Session; onChange?: (v: Session) => void; label: string }) {
  const { t } = useTranslation();
  const [from, to] = value ?? ['', ''];
  const set = (i: 0 | 1, d: Dayjs | null) => {
    const next: Session = [from, to];
    next[i] = d ? d.format('HH:mm') : '';
    onChange?.(next);
  };
  return (
    <span className="session-input">
      <span className="session-word">{t('hours.from')}</span>
      <TimePicker
        id={id}
        format="HH:mm"
        minuteStep={5}
        needConfirm={false}
        allowClear={false}
        value={toTime(from)}
        onChange={(d) => set(0, d)}
        aria-label={`${label}: ${t('hours.from')}`}
        className="time-input"
      />
      <span className="session-word">{t('hours.to')}</span>
      <TimePicker
        format="HH:mm"
        minuteStep={5}
        needConfirm={false}
        allowClear={false}
        value={toTime(to)}
        onChange={(d) => set(1, d)}
        aria-label={`${label}: ${t('hours.to')}`}
        className="time-input"
      />
    </span>
  );
}
