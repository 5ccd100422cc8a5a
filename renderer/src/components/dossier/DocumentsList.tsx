import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta } from '../../../../electron/contract';
import { openDocument } from '../../api';
import { formatDateTime } from '../../lib/format';
import './dossier.css';

/**
 * The papers the desk issued for the dossier (Mẫu 01, 02, 03…), newest version of each form first. A reissued
 * Mẫu 01 (after a correction) is a new version; the older ones stay listed and openable, marked as replaced.
 */
export function DocumentsList({ documents }: { documents: DocumentMeta[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="hint">{t('dossier.noDocuments')}</p>;
  const latest = new Map<string, number>();
  for (const d of documents) latest.set(d.form, Math.max(latest.get(d.form) ?? 0, d.version));
  const sorted = [...documents].sort((a, b) => a.form.localeCompare(b.form) || b.version - a.version || b.id - a.id);
  return (
    <ul className="documents">
      {sorted.map((d) => {
        const current = d.version === latest.get(d.form);
        const title = `${t('form.mau', { number: d.form })} · ${t(`form.${d.form}`)}`;
        const version = t('dossier.version', { version: d.version });
        return (
          <li key={d.id} className={`document${current ? '' : ' superseded'}`} data-form={d.form} data-version={d.version}>
            <div className="document-text">
              <span className="document-title">{title}</span>
              <span className="sub">
                <strong className="document-version">{version}</strong>
                {(latest.get(d.form) ?? 1) > 1 && (
                  <Tag className={`document-state${current ? ' current' : ''}`} variant="outlined">
                    {current ? t('dossier.currentVersion') : t('dossier.supersededVersion')}
                  </Tag>
                )}
                {' · '}
                {formatDateTime(d.createdAt)} · {Math.max(1, Math.round(d.size / 1024))} KB
              </span>
            </div>
            <Button onClick={() => openDocument(d.id)} aria-label={`${t('dossier.open')}: ${t('form.mau', { number: d.form })} ${version}`}>
              {t('dossier.open')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

/** The documents of `after` that `before` did not have, newest first (what an action just issued). */
export function issuedDocuments(before: DocumentMeta[], after: DocumentMeta[]): DocumentMeta[] {
  const known = new Set(before.map((d) => d.id));
  return after.filter((d) => !known.has(d.id)).sort((a, b) => b.id - a.id);
}
