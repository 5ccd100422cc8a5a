import { App as AntApp, Alert, Button, Card, Form, Input, InputNumber, Select, Spin, Switch } from 'antd';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_SECURITY, type MailSecurity, type MailSettings } from '../../../../electron/contract';
import { call, useDesk } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ReadOnlyContext } from './SettingsCard';
import { OkIcon, WarnIcon } from '../../components/paper/icons';
import '../../components/paper/paper.css';
import { clearEditedErrors, precheck, submitToDesk } from '../../lib/formErrors';

interface MailValues {
  enabled: boolean;
  autoSend: boolean;
  host: string;
  port: number | null;
  security: MailSecurity;
  user: string;
  password: string;
  fromName: string;
  fromAddress: string;
}

const PORT_OF: Record<MailSecurity, number> = { none: 25, starttls: 587, tls: 465 };

/** "Thư điện tử": the SMTP server, sign-in, sender, switches, and "Kiểm tra kết nối". */
export function MailSettingsCard() {
  const { t } = useTranslation();
  const readOnly = useContext(ReadOnlyContext);
  const { message } = AntApp.useApp();
  const current = useDesk('getMailSettings', {});
  const [saved, setSaved] = useState<MailSettings>();
  const [form] = Form.useForm<MailValues>();
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [alert, setAlert] = useState<string>();
  const [removePassword, setRemovePassword] = useState(false);
  const [test, setTest] = useState<{ ok: boolean; message: string; ms: number } | null>(null);

  const settings = saved ?? current.data;

  const toInput = (values: MailValues) => {
    const password = removePassword ? '' : values.password ? values.password : undefined;
    return {
      enabled: values.enabled,
      autoSend: values.autoSend,
      host: (values.host ?? '').trim(),
      port: values.port as number,
      security: values.security,
      user: (values.user ?? '').trim(),
      ...(settings?.passwordEditable === false || password === undefined ? {} : { password }),
      fromName: (values.fromName ?? '').trim(),
      fromAddress: (values.fromAddress ?? '').trim(),
    };
  };

  const save = async (values: MailValues): Promise<MailSettings | undefined> => {
    const result = await submitToDesk(form, 'saveMailSettings', toInput(values), setAlert);
    if (result) {
      setSaved(result);
      setRemovePassword(false);
      form.setFieldValue('password', '');
    }
    return result;
  };

  const submit = async (values: MailValues) => {
    setTest(null);
    if (!precheck(form, 'saveMailSettings', toInput(values), setAlert)) return;
    setBusy('save');
    setTest(null);
    const result = await save(values);
    setBusy(null);
    if (result) void message.success(t('common.saved'));
  };

  const runTest = async () => {
    setTest(null);
    const values = form.getFieldsValue(true) as MailValues;
    if (!precheck(form, 'saveMailSettings', toInput(values), setAlert)) return;
    setBusy('test');
    const result = await save(values);
    if (!result) {
      setBusy(null);
      return;
    }
    const r = await call('testMailConnection', {});
    setBusy(null);
    setTest(r.ok ? r.value : { ok: false, message: r.error.message, ms: 0 });
  };

  const passwordPlaceholder = !settings
    ? ''
    : removePassword
      ? t('mail.passwordRemoved')
      : settings.hasPassword
        ? t('mail.passwordSaved')
        : t('mail.passwordNone');

  return (
    <Card size="small" title={<h2 className="card-title">{t('mail.title')}</h2>}>
      <p className="hint">{t('mail.intro')}</p>
      {current.error && <Alert type="warning" showIcon className="form-alert" title={current.error.message} />}
      <FormAlert title={t('intake.fixErrors')} message={alert} />
      {!current.data || !settings ? (
        current.loading && <Spin />
      ) : (
        <Form<MailValues>
          form={form}
          layout="vertical"
          className="mail-form"
          initialValues={{ ...current.data, password: '' }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed: Partial<MailValues>) => {
            clearEditedErrors(form, changed);
            setTest(null);
            if (changed.security) {
              const port = form.getFieldValue('port') as number | null;
              if (port === null || Object.values(PORT_OF).includes(port)) form.setFieldValue('port', PORT_OF[changed.security]);
            }
          }}
          style={{ maxWidth: 820 }}
        >
          <Form.Item name="enabled" valuePropName="checked" extra={t('mail.enabledHint')} label={t('mail.enabled')}>
            <Switch aria-label={t('mail.enabled')} />
          </Form.Item>

          <h3 className="mail-section">{t('mail.server')}</h3>
          <div className="mail-grid">
            <Form.Item label={t('mail.host')} name="host">
              <Input placeholder={t('mail.hostPlaceholder')} autoComplete="off" spellCheck={false} maxLength={200} />
            </Form.Item>
            <Form.Item label={t('mail.port')} name="port">
              <InputNumber min={1} max={65535} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('mail.security')} name="security">
              <Select options={MAIL_SECURITY.map((s) => ({ value: s, label: t(`mail.securityName.${s}`) }))} aria-label={t('mail.security')} />
            </Form.Item>
          </div>
          <div className="mail-grid-2">
            <Form.Item label={t('mail.user')} name="user">
              <Input autoComplete="off" spellCheck={false} maxLength={200} />
            </Form.Item>
            <Form.Item
              label={t('mail.password')}
              name="password"
              extra={
                !settings.passwordEditable ? (
                  <span data-testid="password-env">{t('mail.passwordFromEnv')}</span>
                ) : (
                  <>
                    {t(`mail.passwordStored.${settings.passwordSource}`)}
                    {settings.hasPassword && !removePassword && (
                      <Button type="link" size="small" className="log-more" onClick={() => setRemovePassword(true)}>
                        {t('mail.removePassword')}
                      </Button>
                    )}
                  </>
                )
              }
            >
              <Input.Password
                placeholder={passwordPlaceholder}
                disabled={!settings.passwordEditable}
                autoComplete="new-password"
                maxLength={500}
                onChange={() => setRemovePassword(false)}
              />
            </Form.Item>
          </div>

          <h3 className="mail-section">{t('mail.sender')}</h3>
          <div className="mail-grid-2">
            <Form.Item label={t('mail.fromName')} name="fromName">
              <Input placeholder={t('mail.fromNamePlaceholder')} maxLength={120} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('mail.fromAddress')} name="fromAddress">
              <Input inputMode="email" placeholder={t('mail.fromAddressPlaceholder')} maxLength={120} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </div>

          <Form.Item name="autoSend" valuePropName="checked" extra={t('mail.autoSendHint')} label={t('mail.autoSend')}>
            <Switch aria-label={t('mail.autoSend')} />
          </Form.Item>

          {!readOnly && (
            <div className="form-actions start mail-test">
              <Button type="primary" htmlType="submit" loading={busy === 'save'} disabled={busy === 'test'}>
                {t('common.save')}
              </Button>
              <Button onClick={() => void runTest()} loading={busy === 'test'} disabled={busy === 'save'} title={t('mail.testHint')}>
                {t('mail.test')}
              </Button>
              <span role="status" aria-live="polite" data-testid="mail-test-result" className="mail-test-status">
                {test && (
                  <span className={`mail-test-result ${test.ok ? 'ok' : 'bad'}`}>
                    {test.ok ? <OkIcon /> : <WarnIcon />}
                    <strong>{test.ok ? t('mail.testOk') : t('mail.testFailed')}:</strong> {test.message}
                    {test.ms > 0 && <span className="sub inline">({t('mail.testMs', { ms: test.ms })})</span>}
                  </span>
                )}
              </span>
            </div>
          )}
          <p className="hint small" style={{ marginTop: 6 }}>
            {t('mail.testHint')}
          </p>
        </Form>
      )}
    </Card>
  );
}
