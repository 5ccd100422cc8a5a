import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../api';
import { formatDateTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { OkIcon, WarnIcon } from '../paper/icons';
import { MailStatus } from '../paper/MailStatus';
import '../paper/paper.css';

/** Refresh the dossier's e-mails this often while something is still waiting to go. */
const PENDING_REFRESH_MS = 10_000;

/** "Thư đã gửi": the dossier's e-mails, newest first, with status and the last error in words. */
export function DossierMail({ dossierId, tick }: { dossierId: number; tick: number }) {
  const { t } = useTranslation();
  const outbox = useDesk('listOutbox', { dossierId, limit: 20 }, `${dossierId}:${tick}`);
  const items = outbox.data?.items ?? [];
  const pending = items.some((i) => i.status === 'queued' || i.status === 'sending');
  const { reload } = outbox;

  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(reload, PENDING_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [pending, reload]);

  if (outbox.error) return <Alert type="warning" showIcon title={outbox.error.message} />;
  if (!outbox.data) return null;
  if (items.length === 0) return <p className="hint">{t('paper.noMail')}</p>;
  return (
    <>
      <ul className="log-list" aria-label={t('paper.sentMail')}>
        {items.map((m) => (
          <li key={m.id} className="log-item" data-status={m.status}>
            <div className="log-line">
              <MailStatus status={m.status} />
              <span className="log-what">{t(`outbox.kind.${m.kind}`)}</span>
            </div>
            <span className="sub ellipsis" title={m.to}>
              {m.to} · {formatDateTime(m.sentAt ?? m.createdAt)}
              {m.attempts > 1 ? ` · ${t('outbox.col.attempts').toLowerCase()}: ${m.attempts}` : ''}
            </span>
            {m.lastError && m.status !== 'sent' && <span className={m.status === 'failed' ? 'log-error' : 'log-note'}>{m.lastError}</span>}
          </li>
        ))}
      </ul>
      <Button type="link" size="small" className="log-more" onClick={() => navigate({ name: 'outbox' })}>
        {t('paper.moreMail')} →
      </Button>
    </>
  );
}

/** "Nhật ký in": every print of the dossier's documents, newest first. */
export function DossierPrintLog({ dossierId, tick }: { dossierId: number; tick: number }) {
  const { t } = useTranslation();
  const log = useDesk('listPrintLog', { dossierId, limit: 20 }, `${dossierId}:${tick}`);
  if (log.error) return <Alert type="warning" showIcon title={log.error.message} />;
  if (!log.data) return null;
  if (log.data.items.length === 0) return <p className="hint">{t('paper.noPrints')}</p>;
  return (
    <ul className="log-list" aria-label={t('paper.printLog')} data-testid="dossier-print-log">
      {log.data.items.map((p) => (
        <li key={p.id} className="log-item" data-method={p.method} data-status={p.status}>
          <div className="log-line">
            <span className={`print-status print-${p.status}`}>
              {p.status === 'sent' ? <OkIcon /> : <WarnIcon />}
              {t(`printing.status.${p.status}`)}
            </span>
            <span className="log-what">{p.what}</span>
          </div>
          <span className="sub">
            {formatDateTime(p.createdAt)} · {t(`printing.method.${p.method}`)}
            {p.printer ? ` · ${p.printer}` : ''} · {t('printing.copiesN', { n: p.copies })} · {p.counter}
            {p.officerName ? ` · ${p.officerName}` : ''}
          </span>
          {p.error && <span className="log-error">{p.error}</span>}
        </li>
      ))}
    </ul>
  );
}
