import { useTranslation } from 'react-i18next';

/** Status badge with colours that keep a 4.5:1 contrast (antd's preset tag colours do not all reach it). */
export function StatusTag({ status }: { status: number }) {
  const { t } = useTranslation();
  return <span className={`status-tag status-${status}`}>{t(`status.${status}`, { defaultValue: String(status) })}</span>;
}
