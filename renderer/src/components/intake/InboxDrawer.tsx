import { Alert, App as AntApp, Badge, Button, Drawer, Dropdown, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileMeta } from '../../../../electron/contract';
import { call, fileUrl } from '../../api';
import { formatDateTime } from '../../lib/format';
import { formatSize } from './files';
import { closeInbox, forgetInboxFile, refreshInbox, useInbox, useInboxPolling, waitingItems } from './inboxStore';
import './intake.css';

/** The top navigation's entry: the inbox with the number of scans waiting. */
export function InboxNavLabel() {
  const { t } = useTranslation();
  const inbox = useInbox();
  useInboxPolling();
  const n = waitingItems(inbox).length;
  return (
    <span className="inbox-nav">
      {t('inbox.nav')}{' '}
      <Badge count={n} size="small" className="inbox-badge" data-testid="inbox-badge" title={t('inbox.count', { n })} />
    </span>
  );
}

/**
 * The scan inbox: files the scanner saved into the watched folder and uploads not yet on a dossier. Refreshed every
 * few seconds while open; each file can be previewed, discarded, or attached to a component of the open intake.
 */
export function InboxDrawer() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const inbox = useInbox();
  useInboxPolling(inbox.open);
  const items = waitingItems(inbox);
  const view = inbox.view;

  const discard = (f: FileMeta) =>
    modal.confirm({
      title: t('inbox.discardTitle', { name: f.name }),
      content: t('inbox.discardBody'),
      okText: t('inbox.discardOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const r = await call('discardInboxFile', { id: f.id });
        if (!r.ok) {
          void message.error(r.error.message);
          return;
        }
        forgetInboxFile(f.id);
        void message.success(t('inbox.discarded', { name: f.name }));
      },
    });

  return (
    <Drawer
      open={inbox.open}
      onClose={closeInbox}
      placement="right"
      size={560}
      title={
        <span>
          {t('inbox.title')} <Tag className="inbox-count-tag">{t('inbox.count', { n: items.length })}</Tag>
        </span>
      }
      extra={
        <Button onClick={() => void refreshInbox()} loading={inbox.loading && inbox.open}>
          {t('inbox.refresh')}
        </Button>
      }
      className="inbox-drawer"
    >
      <p className="hint">{t('inbox.intro')}</p>
      <p className="inbox-folder">
        {view?.scanFolder ? (
          <>
            {t('inbox.folder')}: <code>{view.scanFolder}</code>
          </>
        ) : (
          t('inbox.noFolder')
        )}
      </p>
      {view?.scanProblem && <Alert type="warning" showIcon className="form-alert" title={view.scanProblem} />}
      {view && view.refused.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert inbox-refused"
          data-testid="inbox-refused"
          title={t('inbox.refusedTitle', { n: view.refused.length })}
          description={
            <>
              <ul className="inbox-list">
                {view.refused.map((r) => (
                  <li key={`${r.name}@${r.at}`} className="inbox-refused-item">
                    <span className="ik-file-name">{r.name}</span> <span className="sub">{formatDateTime(r.at)}</span>
                    <div>{r.reason}</div>
                  </li>
                ))}
              </ul>
              <p className="hint">{t('inbox.refusedHint')}</p>
            </>
          }
        />
      )}
      {inbox.error && <Alert type="error" showIcon className="form-alert" title={inbox.error} />}
      {!inbox.target && items.length > 0 && <p className="hint">{t('inbox.openIntakeHint')}</p>}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      ) : (
        <ul className="inbox-list" aria-label={t('inbox.title')}>
          {items.map((f) => (
            <li key={f.id} className="inbox-item" data-testid="inbox-item">
              <div className="inbox-item-main">
                <a href={fileUrl(f.id)} target="_blank" rel="noreferrer" className="ik-file-name" title={f.name}>
                  {f.name}
                </a>
                <span className="sub">
                  {t('intake.filePages', { n: f.pages })} · {formatSize(f.size)} · {t(`inbox.source.${f.source}`)} · {formatDateTime(f.createdAt)}
                </span>
                {f.warnings.map((w) => (
                  <span key={w} className="ik-file-warning">
                    {w}
                  </span>
                ))}
              </div>
              <div className="inbox-item-actions">
                <Button size="small" href={fileUrl(f.id)} target="_blank" aria-label={`${t('inbox.preview')}: ${f.name}`}>
                  {t('inbox.preview')}
                </Button>
                {inbox.target && inbox.target.slots.length > 0 && (
                  <Dropdown
                    trigger={['click']}
                    autoFocus
                    menu={{
                      items: inbox.target.slots.map((s) => ({ key: s.key, label: s.label })),
                      onClick: ({ key }) => {
                        inbox.target?.attach(key, f);
                        const slot = inbox.target?.slots.find((s) => s.key === key);
                        void message.success(t('inbox.attached', { name: f.name, to: slot?.label ?? '' }));
                      },
                    }}
                  >
                    <Button size="small" type="primary" aria-label={`${t('inbox.attachTo')}: ${f.name}`}>
                      {t('inbox.attachTo')} ▾
                    </Button>
                  </Dropdown>
                )}
                <Button size="small" danger onClick={() => discard(f)} aria-label={`${t('inbox.discard')}: ${f.name}`}>
                  {t('inbox.discard')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Drawer>
  );
}
