import { App as AntApp, Alert, Button, Segmented, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, type OutboxItem, type OutboxPage } from '../../../electron/contract';
import { call, useDesk } from '../api';
import { RefreshIcon } from '../components/paper/icons';
import { MailStatus } from '../components/paper/MailStatus';
import '../components/paper/paper.css';
import { formatDateTime } from '../lib/format';
import { navigate } from '../lib/router';

type Status = (typeof OUTBOX_STATUSES)[number];
type Filter = Status | 'all';

const PAGE = 50;
const REFRESH_MS = 10_000;
const RETRYABLE = new Set<Status>(['failed', 'cancelled']);
const CANCELLABLE = new Set<Status>(['queued', 'failed']);

/** "Thư đi": every e-mail the desk queued, by status, with retry and cancel; refreshed every 10 s. */
export function OutboxScreen() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [counts, setCounts] = useState<OutboxPage['counts']>();
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [acting, setActing] = useState<number | null>(null);
  const mail = useDesk('getMailSettings', {});
  const loaded = useRef(0);
  const generation = useRef(0);

  useEffect(() => {
    document.title = `${t('outbox.title')} — ${t('app.name')}`;
  }, [t]);

  /** The first page again (as many rows as are shown, so a refresh does not shorten the list), or the next one. */
  const load = useCallback(
    async (more: boolean) => {
      const gen = more ? generation.current : ++generation.current;
      setLoading(true);
      const limit = more ? PAGE : Math.min(200, Math.max(PAGE, loaded.current));
      const input = {
        limit,
        ...(filter === 'all' ? {} : { status: filter }),
        ...(more && next !== null ? { before: next } : {}),
      };
      const r = await call('listOutbox', input);
      if (gen !== generation.current) return;
      setLoading(false);
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(undefined);
      setCounts(r.value.counts);
      setNext(r.value.next);
      setItems((old) => {
        const rows = more ? [...old, ...r.value.items] : r.value.items;
        loaded.current = rows.length;
        return rows;
      });
    },
    [filter, next],
  );

  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    loaded.current = 0;
    void loadRef.current(false);
    const timer = window.setInterval(() => void loadRef.current(false), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [filter]);

  const act = async (item: OutboxItem, what: 'retry' | 'cancel') => {
    setActing(item.id);
    const r = await call(what === 'retry' ? 'retryMail' : 'cancelMail', { id: item.id });
    setActing(null);
    if (!r.ok) {
      void message.error(r.error.message);
    } else {
      void message.success(what === 'retry' ? t('outbox.retried') : t('outbox.cancelled'));
    }
    void load(false);
  };

  const confirmCancel = (item: OutboxItem) =>
    modal.confirm({
      title: t('outbox.cancelConfirm', { to: item.to }),
      content: t('outbox.cancelConfirmBody'),
      okText: t('outbox.cancelOk'),
      okButtonProps: { danger: true },
      cancelText: t('outbox.keep'),
      onOk: () => act(item, 'cancel'),
    });

  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const countOf = (f: Filter) => (f === 'all' ? total : counts?.[f]);
  const label = (f: Filter) => {
    const n = countOf(f);
    return (
      <span className="filter-label">
        {f === 'all' ? t('outbox.all') : t(`outbox.status.${f}`)}
        <span className="filter-count" aria-label={n === undefined ? undefined : `(${n})`}>
          {n ?? '…'}
        </span>
      </span>
    );
  };

  return (
    <div className="outbox-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('outbox.title')}</h1>
        <div className="head-actions">
          <span className="keys-hint">{t('outbox.autoRefresh')}</span>
          <Button icon={<RefreshIcon />} onClick={() => void load(false)} loading={loading && items.length > 0}>
            {t('outbox.refresh')}
          </Button>
        </div>
      </div>
      <p className="hint">{t('outbox.intro')}</p>
      {mail.data && !mail.data.enabled && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('outbox.disabled')}
          action={<Button onClick={() => navigate({ name: 'settings', tab: 'mail' })}>{t('outbox.openSettings')}</Button>}
        />
      )}
      <div className="outbox-tools">
        <Segmented<Filter>
          value={filter}
          onChange={(v) => setFilter(v)}
          aria-label={t('outbox.filter')}
          options={(['all', ...OUTBOX_STATUSES] as Filter[]).map((f) => ({ value: f, label: label(f) }))}
        />
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <div className="outbox-table">
        <table className="data-table" aria-label={t('outbox.title')} data-testid="outbox">
          <thead>
            <tr>
              <th>{t('outbox.col.time')}</th>
              <th>{t('outbox.col.dossier')}</th>
              <th>{t('outbox.col.to')}</th>
              <th>{t('outbox.col.subject')}</th>
              <th>{t('outbox.col.status')}</th>
              <th className="center">{t('outbox.col.attempts')}</th>
              <th>{t('outbox.col.next')}</th>
              <th>{t('outbox.col.error')}</th>
              <th>{t('outbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} data-id={m.id} data-status={m.status}>
                <td className="nowrap">{formatDateTime(m.createdAt)}</td>
                <td className="nowrap mono">
                  {m.dossierId && m.dossierCode ? <a href={`#/dossiers/${m.dossierId}`}>{m.dossierCode}</a> : t('common.none')}
                </td>
                <td>{m.to}</td>
                <td className="subject-col">
                  {m.subject}
                  <span className="sub">{t(`outbox.kind.${m.kind}`)}</span>
                </td>
                <td>
                  <MailStatus status={m.status} />
                  {m.sentAt && <span className="sub">{formatDateTime(m.sentAt)}</span>}
                </td>
                <td className="center">{m.attempts}</td>
                <td className="nowrap">{m.status === 'queued' || m.status === 'failed' ? formatDateTime(m.nextAttemptAt) : ''}</td>
                <td>{m.lastError && m.status !== 'sent' ? <span className={m.status === 'failed' ? 'error-text' : 'note-text'}>{m.lastError}</span> : ''}</td>
                <td>
                  <div className="outbox-actions">
                    {RETRYABLE.has(m.status) && (
                      <Tooltip title={`${t('outbox.retry')}: ${m.to}`} mouseEnterDelay={0.6}>
                        <Button size="small" loading={acting === m.id} onClick={() => void act(m, 'retry')}>
                          {t('outbox.retry')}
                        </Button>
                      </Tooltip>
                    )}
                    {CANCELLABLE.has(m.status) && (
                      <Button size="small" danger disabled={acting === m.id} onClick={() => confirmCancel(m)}>
                        {t('outbox.cancel')}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !loading && !error && (
          <p className="register-empty">{filter === 'all' ? t('outbox.empty') : t('outbox.emptyStatus', { status: t(`outbox.status.${filter}`) })}</p>
        )}
      </div>
      <div className="outbox-foot" aria-live="polite">
        <span>{t('outbox.shown', { n: items.length })}</span>
        {next !== null && (
          <Button onClick={() => void load(true)} loading={loading}>
            {t('outbox.loadMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
