import { Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { setSession } from '../../api/session';
import { confirmMatches, submitSessionForm } from './authForm';
import { SessionForm } from './SessionForm';

interface Values {
  username: string;
  password: string;
  passwordConfirm: string;
}

/** A desk configured by an older version: its administrator has no password yet. Create it, then sign in. */
export function CreateAdminScreen({ agencyName, officerName, onDone }: { agencyName: string; officerName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    document.title = `${t('auth.adminTitle')} — ${t('app.name')}`;
  }, [t]);

  const submit = async (values: Values) => {
    if (!confirmMatches(form, values.password, values.passwordConfirm, ['passwordConfirm'], t('auth.mismatch'))) return;
    const credentials = { username: values.username?.trim() ?? '', password: values.password ?? '' };
    const created = await submitSessionForm(form, 'createAdminAccount', credentials, ['password']);
    if (created) {
      const signedIn = await call('signIn', credentials);
      if (signedIn.ok) setSession(signedIn.value);
      onDone();
    }
  };

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <p className="auth-brand">{t('app.name')}</p>
        <p className="auth-agency">{agencyName}</p>
        <h1 className="page-title">{t('auth.adminTitle')}</h1>
        <p className="hint">{t('auth.adminIntro', { name: officerName || t('common.none') })}</p>
        <SessionForm
          form={form}
          initialValues={{ username: '', password: '', passwordConfirm: '' }}
          onSubmit={submit}
          submit={t('auth.adminSubmit')}
        >
          <Form.Item label={t('auth.username')} name="username">
            <Input autoComplete="username" autoFocus maxLength={40} />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" extra={t('auth.passwordHint')}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item label={t('auth.passwordConfirm')} name="passwordConfirm">
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        </SessionForm>
      </Card>
    </main>
  );
}
