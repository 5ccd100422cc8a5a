import { App as AntApp, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupAddress, PAPERS, type DocumentSettings } from '../../../../electron/contract';
import { useDesk } from '../../api';
import { SaveButton, SettingsCard } from './SettingsCard';
import { clearEditedErrors, precheck, submitToDesk } from '../../lib/formErrors';

const EXAMPLE_CODE = '000.00.00.H56-261124-0001';

/** What the slip's QR code holds for `url` (the desk's own rule). */
export const lookupExample = (url: string, code = EXAMPLE_CODE): string => lookupAddress(code, url);

/** "Giấy tờ": paper of the slips and of the register, and the lookup address in the slip's QR code. */
export function DocumentSettingsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const current = useDesk('getDocumentSettings', {});
  const [form] = Form.useForm<DocumentSettings>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const lookupUrl = Form.useWatch('lookupUrl', form) ?? current.data?.lookupUrl ?? '';

  const submit = async (values: DocumentSettings) => {
    const input = { ...values, lookupUrl: (values.lookupUrl ?? '').trim() };
    if (!precheck(form, 'saveDocumentSettings', input, setAlert)) return;
    setBusy(true);
    const saved = await submitToDesk(form, 'saveDocumentSettings', input, setAlert);
    setBusy(false);
    if (!saved) return;
    form.setFieldsValue(saved);
    void message.success(t('common.saved'));
  };

  const paperOptions = PAPERS.map((p) => ({ value: p, label: p }));

  return (
    <SettingsCard title={t('docSettings.title')} intro={t('docSettings.intro')} current={current} alert={alert}>
      {(data) => (
        <Form<DocumentSettings>
          form={form}
          layout="vertical"
          initialValues={data}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
          style={{ maxWidth: 760 }}
        >
          <Form.Item label={t('docSettings.slipPaper')} name="slipPaper" extra={t('docSettings.slipPaperHint')}>
            <Radio.Group optionType="button" options={paperOptions} aria-label={t('docSettings.slipPaper')} />
          </Form.Item>
          <Form.Item label={t('docSettings.registerPaper')} name="registerPaper" extra={t('docSettings.registerPaperHint')}>
            <Radio.Group optionType="button" options={paperOptions} aria-label={t('docSettings.registerPaper')} />
          </Form.Item>
          <Form.Item
            label={t('docSettings.lookupUrl')}
            name="lookupUrl"
            extra={
              <>
                <span className="hint small" style={{ display: 'block', margin: 0 }}>
                  {t('docSettings.lookupUrlHint')}
                </span>
                {/* The words in the UI font (a monospace face breaks Vietnamese marks), the address in monospace. */}
                <span className="sub" data-testid="lookup-example" style={{ wordBreak: 'break-all' }}>
                  {t('docSettings.lookupExample', { code: EXAMPLE_CODE })} <span className="mono">{lookupExample(lookupUrl)}</span>
                </span>
              </>
            }
          >
            <Input placeholder="https://dichvucong.gov.vn/…?ma={code}" allowClear autoComplete="off" spellCheck={false} />
          </Form.Item>
          <SaveButton busy={busy} align="start" />
        </Form>
      )}
    </SettingsCard>
  );
}
