import { Alert } from 'antd';

/** The envelope's Vietnamese message above a form, announced to screen readers. */
export function FormAlert({ title, message }: { title: string; message: string | undefined }) {
  if (!message) return null;
  return <Alert className="form-alert" type="error" showIcon title={title} description={message} role="alert" />;
}
