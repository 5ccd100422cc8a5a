import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSession } from '../../api/session';
import { clearEditedErrors } from '../../lib/formErrors';
import { submitSessionForm } from './authForm';

interface Values {
  username: string;
  password: string;
}

/** No session at this door: the officer signs in (Enter submits). */
export function SignInScreen({ agencyName, notice }: { agencyName: string; notice?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} — ${t('app.name')}`;
  }, [t]);

  const submit = async (values: Values) => {
    setBusy(true);
    const view = await submitSessionForm(form, 'signIn', { username: values.username?.trim() ?? '', password: values.password ?? '' }, ['password']);
    setBusy(false);
    if (view) setSession(view);
  };

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <p className="auth-brand">{t('app.name')}</p>
        <p className="auth-agency">{agencyName}</p>
        <h1 className="page-title">{t('auth.signInTitle')}</h1>
        <p className="hint">{t('auth.signInIntro')}</p>
        {notice && <Alert type="info" showIcon className="form-alert" title={notice} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ username: '', password: '' }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
        >
          <Form.Item label={t('auth.username')} name="username">
            <Input autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password">
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
