import { App as AntApp, Alert, Button, Card, Descriptions } from 'antd';
import { useContext, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueImportReport } from '../../../../electron/contract';
import { call, useDesk } from '../../api';
import { ReadOnlyContext } from './SettingsCard';

interface Checked {
  fileName: string;
  json: string;
  report: CatalogueImportReport;
}

/** Saves text as a file through the browser (works the same in the Electron window). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Danh mục thủ tục": the catalogue version in force, export as JSON, and import in two steps — the desk checks the
 * file and reports (problems with their paths, warnings, changes against the one in force), then "Áp dụng" applies it.
 */
export function CatalogueCard() {
  const { t } = useTranslation();
  const readOnly = useContext(ReadOnlyContext);
  const { message } = AntApp.useApp();
  const current = useDesk('exportCatalogue', {});
  const fileInput = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Checked>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'export' | 'check' | 'apply' | null>(null);

  const count = useMemo(() => {
    try {
      return (JSON.parse(current.data?.json ?? '{}') as { procedures?: unknown[] }).procedures?.length ?? null;
    } catch {
      return null;
    }
  }, [current.data]);

  const exportNow = async () => {
    setError(undefined);
    setBusy('export');
    const r = await call('exportCatalogue', {});
    setBusy(null);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    download(`danh-muc-thu-tuc-${r.value.version}.json`, r.value.json);
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // picking the same file again must fire again
    if (!file) return;
    setError(undefined);
    setChecked(undefined);
    let json: string;
    try {
      json = await file.text();
    } catch {
      setError(t('catalogue.readFailed'));
      return;
    }
    setBusy('check');
    const r = await call('importCatalogue', { json, apply: false });
    setBusy(null);
    if (r.ok) setChecked({ fileName: file.name, json, report: r.value });
    else setError(r.error.message);
  };

  const apply = async () => {
    if (!checked) return;
    setBusy('apply');
    const r = await call('importCatalogue', { json: checked.json, apply: true });
    setBusy(null);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setChecked({ ...checked, report: r.value });
    if (r.value.applied) {
      void message.success(t('catalogue.applied', { version: r.value.version }));
      current.reload();
    }
  };

  const report = checked?.report;
  const canApply = report?.valid === true && !report.applied && report.order !== 'same';

  return (
    <Card size="small" title={<h2 className="card-title">{t('catalogue.title')}</h2>}>
      <p className="hint">{t('catalogue.intro')}</p>
      <div className="catalogue-head">
        <span>
          {t('catalogue.current')}:{' '}
          <strong className="mono" data-testid="catalogue-version">
            {current.data?.version ?? '…'}
          </strong>
          {count !== null && <span className="sub inline"> · {t('catalogue.procedures', { n: count })}</span>}
        </span>
        <span className="catalogue-buttons">
          <Button onClick={() => void exportNow()} loading={busy === 'export'}>
            {t('catalogue.export')}
          </Button>
          <Button onClick={() => fileInput.current?.click()} loading={busy === 'check'}>
            {t('catalogue.import')}…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label={t('catalogue.import')}
            data-testid="catalogue-file"
            onChange={(e) => void pick(e)}
          />
        </span>
      </div>
      <p className="hint small">{t('catalogue.importHint')}</p>
      {(error ?? current.error) && <Alert type="error" showIcon className="form-alert" title={error ?? current.error?.message} role="alert" />}

      {checked && report && (
        <section className="import-report" aria-label={t('catalogue.import')} data-testid="import-report">
          <Alert
            type={report.valid ? (report.applied ? 'success' : 'info') : 'error'}
            showIcon
            title={
              report.applied
                ? t('catalogue.applied', { version: report.version })
                : report.valid
                  ? t('catalogue.valid')
                  : t('catalogue.invalid')
            }
            className="form-alert"
          />
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 220 } }}
            items={[
              { key: 'file', label: t('catalogue.file'), children: checked.fileName },
              {
                key: 'version',
                label: t('catalogue.fileVersion'),
                children: report.version ? (
                  <span>
                    <span className="mono">{report.version}</span>
                    {report.order && ` (${t(`catalogue.order.${report.order}`)})`}
                  </span>
                ) : (
                  t('common.none')
                ),
              },
              { key: 'current', label: t('catalogue.current'), children: <span className="mono">{report.currentVersion ?? t('common.none')}</span> },
            ]}
          />
          {report.problems.length > 0 && (
            <>
              <h3 className="sub-title">{t('catalogue.problems', { n: report.problems.length })}</h3>
              <ul className="issues">
                {report.problems.map((p, i) => (
                  <li key={i} className="issue-error">
                    {p.path && <code className="mono problem-path">{p.path}</code>} {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.warnings.length > 0 && (
            <>
              <h3 className="sub-title">{t('catalogue.warnings')}</h3>
              <ul className="issues">
                {report.warnings.map((w, i) => (
                  <li key={i} className="issue-warning">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.valid && (
            <>
              <h3 className="sub-title">{t('catalogue.changes')}</h3>
              {report.changes.length === 0 ? (
                <p className="hint">{t('catalogue.noChanges')}</p>
              ) : (
                <ul className="changes">
                  {report.changes.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              )}
            </>
          )}
          {canApply && !readOnly && (
            <div className="form-actions start">
              <Button type="primary" onClick={() => void apply()} loading={busy === 'apply'}>
                {t('catalogue.apply')}
              </Button>
            </div>
          )}
        </section>
      )}
    </Card>
  );
}
