import { Alert, Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setSession } from '../../api/session';
import { submitSessionForm } from './authForm';
import { SessionForm } from './SessionForm';

interface Values {
  username: string;
  password: string;
}

/** No session at this door: the officer signs in (Enter submits). */
export function SignInScreen({ agencyName, notice }: { agencyName: string; notice?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} — ${t('app.name')}`;
  }, [t]);

  const submit = async (values: Values) => {
    const view = await submitSessionForm(form, 'signIn', { username: values.username?.trim() ?? '', password: values.password ?? '' }, ['password']);
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
        <SessionForm form={form} initialValues={{ username: '', password: '' }} onSubmit={submit} submit={t('auth.signIn')}>
          <Form.Item label={t('auth.username')} name="username">
            <Input autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password">
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
        </SessionForm>
      </Card>
    </main>
  );
}
