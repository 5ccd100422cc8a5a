import { Button, Form, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { clearEditedErrors } from '../../lib/formErrors';

/** The session screens' submit button: large, across the card, spinning while the desk answers. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button type="primary" htmlType="submit" size="large" block loading={busy}>
      {children}
    </Button>
  );
}

interface Props<V> {
  form: FormInstance<V>;
  id?: string;
  initialValues: V;
  /** Sends the values (submitSessionForm); the submit button spins until it settles. */
  onSubmit: (values: V) => Promise<void>;
  /** The submit button's label, or the form's own buttons (a dialog's Cancel and submit). */
  submit: string | ((busy: boolean) => ReactNode);
  /** The fields. */
  children: ReactNode;
}

/**
 * The small session forms (sign in, unlock, change password, first admin): vertical, a refusal under a field cleared
 * as soon as that field is edited, Enter submits.
 */
export function SessionForm<V extends object>({ form, id, initialValues, onSubmit, submit, children }: Props<V>) {
  const [busy, setBusy] = useState(false);
  const send = async (values: V) => {
    setBusy(true);
    try {
      await onSubmit(values);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<V>
      form={form}
      layout="vertical"
      id={id}
      initialValues={initialValues}
      onFinish={(v) => void send(v)}
      onValuesChange={(changed) => clearEditedErrors(form, changed)}
    >
      {children}
      {typeof submit === 'string' ? <SubmitButton busy={busy}>{submit}</SubmitButton> : submit(busy)}
    </Form>
  );
}
