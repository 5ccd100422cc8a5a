import { Button, Form, Input } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/contract';
import { setSession, signOutNow } from '../../api/session';
import { submitSessionForm } from './authForm';
import { SessionForm } from './SessionForm';

/**
 * Over the open desk (which stays mounted underneath, so unsaved work is kept): the officer's password opens it,
 * or the session ends and someone else signs in.
 */
export function LockScreen({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
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
    const next = await submitSessionForm(form, 'unlockSession', { password: values.password ?? '' }, ['password']);
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
        <SessionForm form={form} initialValues={{ password: '' }} onSubmit={submit} submit={t('auth.unlock')}>
          <Form.Item label={t('auth.password')} name="password">
            <Input.Password autoComplete="current-password" autoFocus maxLength={128} />
          </Form.Item>
        </SessionForm>
        <Button type="link" block className="lock-other" onClick={() => void signOutNow()}>
          {t('auth.otherAccount')}
        </Button>
      </div>
    </div>
  );
}
