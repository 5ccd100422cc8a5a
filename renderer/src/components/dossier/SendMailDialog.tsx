import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta, Dossier, MailKind, OutboxItem } from '../../../../electron/contract';
import { useDesk } from '../../api';
import { FormAlert } from '../FormAlert';
import { clearEditedErrors, precheck, submitToDesk } from '../../lib/formErrors';
import { formLabel, formName } from '../../lib/forms';

interface Props {
  dossier: Dossier;
  document: DocumentMeta;
  kind: MailKind;
  onClose: () => void;
  onQueued: (item: OutboxItem) => void;
}

/** "Gửi e-mail": the recipient (the applicant's e-mail, editable), then sendMail puts the message in the outbox. */
export function SendMailDialog({ dossier, document: doc, kind, onClose, onQueued }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to: string }>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const settings = useDesk('getMailSettings', {});
  const named = formName(t, doc.form);

  const submit = async ({ to }: { to: string }) => {
    const input = { dossierId: dossier.id, kind, to: (to ?? '').trim() };
    if (!precheck(form, 'sendMail', input, setAlert)) return;
    setBusy(true);
    const item = await submitToDesk(form, 'sendMail', input, setAlert);
    setBusy(false);
    if (item) onQueued(item);
  };

  return (
    <Modal
      open
      title={t('paper.mailTitle', { form: formLabel(t, doc.form) })}
      okText={t('paper.mailSend')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={560}
      destroyOnHidden
      maskClosable={false}
    >
      <p className="hint">
        <strong>{named}</strong> · {dossier.code}
      </p>
      {settings.data && !settings.data.enabled && <Alert type="warning" showIcon className="form-alert" title={t('paper.mailDisabled')} />}
      <FormAlert title={t('paper.mailFailed')} message={alert} />
      <Form<{ to: string }>
        form={form}
        layout="vertical"
        initialValues={{ to: dossier.email ?? '' }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => {
          clearEditedErrors(form, changed);
          setAlert(undefined);
        }}
      >
        <Form.Item label={t('paper.mailTo')} name="to" extra={t('paper.mailToHint')} required>
          <Input inputMode="email" autoComplete="off" maxLength={120} autoFocus placeholder="ten@example.com" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
