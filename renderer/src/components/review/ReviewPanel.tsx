import { App as AntApp, Alert, Button, Card, Input, Popconfirm, Radio, Spin, Tag } from 'antd';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERDICTS, type DossierComponent, type DossierDetail, type FileMeta, type Verdict } from '../../../../electron/contract';
import { call, uploadFile } from '../../api';
import { deskBlankPages } from './blank';
import { useFileChecks, type FileCheck, type FileStore } from './fileStore';
import { FileViewer } from './FileViewer';
import type { ReviewState } from './useReview';
import './review.css';

interface Props {
  detail: DossierDetail;
  store: FileStore;
  review: ReviewState;
  /** Verdicts may be recorded (the dossier is still open). */
  canReview: boolean;
  /** Scans may be added or removed. */
  canAttach: boolean;
  /** After a save, an attachment or a removal: the screen reloads the dossier. */
  onChanged: () => void;
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/** Blank pages listed one by one up to this many; the rest are counted. */
const LISTED_BLANK = 5;

/**
 * Review of the papers at the counter: the component checklist (what the procedure asks for, the scans attached to
 * each, the pre-check warnings, the verdict) beside the viewer. Verdicts are saved with reviewComponents; the
 * supplement request (Mẫu 02) is built from them by the screen.
 */
export function ReviewPanel({ detail, store, review, canReview, canAttach, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  useFileChecks(store);
  const { components, attachments } = detail;
  const [selectedId, setSelectedId] = useState<number | null>(attachments[0]?.id ?? null);
  const selected = attachments.find((f) => f.id === selectedId) ?? null;

  // The selected file went away (removed): show the first one left. A file just attached is selected before the
  // reloaded dossier lists it, so only a file that was listed and is no longer counts as gone.
  const listed = useRef(new Set<number>());
  useEffect(() => {
    const ids = new Set(attachments.map((f) => f.id));
    const gone = selectedId !== null && listed.current.has(selectedId) && !ids.has(selectedId);
    listed.current = ids;
    if (gone || selectedId === null) setSelectedId(attachments[0]?.id ?? null);
  }, [attachments, selectedId]);

  const positions = new Set(components.map((c) => c.position));
  const loose = attachments.filter((f) => f.componentPosition === null || !positions.has(f.componentPosition));

  const save = async () => {
    const updated = await review.save();
    if (updated) {
      void message.success(t('review.saved'));
      onChanged();
    }
  };

  const { counts } = review;
  return (
    <Card
      size="small"
      className="review-card"
      title={<h2 className="card-title">{t('review.title')}</h2>}
      extra={
        <div className="review-head">
          <span className="review-summary" data-testid="review-summary">
            <span className="verdict-count ok">{t('review.summary.ok', { n: counts.ok })}</span>
            <span className="verdict-count missing">{t('review.summary.missing', { n: counts.missing })}</span>
            <span className="verdict-count invalid">{t('review.summary.invalid', { n: counts.invalid })}</span>
            <span className="verdict-count pending">{t('review.summary.pending', { n: counts.pending })}</span>
          </span>
          {canReview && (
            <Button
              type={review.dirty.length > 0 ? 'primary' : 'default'}
              disabled={review.dirty.length === 0}
              loading={review.saving}
              onClick={() => void save()}
            >
              {review.dirty.length > 0 ? t('review.saveN', { n: review.dirty.length }) : t('review.save')}
            </Button>
          )}
        </div>
      }
    >
      {review.alert && <Alert type="error" showIcon role="alert" className="form-alert" title={t('review.notSaved')} description={review.alert} />}
      <div className="review-grid">
        <div className="review-checklist">
          <p className="hint small">{canReview ? t('review.intro') : t('review.readOnly')}</p>
          {components.length === 0 && <p className="hint">{t('dossier.noComponents')}</p>}
          <ol className="checklist">
            {components.map((c, i) => (
              <ComponentRow
                key={c.position}
                index={i + 1}
                component={c}
                files={attachments.filter((f) => f.componentPosition === c.position)}
                detail={detail}
                store={store}
                review={review}
                canReview={canReview}
                canAttach={canAttach}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onChanged={onChanged}
              />
            ))}
          </ol>
          {loose.length > 0 && (
            <div className="checklist-loose">
              <h3 className="checklist-subtitle">{t('review.otherFiles')}</h3>
              <FileList
                files={loose}
                detail={detail}
                store={store}
                canAttach={canAttach}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onChanged={onChanged}
              />
            </div>
          )}
        </div>
        <FileViewer store={store} file={selected} emptyText={
            attachments.length > 0 ? t('review.viewer.empty') : canAttach ? t('review.viewer.noFiles') : t('review.viewer.noFilesClosed')
          } />
      </div>
    </Card>
  );
}

interface RowProps {
  index: number;
  component: DossierComponent;
  files: FileMeta[];
  detail: DossierDetail;
  store: FileStore;
  review: ReviewState;
  canReview: boolean;
  canAttach: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onChanged: () => void;
}

function ComponentRow({ index, component: c, files, detail, store, review, canReview, canAttach, selectedId, onSelect, onChanged }: RowProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const draft = review.current(c);
  const error = review.errors[c.position];
  const [uploading, setUploading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const reasonId = `verdict-reason-${c.position}`;

  const copies = [
    c.originals > 0 ? t('review.originals', { n: c.originals }) : null,
    c.certifiedCopies > 0 ? t('review.certifiedCopies', { n: c.certifiedCopies }) : null,
    c.photocopies > 0 ? t('review.photocopies', { n: c.photocopies }) : null,
    c.pages !== null && c.pages > 0 ? t('review.declaredPages', { n: c.pages }) : null,
  ].filter(Boolean);

  const attach = async (picked: File[]) => {
    if (picked.length === 0) return;
    setUploading(true);
    const ids: number[] = [];
    for (const file of picked) {
      const up = await uploadFile(file, file.name);
      if (up.ok) ids.push(up.value.id);
      else void message.error(`${file.name}: ${up.error.message}`);
    }
    if (ids.length > 0) {
      const result = await call('attachFiles', {
        id: detail.dossier.id,
        attachments: ids.map((fileId) => ({ fileId, componentPosition: c.position })),
      });
      if (result.ok) {
        void message.success(t('review.attached', { n: ids.length, name: c.name }));
        onSelect(ids[0]!);
        onChanged();
      } else {
        void message.error(result.error.message);
      }
    }
    setUploading(false);
  };

  const dropProps = canAttach
    ? {
        onDragOver: (e: DragEvent) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        },
        onDragLeave: () => setDragging(false),
        onDrop: (e: DragEvent) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(false);
          void attach([...e.dataTransfer.files]);
        },
      }
    : {};

  const verdictClass = draft.verdict ? ` verdict-${draft.verdict}` : '';
  return (
    <li className={`checklist-row${verdictClass}${dragging ? ' dragging' : ''}`} data-position={c.position} {...dropProps}>
      <div className="checklist-name">
        <span className="checklist-index">{index}.</span>
        <div className="checklist-text">
          <span className="component-name">{c.name}</span>
          <span className="sub">
            <Tag className={c.required ? 'tag-required' : 'tag-conditional'} variant="outlined">
              {c.required ? t('review.required') : t('review.conditional')}
            </Tag>
            {copies.join(' · ')}
          </span>
        </div>
      </div>

      <FileList files={files} detail={detail} store={store} canAttach={canAttach} selectedId={selectedId} onSelect={onSelect} onChanged={onChanged} />
      {files.length === 0 && <p className={`no-files${c.required ? ' required' : ''}`}>{t('review.noFiles')}</p>}

      <div className="checklist-controls">
        {canReview ? (
          <fieldset className="verdict-set">
            <legend className="sr-only">{t('review.verdictFor', { name: c.name })}</legend>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="small"
              value={draft.verdict}
              onChange={(e) => review.setVerdict(c.position, e.target.value as Verdict)}
              options={VERDICTS.map((v) => ({ value: v, label: t(`review.verdict.${v}`), className: `verdict-option ${v}` }))}
            />
            {draft.verdict !== null && (
              <Button type="link" size="small" className="verdict-clear" onClick={() => review.setVerdict(c.position, null)}>
                {t('review.clearVerdict')}
              </Button>
            )}
          </fieldset>
        ) : (
          <span className={`verdict-text${verdictClass}`}>{draft.verdict ? t(`review.verdict.${draft.verdict}`) : t('review.notReviewed')}</span>
        )}
        {canAttach && (
          <>
            <input
              ref={inputRef}
              type="file"
              accept={ACCEPT}
              multiple
              hidden
              aria-label={t('review.addFileTo', { name: c.name })}
              data-testid={`attach-input-${c.position}`}
              onChange={(e) => {
                const picked = [...(e.target.files ?? [])];
                e.target.value = '';
                void attach(picked);
              }}
            />
            <Button size="small" className="attach-button" loading={uploading} onClick={() => inputRef.current?.click()} aria-label={t('review.addFileTo', { name: c.name })}>
              + {t('review.addFile')}
            </Button>
          </>
        )}
      </div>

      {canReview && (draft.verdict === 'missing' || draft.verdict === 'invalid' || draft.reason.trim() !== '') && (
        <div className={`verdict-reason${error ? ' has-error' : ''}`}>
          <Input
            id={reasonId}
            size="small"
            value={draft.reason}
            maxLength={500}
            status={error ? 'error' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${reasonId}-error` : undefined}
            aria-label={t('review.reasonFor', { name: c.name })}
            placeholder={draft.verdict === 'invalid' ? t('review.reasonRequired') : t('review.reasonOptional')}
            onChange={(e) => review.setReason(c.position, e.target.value)}
          />
          {error && (
            <div className="field-error" id={`${reasonId}-error`} role="alert">
              {error}
            </div>
          )}
        </div>
      )}
      {!canReview && draft.reason && <p className="verdict-reason-text">{draft.reason}</p>}
    </li>
  );
}

interface FileListProps {
  files: FileMeta[];
  detail: DossierDetail;
  store: FileStore;
  canAttach: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onChanged: () => void;
}

function FileList({ files, detail, store, canAttach, selectedId, onSelect, onChanged }: FileListProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [removing, setRemoving] = useState<number | null>(null);
  if (files.length === 0) return null;

  const remove = async (f: FileMeta) => {
    setRemoving(f.id);
    const result = await call('detachFile', { id: detail.dossier.id, fileId: f.id });
    setRemoving(null);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    void message.success(t('review.removed', { name: f.name }));
    onChanged();
  };

  return (
    <ul className="file-list">
      {files.map((f) => {
        const check = store.check(f.id);
        const warnings = fileWarnings(f, check, t);
        const active = f.id === selectedId;
        return (
          <li key={f.id} className={`file-item${active ? ' active' : ''}`} data-file-id={f.id}>
            <div className="file-line">
              <button
                type="button"
                className="file-open"
                aria-pressed={active}
                aria-label={t('review.fileOpen', { name: f.name })}
                onClick={() => onSelect(f.id)}
              >
                <span className={`file-kind ${f.mime === 'application/pdf' ? 'pdf' : 'image'}`} aria-hidden="true">
                  {f.mime === 'application/pdf' ? 'PDF' : f.mime === 'image/png' ? 'PNG' : 'JPG'}
                </span>
                <span className="file-name ellipsis">{f.name}</span>
                <span className="file-facts">
                  {t('review.filePages', { n: check?.pages || f.pages })} · {Math.max(1, Math.round(f.size / 1024))} KB
                </span>
                {check?.state === 'checking' && <Spin size="small" className="file-checking" aria-label={t('review.checking')} />}
              </button>
              {canAttach && (
                <Popconfirm
                  title={t('review.removeConfirm', { name: f.name })}
                  okText={t('review.removeOk')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(f)}
                >
                  <Button type="text" size="small" danger loading={removing === f.id} aria-label={t('review.removeFile', { name: f.name })}>
                    ✕
                  </Button>
                </Popconfirm>
              )}
            </div>
            {warnings.length > 0 && (
              <ul className="file-warnings" aria-label={t('review.warningsFor', { name: f.name })}>
                {warnings.map((w, i) => (
                  <li key={i} className={`file-warning ${w.level}`}>
                    <span className="warn-mark" aria-hidden="true">
                      !
                    </span>
                    {w.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

type T = ReturnType<typeof useTranslation>['t'];


/** The desk's pre-check warnings, then what the renderer found: unreadable file, pages that look blank. */
function fileWarnings(f: FileMeta, check: FileCheck | undefined, t: T): { level: 'warning' | 'error'; text: string }[] {
  const out: { level: 'warning' | 'error'; text: string }[] = f.warnings.map((text) => ({ level: 'warning', text }));
  if (check?.state === 'error' && check.error) {
    out.push({
      level: 'error',
      text: check.errorCode === 'refused' || check.errorCode === 'network' ? check.error : t('review.unreadable', { message: check.error }),
    });
  }
  // Pages the desk already reported as empty are not reported twice.
  const known = deskBlankPages(f);
  const blank = (check?.blankPages ?? []).filter((n) => !known.has(n));
  for (const n of blank.slice(0, LISTED_BLANK)) out.push({ level: 'warning', text: t('review.blankPage', { n }) });
  if (blank.length > LISTED_BLANK) out.push({ level: 'warning', text: t('review.moreBlank', { n: blank.length - LISTED_BLANK }) });
  return out;
}
