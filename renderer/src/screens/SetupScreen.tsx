import { App as AntApp, Button, Card, Col, Form, Input, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgencyInput, type SetupInput } from '../../../electron/contract';
import { call } from '../api';
import { setSession } from '../api/session';
import { AgencyFields } from '../components/AgencyFields';
import { FormAlert } from '../components/FormAlert';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { confirmMatches } from './auth/authForm';

/** The form's values: the contract's input plus the password typed twice (checked here, never sent). */
type SetupValues = SetupInput & { officer: SetupInput['officer'] & { passwordConfirm?: string } };

/**
 * First run: the agency (pre-filled with the desk's defaults) and the receiving officer, who becomes the desk's
 * administrator with the username and password given here — signed in straight after, no second prompt.
 */
export function SetupScreen({ defaults, onDone }: { defaults: AgencyInput; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    document.title = `${t('setup.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = async (values: SetupValues) => {
    const { passwordConfirm, ...officer } = values.officer;
    if (!confirmMatches(form, officer.password, passwordConfirm, ['officer', 'passwordConfirm'], t('auth.mismatch'))) return;
    setBusy(true);
    const input: SetupInput = { agency: values.agency, officer: { ...officer, username: officer.username?.trim() ?? '' } };
    const done = await submitToDesk(form, 'setupDesk', input, setAlert);
    if (!done) {
      setBusy(false);
      return;
    }
    const signedIn = await call('signIn', { username: input.officer.username, password: input.officer.password });
    setBusy(false);
    // Should the sign-in fail (it cannot, with the credentials just saved), the sign-in screen follows.
    setSession(signedIn.ok ? signedIn.value : null);
    void message.success(t('setup.done'));
    onDone();
  };

  return (
    <main className="setup-page">
      <Card className="setup-card">
        <h1 className="page-title">{t('app.name')} · {t('setup.title')}</h1>
        <p className="intro">{t('setup.intro')}</p>
        <FormAlert title={t('intake.fixErrors')} message={alert} />
        <Form<SetupValues>
          form={form}
          layout="vertical"
          initialValues={{ agency: defaults, officer: { fullName: '', title: '', username: '', password: '', passwordConfirm: '' } }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
          requiredMark
        >
          <h2 className="section-title">{t('agency.section')}</h2>
          <AgencyFields prefix="agency" />
          <h2 className="section-title">{t('setup.officerSection')}</h2>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('setup.officerName')} name={['officer', 'fullName']} required>
                <Input maxLength={100} autoComplete="off" autoFocus />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('setup.officerTitle')} name={['officer', 'title']}>
                <Input maxLength={100} autoComplete="off" placeholder={t('setup.officerTitlePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <p className="hint">{t('auth.setupAccount')}</p>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('auth.username')} name={['officer', 'username']} required>
                <Input maxLength={40} autoComplete="username" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('auth.password')} name={['officer', 'password']} required extra={t('auth.passwordHint')}>
                <Input.Password maxLength={128} autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('auth.passwordConfirm')} name={['officer', 'passwordConfirm']} required>
                <Input.Password maxLength={128} autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
          <div className="form-actions">
            <Button type="primary" htmlType="submit" size="large" loading={busy}>
              {t('setup.submit')}
            </Button>
          </div>
        </Form>
      </Card>
    </main>
  );
}
