import { App as AntApp, Alert, Button, Card, Descriptions, Spin, Timeline } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComponentsTableHead } from '../components/ComponentsTableHead';
import type { DocumentMeta, DossierDetail, DossierEvent } from '../../../electron/contract';
import { call, documentUrl, openDocument, useDesk } from '../api';
import { ActionDialog, isSimpleAction, type SimpleAction } from '../components/ActionDialog';
import { FeeAmount } from '../components/IntakeLive';
import { StatusTag } from '../components/StatusTag';
import { formatDateTime } from '../lib/format';
import { competentUnitText } from '../lib/intake';
import { onEscape } from '../lib/keys';
import { navigate } from '../lib/router';

export function DossierScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const detail = useDesk('getDossier', { id }, String(id));
  const [accepting, setAccepting] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [blockedDocument, setBlockedDocument] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ type: SimpleAction; label: string; requiresOverride: boolean } | null>(null);
  const procedures = useDesk('listProcedures', {});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => onEscape(() => navigate({ name: 'queue' })), []);

  const code = detail.data?.dossier.code;
  useEffect(() => {
    document.title = `${code ?? t('dossier.info')} — ${t('app.name')}`;
  }, [code, t]);

  // Land keyboard focus on the page title (not on "Tiếp nhận": a stray Enter must not accept a dossier).
  const loaded = detail.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const accept = async () => {
    setActionError(undefined);
    setBlockedDocument(null);
    setAccepting(true);
    const result = await call('acceptDossier', { id });
    setAccepting(false);
    if (!result.ok) {
      setActionError(result.error.message);
      detail.reload();
      return;
    }
    void message.success(t('dossier.accepted'));
    detail.reload();
    if (!openDocument(result.value.document.id)) setBlockedDocument(result.value.document.id);
  };

  if (detail.data === undefined) {
    return (
      <div className="dossier-screen">
        <BackButton />
        {detail.error ? (
          <Alert type="warning" showIcon title={t('dossier.notFound')} description={detail.error.message} className="form-alert" />
        ) : (
          <div className="loading-block">
            <Spin description={t('app.loading')} />
          </div>
        )}
      </div>
    );
  }

  const { dossier, components, events, documents, fee, lifecycle } = detail.data;
  const actions = detail.data.actions.filter((a) => isSimpleAction(a.type));
  const procedure = procedures.data?.find((p) => p.id === dossier.procedureId);
  const forwardDefault = procedure
    ? { to: procedure.competentUnit.kind === 'ward_role' ? ('specialist' as const) : ('external' as const), recipient: competentUnitText(procedure) }
    : undefined;
  const remaining = lifecycle.remainingWorkingMinutes;

  return (
    <div className="dossier-screen">
      <div className="screen-head">
        <div className="dossier-title">
          <BackButton />
          <h1 className="page-title" tabIndex={-1} ref={headingRef}>
            <span className="mono" data-testid="dossier-code">
              {dossier.code}
            </span>
          </h1>
          <StatusTag status={dossier.status} />
        </div>
        {dossier.status === 1 && (
          <div className="head-actions">
            <span className="keys-hint accept-hint">{t('dossier.acceptHint')}</span>
            <Button type="primary" size="large" loading={accepting} onClick={() => void accept()}>
              {t('dossier.accept')}
            </Button>
          </div>
        )}
      </div>

      <div className="dossier-bar">
        <p className="lifecycle-line" data-testid="lifecycle">
          <span>
            {t('dossier.holder')}: <strong>{t(`holder.${lifecycle.holder}`)}</strong>
          </span>
          {lifecycle.overdue && <span className="overdue-badge">{t('dossier.overdue')}</span>}
          {!lifecycle.overdue && remaining !== null && remaining >= 0 && (
            <span className="muted">
              {remaining >= 60
                ? t('dossier.remainingHours', { n: Math.floor(remaining / 60) })
                : t('dossier.remainingMinutes', { n: remaining })}
            </span>
          )}
          {lifecycle.supplementRequests > 0 && <span className="muted">{t('dossier.supplementRequests', { n: lifecycle.supplementRequests })}</span>}
          {lifecycle.extensions > 0 && <span className="muted">{t('dossier.extensions', { n: lifecycle.extensions })}</span>}
        </p>
        {actions.length > 0 && (
          <div className="dossier-actions" role="group" aria-label={t('dossier.actions')}>
            {actions.map((a) => {
              const label = t(`action.label.${a.type}`, { defaultValue: a.label });
              return (
                <Button
                  key={a.type}
                  onClick={() => {
                    setActionError(undefined);
                    setDialog({ type: a.type as SimpleAction, label, requiresOverride: a.requiresOverride });
                  }}
                >
                  {label}
                </Button>
              );
            })}
          </div>
        )}
      </div>

      {dialog && (
        <ActionDialog
          {...dialog}
          detail={detail.data}
          forwardDefault={forwardDefault}
          onClose={() => setDialog(null)}
          onDone={() => {
            void message.success(t('dossier.actionDone', { label: dialog.label }));
            setDialog(null);
            detail.reload();
            headingRef.current?.focus();
          }}
        />
      )}

      {actionError && <Alert type="error" showIcon title={actionError} role="alert" className="form-alert" />}
      {blockedDocument !== null && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={
            <a href={documentUrl(blockedDocument)} target="_blank" rel="noreferrer">
              {t('dossier.popupBlocked')}
            </a>
          }
        />
      )}

      <div className="dossier-grid">
        <div className="dossier-main">
          <Card size="small" title={<h2 className="card-title">{t('dossier.info')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'procedure', label: t('dossier.procedure'), children: dossier.procedureName, span: 2 },
                { key: 'channel', label: t('dossier.channel'), children: t(`channel.${dossier.channel}`) },
                { key: 'status', label: t('dossier.status'), children: <StatusTag status={dossier.status} /> },
                { key: 'received', label: t('dossier.received'), children: formatDateTime(dossier.receivedAt) },
                {
                  key: 'acceptedAt',
                  label: t('dossier.acceptedAt'),
                  children: dossier.acceptedAt ? formatDateTime(dossier.acceptedAt) : t('common.none'),
                },
                { key: 'due', label: t('dossier.due'), children: dossier.dueAt ? formatDateTime(dossier.dueAt) : t('common.none') },
                { key: 'sets', label: t('dossier.sets'), children: dossier.sets },
                ...(fee
                  ? [{ key: 'fee', label: t('dossier.fee'), children: <FeeAmount fee={fee} />, span: 2 }]
                  : []),
                ...(dossier.ownerName ? [{ key: 'owner', label: t('dossier.owner'), children: dossier.ownerName, span: 2 }] : []),
                ...(dossier.note ? [{ key: 'note', label: t('dossier.note'), children: dossier.note, span: 2 }] : []),
              ]}
            />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('dossier.applicant')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={2}
              items={[
                { key: 'name', label: t('dossier.fullName'), children: <strong>{dossier.applicantName}</strong> },
                {
                  key: 'id',
                  label: t('dossier.idNumber'),
                  children: (
                    <span>
                      {t(`idKind.${dossier.idKind}`)}: <span className="mono">{dossier.idNumber}</span>
                    </span>
                  ),
                },
                { key: 'phone', label: t('dossier.phone'), children: dossier.phone || t('common.none') },
                { key: 'email', label: t('dossier.email'), children: dossier.email || t('common.none') },
                { key: 'address', label: t('dossier.address'), children: dossier.address, span: 2 },
              ]}
            />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('dossier.components')}</h2>}>
            <ComponentsList components={components} />
          </Card>
        </div>
        <div className="dossier-side">
          <Card size="small" title={<h2 className="card-title">{t('dossier.documents')}</h2>}>
            <DocumentsList documents={documents} />
          </Card>
          <Card size="small" title={<h2 className="card-title">{t('dossier.history')}</h2>}>
            <History events={events} />
          </Card>
        </div>
      </div>
    </div>
  );
}

function BackButton() {
  const { t } = useTranslation();
  return (
    <Button onClick={() => navigate({ name: 'queue' })} className="back-button">
      ← {t('dossier.back')}
    </Button>
  );
}

function ComponentsList({ components }: { components: DossierDetail['components'] }) {
  const { t } = useTranslation();
  if (components.length === 0) return <p className="hint">{t('dossier.noComponents')}</p>;
  return (
    <table className="data-table">
      <ComponentsTableHead />
      <tbody>
        {components.map((c, i) => (
          <tr key={c.position}>
            <td className="num-col">{i + 1}</td>
            <td>{c.name}</td>
            <td className="count-col">{c.originals}</td>
            <td className="count-col">{c.certifiedCopies}</td>
            <td className="count-col">{c.photocopies}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DocumentsList({ documents }: { documents: DocumentMeta[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="hint">{t('dossier.noDocuments')}</p>;
  return (
    <ul className="documents">
      {documents.map((d) => {
        return (
          <li key={d.id} className="document">
            <div className="document-text">
              <span className="document-title">
                {`${t('form.mau', { number: d.form })} · ${t(`form.${d.form}`)}`}
              </span>
              <span className="sub">
                {formatDateTime(d.createdAt)} · {t('dossier.version', { version: d.version })} · {Math.max(1, Math.round(d.size / 1024))} KB
              </span>
            </div>
            <Button onClick={() => openDocument(d.id)} aria-label={`${t('dossier.open')}: ${d.fileName}`}>
              {t('dossier.open')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

const EVENT_COLORS: Partial<Record<DossierEvent['action'], string>> = {
  accepted: 'green',
  finish: 'green',
  returnResult: 'green',
  refuse: 'red',
  stop: 'red',
  requestSupplement: 'orange',
  requestFinancialObligation: 'orange',
  withdraw: 'gray',
};

function History({ events }: { events: DossierEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p className="hint">{t('dossier.noHistory')}</p>;
  const statusName = (s: number | null) => (s === null ? null : t(`status.${s}`, { defaultValue: String(s) }));
  return (
    <Timeline
      className="history"
      items={events.map((e) => {
        const from = statusName(e.fromStatus);
        const to = statusName(e.toStatus);
        return {
          key: e.id,
          color: EVENT_COLORS[e.action] ?? (e.toStatus === 2 ? 'green' : 'blue'),
          content: (
            <div className="event">
              <time className="sub" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <div className="event-action">{t(`event.${e.action}`, { defaultValue: e.action })}</div>
              {(from || to) && from !== to && (
                <div className="event-status">
                  {from ? `${from} → ` : ''}
                  {to}
                </div>
              )}
              {e.officerName && (
                <div className="sub">
                  {t('dossier.by')}: {e.officerName}
                </div>
              )}
              {e.note && <div className="event-note">{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
