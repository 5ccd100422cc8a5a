import { Button, Card, Progress, Tag } from 'antd';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../electron/contract';
import { importPackage } from '../api';
import { dragHasFiles, formatSize } from '../components/intake/files';
import '../components/intake/intake.css';
import { onEscape } from '../lib/keys';
import { navigate, routePath } from '../lib/router';

/** One package's line in the results: the desk's report, or why the package never reached it. */
interface ResultRow {
  key: number;
  fileName: string;
  size: number;
  outcome: ImportReport['outcome'] | 'failed';
  dossierId: number | null;
  code: string | null;
  portalDossierId: string | null;
  message: string;
  problems: ImportReport['problems'];
}

let rowKey = 0;

const OUTCOME_CLASS: Record<ResultRow['outcome'], string> = {
  imported: 'outcome-imported',
  duplicate: 'outcome-duplicate',
  invalid: 'outcome-invalid',
  failed: 'outcome-invalid',
};

/**
 * Online dossiers handed over by the national portal's connector as ZIP packages (manifest.json + attachments): pick
 * or drop one or many, they go to the desk one by one, and each gets its line — imported (with its new code),
 * already received (the earlier dossier), or invalid (what is wrong, file by file).
 */
export function ImportScreen() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ResultRow[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [expanded, setExpanded] = useState<number[]>([]);
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('importOnline.title')} — ${t('app.name')}`;
  }, [t]);

  useEffect(() => onEscape(() => navigate({ name: 'queue' })), []);

  const run = async () => {
    if (running.current) return;
    running.current = true;
    let done = 0;
    while (queue.current.length > 0) {
      const file = queue.current.shift() as File;
      const total = done + 1 + queue.current.length;
      setProgress({ done, total, current: file.name });
      const r = await importPackage(file, file.name);
      const row: ResultRow = r.ok
        ? { key: (rowKey += 1), size: file.size, ...r.value }
        : {
            key: (rowKey += 1),
            fileName: file.name,
            size: file.size,
            outcome: 'failed',
            dossierId: null,
            code: null,
            portalDossierId: null,
            message: r.error.message,
            problems: [],
          };
      setRows((rs) => [...rs, row]);
      if (row.problems.length > 0) setExpanded((ks) => [...ks, row.key]);
      done += 1;
      setProgress({ done, total: done + queue.current.length, current: file.name });
    }
    running.current = false;
    setProgress((p) => (p ? { ...p, current: '' } : p));
  };

  const enqueue = (files: File[]) => {
    if (files.length === 0) return;
    queue.current.push(...files);
    void run();
  };

  const onDragOver = (e: DragEvent) => {
    if (!dragHasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    setDragging(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    enqueue(files);
  };
  const onZoneKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      picker.current?.click();
    }
  };

  const counts = { imported: 0, duplicate: 0, invalid: 0 };
  for (const r of rows) counts[r.outcome === 'failed' ? 'invalid' : r.outcome] += 1;
  const busy = progress !== null && progress.current !== '';

  return (
    <div className="import-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('importOnline.title')}</h1>
        <div className="head-actions">
          {rows.length > 0 && !busy && (
            <Button
              onClick={() => {
                setRows([]);
                setExpanded([]);
                setProgress(null);
              }}
            >
              {t('importOnline.clear')}
            </Button>
          )}
        </div>
      </div>

      <Card size="small" className="import-card">
        <p className="import-help">{t('importOnline.help')}</p>
        <p className="import-help">
          {t('importOnline.helpCli')} <code>desk import &lt;{t('importOnline.folder')}&gt;</code>
        </p>
        <div
          className={dragging ? 'import-drop drop-active' : 'import-drop'}
          role="button"
          tabIndex={0}
          aria-describedby="import-drop-hint"
          onClick={() => picker.current?.click()}
          onKeyDown={onZoneKey}
          onDragEnter={onDragOver}
          onDragOver={onDragOver}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <strong>{t('importOnline.pick')}</strong>
          <span id="import-drop-hint" className="sub">
            {t('importOnline.drop')}
          </span>
        </div>
        <input
          ref={picker}
          type="file"
          accept=".zip,application/zip"
          multiple
          style={{ display: 'none' }}
          aria-label={t('importOnline.pick')}
          data-testid="import-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            enqueue(files);
          }}
        />
        {progress && (
          <div className="import-progress" role="status" aria-live="polite">
            <Progress
              aria-label={t('importOnline.progressLabel')}
              percent={Math.round((progress.done / Math.max(progress.total, 1)) * 100)} status={busy ? 'active' : 'normal'} />
            <span data-testid="import-progress-text">
              {busy
                ? t('importOnline.progress', { n: progress.done + 1, total: progress.total, name: progress.current })
                : t('importOnline.done', { total: rows.length, ...counts })}
            </span>
          </div>
        )}
      </Card>

      <Card size="small" title={<h2 className="card-title">{t('importOnline.results')}</h2>}>
        {rows.length === 0 ? (
          <p className="hint">{t('importOnline.empty')}</p>
        ) : (
          <table className="data-table import-results">
            <thead>
              <tr>
                <th scope="col" className="import-file-col">
                  {t('importOnline.col.file')}
                </th>
                <th scope="col">{t('importOnline.col.outcome')}</th>
                <th scope="col">{t('importOnline.col.code')}</th>
                <th scope="col">{t('importOnline.col.message')}</th>
              </tr>
            </thead>
            {rows.map((r) => (
              <ResultLines
                key={r.key}
                row={r}
                open={expanded.includes(r.key)}
                onToggle={() => setExpanded((ks) => (ks.includes(r.key) ? ks.filter((k) => k !== r.key) : [...ks, r.key]))}
              />
            ))}
          </table>
        )}
      </Card>
    </div>
  );
}

/** One package: its line, and under it (when invalid) what is wrong, file by file, folded away on request. */
function ResultLines({ row: r, open, onToggle }: { row: ResultRow; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const problemsId = `import-problems-${r.key}`;
  return (
    <tbody className={`import-row ${OUTCOME_CLASS[r.outcome]}`} data-testid="import-row">
      <tr>
        <td>
          <span className="import-file">{r.fileName}</span>
          <span className="sub">
            {[r.portalDossierId && t('importOnline.portalId', { id: r.portalDossierId }), formatSize(r.size)].filter(Boolean).join(' · ')}
          </span>
        </td>
        <td className="nowrap">
          <Tag className={`outcome-tag ${OUTCOME_CLASS[r.outcome]}`}>{t(`importOnline.outcome.${r.outcome}`)}</Tag>
        </td>
        <td className="nowrap">
          {r.dossierId !== null ? (
            <a href={routePath({ name: 'dossier', id: r.dossierId })} className="mono">
              {r.code ?? `#${r.dossierId}`}
            </a>
          ) : (
            t('common.none')
          )}
        </td>
        <td>
          {r.message}
          {r.problems.length > 0 && (
            <>
              {' '}
              <Button size="small" type="link" className="problems-toggle" aria-expanded={open} aria-controls={problemsId} onClick={onToggle}>
                {open ? t('importOnline.hideProblems') : t('importOnline.showProblems', { n: r.problems.length })}
              </Button>
            </>
          )}
        </td>
      </tr>
      {r.problems.length > 0 && open && (
        <tr className="import-problems-row">
          <td colSpan={4} id={problemsId}>
            <div className="import-problems">
              <p className="import-problems-title">{t('importOnline.problems', { n: r.problems.length })}</p>
              <ul>
                {r.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.file}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          </td>
        </tr>
      )}
    </tbody>
  );
}
