import { Alert, Button, Card, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';

interface Loaded<T> {
  data?: T;
  error?: { message: string };
  loading: boolean;
}

/**
 * A settings card: its title and introduction, why its values could not be read, the form's own alert, and a
 * spinner until the values are there; then the form, given the values.
 */
export function SettingsCard<T>(props: { title: string; intro: ReactNode; current: Loaded<T>; alert?: string; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  const { current } = props;
  return (
    <Card size="small" title={<h2 className="card-title">{props.title}</h2>}>
      <p className="hint">{props.intro}</p>
      {current.error && <Alert type="warning" showIcon className="form-alert" title={current.error.message} />}
      <FormAlert title={t('intake.fixErrors')} message={props.alert} />
      {current.data === undefined ? current.loading && <Spin /> : props.children(current.data)}
    </Card>
  );
}

/** True inside a settings tab the officer's role may read but not save (the "Lưu" buttons are not shown). */
export const ReadOnlyContext = createContext(false);

/** The form's "Lưu" (submits it), busy while the desk saves; absent for a role that may not save. */
export function SaveButton({ busy, align }: { busy: boolean; align?: 'start' }) {
  const { t } = useTranslation();
  const readOnly = useContext(ReadOnlyContext);
  if (readOnly) return null;
  return (
    <div className={align === 'start' ? 'form-actions start' : 'form-actions'}>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </div>
  );
}
