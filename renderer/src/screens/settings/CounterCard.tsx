import { App as AntApp, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSettings } from '../../../../electron/contract';
import { useDesk } from '../../api';
import { SaveButton, SettingsCard } from './SettingsCard';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';

/** "Quầy tiếp nhận": the watched scan folder, the file size limit and when a dossier counts as "treo". */
export function CounterCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const current = useDesk('getCounterSettings', {});
  const [form] = Form.useForm<CounterSettings>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  const submit = async (values: CounterSettings) => {
    setBusy(true);
    const saved = await submitToDesk(form, 'saveCounterSettings', { ...values, scanFolder: values.scanFolder ?? '' }, setAlert);
    setBusy(false);
    if (!saved) return;
    form.setFieldsValue(saved);
    void message.success(t('common.saved'));
  };

  return (
    <SettingsCard title={t('counterSettings.title')} intro={t('counterSettings.intro')} current={current} alert={alert}>
      {(data) => (
        <Form<CounterSettings>
          form={form}
          layout="vertical"
          initialValues={data}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item label={t('counterSettings.scanFolder')} name="scanFolder" extra={t('counterSettings.scanFolderHint')}>
            <Input placeholder={t('counterSettings.scanFolderPlaceholder')} allowClear />
          </Form.Item>
          <Form.Item label={t('counterSettings.maxFileMb')} name="maxFileMb" extra={t('counterSettings.maxFileMbHint')}>
            <InputNumber min={1} max={500} addonAfter="MB" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('counterSettings.staleDays')} name="staleDays" extra={t('counterSettings.staleDaysHint')}>
            <InputNumber min={1} max={60} addonAfter={t('counterSettings.days')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t('counterSettings.lockMinutes')} name="lockMinutes" extra={t('counterSettings.lockMinutesHint')}>
            <InputNumber min={1} max={120} addonAfter={t('counterSettings.minutes')} style={{ width: 180 }} />
          </Form.Item>
          <SaveButton busy={busy} />
        </Form>
      )}
    </SettingsCard>
  );
}
