import { Button, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/contract';
import { setSession, signOutNow } from '../../api/session';
import { clearEditedErrors } from '../../lib/formErrors';
import { submitSessionForm } from './authForm';

/**
 * Over the open desk (which stays mounted underneath, so unsaved work is kept): the officer's password opens it,
 * or the session ends and someone else signs in.
 */
export function LockScreen({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const titleBefore = useRef(document.title);

  useEffect(() => {
    const before = titleBefore.current;
    document.title = `${t('auth.lockedTitle')} — ${t('app.name')}`;
    // The page underneath stays as it was, but does not scroll out from under the lock.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.title = before;
      document.body.style.overflow = overflow;
    };
  }, [t]);

  const submit = async (values: { password: string }) => {
    setBusy(true);
    const next = await submitSessionForm(form, 'unlockSession', { password: values.password ?? '' }, ['password']);
    setBusy(false);
    if (next) setSession(next);
  };

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="auth-card lock-card">
        <p className="auth-brand">{t('app.name')}</p>
        <h1 className="page-title" id="lock-title">
          {t('auth.lockedTitle')}
        </h1>
        <p className="lock-officer">
          <span className="lock-officer-name">{view.officer.fullName}</span>
          <span className="lock-officer-user">{view.officer.username}</span>
        </p>
        <p className="hint">{t('auth.lockedIntro')}</p>
        <Form<{ password: string }>
          form={form}
          layout="vertical"
          initialValues={{ password: '' }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed) => clearEditedErrors(form, changed)}
        >
          <Form.Item label={t('auth.password')} name="password">
            <Input.Password autoComplete="current-password" autoFocus maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('auth.unlock')}
          </Button>
        </Form>
        <Button type="link" block className="lock-other" onClick={() => void signOutNow()}>
          {t('auth.otherAccount')}
        </Button>
      </div>
    </div>
  );
}
