import { Button } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileMeta } from '../../../../electron/contract';
import { fileUrl, uploadFile } from '../../api';
import { dragHasFiles, formatSize, precheckScan } from '../intake/files';

/** One line per result file: its name opens the bytes (checked by the desk), with size and pages. */
function FileLine({ file, onRemove }: { file: FileMeta; onRemove?: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="result-file">
      <a href={fileUrl(file.id)} target="_blank" rel="noreferrer" title={file.name}>
        {file.name}
      </a>
      <span className="result-file-meta">
        {formatSize(file.size)} · {t('work.results.pages', { n: file.pages })}
      </span>
      {onRemove && (
        <Button size="small" type="link" onClick={onRemove} aria-label={t('work.finish.filesRemove', { name: file.name })}>
          ×
        </Button>
      )}
    </li>
  );
}

/**
 * The finish step's result files: picked or dropped, each stored in the desk's inbox at once (checked from its
 * bytes there), then named in the finish step, which attaches them to the dossier as its result.
 */
export function ResultFilesPicker({ value, onChange }: { value: FileMeta[]; onChange: (files: FileMeta[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [over, setOver] = useState(false);

  const add = async (picked: File[]) => {
    const found: string[] = [];
    let next = value;
    for (const file of picked) {
      // The desk applies its own size limit from the counter settings; here only what needs no setting.
      const local = precheckScan(file, Number.POSITIVE_INFINITY, t);
      if (local) {
        found.push(`${file.name}: ${local}`);
        continue;
      }
      setUploading(file.name);
      const stored = await uploadFile(file, file.name);
      if (stored.ok) next = [...next, stored.value];
      else found.push(stored.error.message);
    }
    setUploading(null);
    setProblems(found);
    onChange(next);
  };

  const drop = (e: DragEvent) => {
    if (!dragHasFiles(e)) return;
    e.preventDefault();
    setOver(false);
    void add([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`result-drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        if (!dragHasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <input
        ref={input}
        type="file"
        multiple
        style={{ display: 'none' }}
        aria-label={t('work.finish.filesPick')}
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        data-testid="result-file-input"
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          void add(picked);
        }}
      />
      <Button onClick={() => input.current?.click()} loading={uploading !== null}>
        {t('work.finish.filesPick')}
      </Button>
      <span className="hint">{uploading ? t('work.finish.filesUploading', { name: uploading }) : t('work.finish.filesHelp')}</span>
      {value.length > 0 && (
        <ul className="result-files" aria-label={t('work.finish.files')}>
          {value.map((f) => (
            <FileLine key={f.id} file={f} onRemove={() => onChange(value.filter((x) => x.id !== f.id))} />
          ))}
        </ul>
      )}
      {problems.map((p) => (
        <div key={p} className="ant-form-item-explain-error" role="alert">
          {p}
        </div>
      ))}
    </div>
  );
}

/** The dossier's result files, on the dossier screen. */
export function ResultFilesList({ files }: { files: readonly FileMeta[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return <p className="hint">{t('work.results.none')}</p>;
  return (
    <ul className="result-files" aria-label={t('work.results.title')}>
      {files.map((f) => (
        <FileLine key={f.id} file={f} />
      ))}
    </ul>
  );
}
