import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../../electron/contract';
import { MailStatusIcon } from './icons';
import './paper.css';

/** An e-mail's status: icon, words and colour together (never colour alone). */
export function MailStatus({ status }: { status: OutboxItem['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`mail-status mail-${status}`} data-status={status}>
      <MailStatusIcon status={status} />
      {t(`outbox.status.${status}`)}
    </span>
  );
}
