import { App as AntApp, Alert, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_KIND_FORMS, type DocumentMeta, type Dossier, type MailKind } from '../../../../electron/contract';
import { call, documentUrl, openDocument } from '../../api';
import { DocumentIcon, DownloadIcon, MailIcon, PrintIcon, ViewIcon } from '../paper/icons';
import { usePrintDocument } from '../paper/usePrint';
import { formatDateTime } from '../../lib/format';
import { formLabel, formName } from '../../lib/forms';
import { SendMailDialog } from './SendMailDialog';
import './dossier.css';

/** The e-mail that carries each form (Mẫu 06 is an internal paper: not sent). */
const MAIL_KIND_OF_FORM = Object.fromEntries(
  Object.entries(MAIL_KIND_FORMS)
    .filter(([, form]) => form !== null)
    .map(([kind, form]) => [form, kind as MailKind]),
) as Partial<Record<DocumentMeta['form'], MailKind>>;

/** Statuses after which a control sheet (Mẫu 06) can be drawn: the dossier was accepted. */
const canIssueControlSheet = (dossier: Dossier) => dossier.acceptedAt !== null;

interface Props {
  documents: DocumentMeta[];
  dossier: Dossier;
  /** Something was issued, printed or queued: reload the dossier and its logs. */
  onChanged: () => void;
  /** The print log or the outbox of the dossier changed (no need to reload the dossier itself). */
  onLogged?: () => void;
}

/**
 * The papers the desk issued for the dossier (Mẫu 01…06, the return receipt): the current version of each form with its number, version,
 * regime and who issued it, and the actions In / Xem / Tải về / Gửi e-mail; older versions folded under it.
 */
export function DocumentsList({ documents, dossier, onChanged, onLogged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { print, printing } = usePrintDocument(onLogged);
  const [mailing, setMailing] = useState<{ doc: DocumentMeta; kind: MailKind } | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string>();

  const byForm = new Map<string, DocumentMeta[]>();
  for (const d of [...documents].sort((a, b) => b.version - a.version || b.id - a.id)) {
    byForm.set(d.form, [...(byForm.get(d.form) ?? []), d]);
  }
  const forms = [...byForm.keys()].sort();

  const issue06 = async () => {
    setIssuing(true);
    setIssueError(undefined);
    const before = new Set(documents.map((d) => d.id));
    const result = await call('issueDocument', { dossierId: dossier.id, form: '06' });
    setIssuing(false);
    if (!result.ok) {
      setIssueError(result.error.message);
      return;
    }
    const doc = result.value;
    const form = t('form.mau', { number: '06' });
    if (before.has(doc.id)) {
      void message.info(t('paper.issuedSame', { form }));
    } else {
      void message.success(t('paper.issued', { form, version: t('paper.version', { version: doc.version }) }));
      openDocument(doc.id);
    }
    onChanged();
  };

  const toggle = (form: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(form)) next.delete(form);
      else next.add(form);
      return next;
    });

  const versionText = (d: DocumentMeta) =>
    d.reason ? t('paper.correctedVersion', { version: d.version, reason: d.reason }) : t('paper.version', { version: d.version });

  const meta = (d: DocumentMeta) => (
    <span className="sub document-meta">
      {d.number && (
        <span className="document-number">
          {t('paper.number', { number: d.number })}
          {' · '}
        </span>
      )}
      <strong className="document-version">{versionText(d)}</strong>
      {d.regime !== 'TT03-2025' && (
        <Tooltip title={t('paper.oldRegimeHint')}>
          <span className="regime-tag" tabIndex={0} aria-label={t('paper.oldRegimeHint')}>
            {t('paper.oldRegime')}
          </span>
        </Tooltip>
      )}
      <span className="document-when">
        {' · '}
        <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
        {d.createdBy ? ` · ${t('paper.by', { name: d.createdBy })}` : ''}
      </span>
    </span>
  );

  const actions = (d: DocumentMeta, name: string, full: boolean) => {
    const kind = MAIL_KIND_OF_FORM[d.form];
    const short = `${formLabel(t, d.form)} ${t('paper.version', { version: d.version })}`;
    return (
      <div className="document-actions" role="group" aria-label={t('paper.actionsOf', { name })}>
        <Button
          size="small"
          type={full ? 'primary' : 'default'}
          icon={<PrintIcon />}
          loading={printing === d.id}
          onClick={() => void print(d)}
          aria-label={`${t('paper.print')} ${short}`}
        >
          {t('paper.print')}
        </Button>
        <Button size="small" icon={<ViewIcon />} onClick={() => openDocument(d.id)} aria-label={`${t('paper.view')} ${short}`}>
          {t('paper.view')}
        </Button>
        <Button
          size="small"
          icon={<DownloadIcon />}
          href={documentUrl(d.id)}
          download={d.fileName}
          aria-label={`${t('paper.download')} ${short}`}
        >
          {t('paper.download')}
        </Button>
        {full && kind && (
          <Button size="small" icon={<MailIcon />} onClick={() => setMailing({ doc: d, kind })} aria-label={`${t('paper.email')} ${short}`}>
            {t('paper.email')}
          </Button>
        )}
      </div>
    );
  };

  return (
    <div className="documents-block">
      {forms.length === 0 ? (
        <p className="hint">{t('dossier.noDocuments')}</p>
      ) : (
        <ul className="documents">
          {forms.map((form) => {
            const [current, ...older] = byForm.get(form) ?? [];
            if (!current) return null;
            const name = formName(t, form);
            const open = expanded.has(form);
            const olderId = `older-${form}`;
            return (
              <li key={form} className="document" data-form={form} data-version={current.version}>
                <div className="document-text">
                  <span className="document-title">
                    <DocumentIcon /> <span className="document-form">{formLabel(t, form)}</span> · {t(`form.${form}`)}
                    {older.length > 0 && (
                      <span className="document-state current">{t('dossier.currentVersion')}</span>
                    )}
                  </span>
                  {meta(current)}
                </div>
                {actions(current, name, true)}
                {older.length > 0 && (
                  <div className="document-older">
                    <Button
                      type="link"
                      size="small"
                      className="older-toggle"
                      aria-expanded={open}
                      aria-controls={olderId}
                      onClick={() => toggle(form)}
                    >
                      {open ? '▾' : '▸'} {open ? t('paper.hideOlder') : t('paper.olderVersions', { n: older.length })}
                    </Button>
                    {open && (
                      <ul id={olderId} className="older-list">
                        {older.map((d) => (
                          <li key={d.id} className="document superseded" data-form={d.form} data-version={d.version}>
                            <div className="document-text">
                              <span className="replaced-tag">{t('paper.replaced')}</span>
                              {meta(d)}
                            </div>
                            {actions(d, `${name} ${t('paper.version', { version: d.version })}`, false)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canIssueControlSheet(dossier) && (
        <div className="issue-row">
          <Tooltip title={t('paper.issue06Hint')} mouseEnterDelay={0.5} placement="bottomLeft">
            <Button icon={<DocumentIcon />} loading={issuing} onClick={() => void issue06()}>
              {t('paper.issue06')}
            </Button>
          </Tooltip>
        </div>
      )}
      {issueError && <Alert type="error" showIcon title={issueError} role="alert" className="form-alert issue-error-alert" />}
      {mailing && (
        <SendMailDialog
          dossier={dossier}
          document={mailing.doc}
          kind={mailing.kind}
          onClose={() => setMailing(null)}
          onQueued={() => {
            setMailing(null);
            onLogged?.();
          }}
        />
      )}
    </div>
  );
}

/** The documents of `after` that `before` did not have, newest first (what an action just issued). */
export function issuedDocuments(before: DocumentMeta[], after: DocumentMeta[]): DocumentMeta[] {
  const known = new Set(before.map((d) => d.id));
  return after.filter((d) => !known.has(d.id)).sort((a, b) => b.id - a.id);
}
