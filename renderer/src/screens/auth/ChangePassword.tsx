import { App as AntApp, Button, Card, Form, Input, Modal } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../electron/contract';
import { setSession, signOutNow } from '../../api/session';
import { confirmMatches, submitSessionForm } from './authForm';
import { SessionForm, SubmitButton } from './SessionForm';

interface Values {
  current: string;
  next: string;
  nextConfirm: string;
}

/** Current, new, and the new once more; the desk checks the strength and answers under the field it refuses. */
function ChangePasswordForm({ onDone, autoFocus, footer }: { onDone: (view: SessionView) => void; autoFocus?: boolean; footer: (busy: boolean) => ReactNode }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    if (!confirmMatches(form, values.next, values.nextConfirm, ['nextConfirm'], t('auth.mismatch'))) return;
    const view = await submitSessionForm(form, 'changePassword', { current: values.current ?? '', next: values.next ?? '' }, ['next']);
    if (view) onDone(view);
  };

  return (
    <SessionForm
      form={form}
      id="change-password-form"
      initialValues={{ current: '', next: '', nextConfirm: '' }}
      onSubmit={submit}
      submit={footer}
    >
      <Form.Item label={t('auth.current')} name="current">
        <Input.Password autoComplete="current-password" autoFocus={autoFocus} maxLength={128} />
      </Form.Item>
      <Form.Item label={t('auth.next')} name="next" extra={t('auth.passwordHint')}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item label={t('auth.nextConfirm')} name="nextConfirm">
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </SessionForm>
  );
}

/** Signed in with a temporary password: nothing else until it is changed. */
export function ChangePasswordScreen({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();

  useEffect(() => {
    document.title = `${t('auth.changeTitle')} — ${t('app.name')}`;
  }, [t]);

  return (
    <main className="auth-page">
      <Card className="auth-card">
        <p className="auth-brand">{t('app.name')}</p>
        <h1 className="page-title">{t('auth.changeTitle')}</h1>
        <p className="lock-officer">
          <span className="lock-officer-name">{view.officer.fullName}</span>
          <span className="lock-officer-user">{view.officer.username}</span>
        </p>
        <p className="hint">{t('auth.changeIntro')}</p>
        <ChangePasswordForm
          autoFocus
          onDone={(next) => {
            void message.success(t('auth.changed'));
            setSession(next);
          }}
          footer={(busy) => (
            <>
              <SubmitButton busy={busy}>{t('auth.changeTitle')}</SubmitButton>
              <Button type="link" block className="lock-other" onClick={() => void signOutNow()}>
                {t('auth.signOut')}
              </Button>
            </>
          )}
        />
      </Card>
    </main>
  );
}

/** "Đổi mật khẩu" from the header menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Modal open={open} title={t('auth.changeTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        autoFocus
        onDone={(next) => {
          void message.success(t('auth.changed'));
          setSession(next);
          onClose();
        }}
        footer={(busy) => (
          <div className="form-actions">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('auth.changeTitle')}
            </Button>
          </div>
        )}
      />
    </Modal>
  );
}
