import { Button, Dropdown, Form, Input, InputNumber, Spin, Tag } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileMeta } from '../../../../electron/contract';
import { fileUrl } from '../../api';
import { formatDateTime } from '../../lib/format';
import { dragHasFiles, formatSize, totalPages } from './files';
import { useInbox, waitingItems } from './inboxStore';

/** One row of the ik-checklist as the form holds it: the contract's component plus a key its files hang on. */
export interface ChecklistRow {
  uid: string;
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  required: boolean;
  pages: number | null;
}

export interface RowProblem {
  id: number;
  text: string;
}

/** What the intake keeps per component row, by its uid. */
export interface RowFiles {
  files: Record<string, FileMeta[]>;
  uploading: Record<string, string[]>;
  problems: Record<string, RowProblem[]>;
}

export interface ChecklistHandlers {
  onFiles: (uid: string, files: File[]) => void;
  onAttachInbox: (uid: string, file: FileMeta) => void;
  onRemoveFile: (uid: string, file: FileMeta) => void;
  onDismissProblem: (uid: string, id: number) => void;
  onRemoveRow: (uid: string) => void;
  newRow: () => ChecklistRow;
}

const COUNTS = ['originals', 'certifiedCopies', 'photocopies'] as const;

/**
 * The dossier's components as a ik-checklist: required or optional (from the catalogue), originals / certified copies /
 * photocopies, declared pages, and under each component its scans — dropped onto the row, picked with the file
 * picker, or taken from the scan inbox.
 */
export function ComponentChecklist({ rows, handlers }: { rows: RowFiles; handlers: ChecklistHandlers }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const values = (Form.useWatch('components', { form, preserve: true }) as ChecklistRow[] | undefined) ?? [];
  return (
    <Form.List name="components">
      {(fields, { add, remove }) => (
        <>
          <p className="hint">{fields.length > 0 ? t('intake.componentsHint') : t('intake.noComponents')}</p>
          {fields.length > 0 && (
            <table className="components-table ik-checklist">
              <thead>
                <tr>
                  <th scope="col" className="num-col">
                    #
                  </th>
                  <th scope="col">{t('intake.componentName')}</th>
                  {COUNTS.map((k) => (
                    <th key={k} scope="col" className="count-col">
                      {t(`intake.${k}`)}
                    </th>
                  ))}
                  <th scope="col" className="count-col">
                    {t('intake.declaredPages')}
                  </th>
                  <th scope="col" className="action-col">
                    <span className="sr-only">{t('intake.removeComponent')}</span>
                  </th>
                </tr>
              </thead>
              {fields.map((field, i) => {
                const row = values[i] ?? (form.getFieldValue(['components', field.name]) as ChecklistRow | undefined);
                const uid = row?.uid ?? String(field.key);
                return (
                  <ChecklistRowGroup
                    key={field.key}
                    index={i}
                    fieldName={field.name}
                    row={row}
                    files={rows.files[uid] ?? []}
                    uploading={rows.uploading[uid] ?? []}
                    problems={rows.problems[uid] ?? []}
                    handlers={handlers}
                    uid={uid}
                    onRemove={() => {
                      handlers.onRemoveRow(uid);
                      remove(field.name);
                    }}
                  />
                );
              })}
            </table>
          )}
          <Button onClick={() => add(handlers.newRow())}>+ {t('intake.addComponent')}</Button>
        </>
      )}
    </Form.List>
  );
}

interface RowProps {
  index: number;
  fieldName: number;
  uid: string;
  row: ChecklistRow | undefined;
  files: FileMeta[];
  uploading: string[];
  problems: RowProblem[];
  handlers: ChecklistHandlers;
  onRemove: () => void;
}

function ChecklistRowGroup({ index, fieldName, uid, row, files, uploading, problems, handlers, onRemove }: RowProps) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const inbox = useInbox();
  const waiting = waitingItems(inbox);
  const label = row?.name || `${t('intake.componentName')} ${index + 1}`;
  const declared = row?.pages ?? null;
  const filePages = totalPages(files);

  const onDragOver = (e: DragEvent) => {
    if (!dragHasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    setDragging(false);
    const dropped = [...(e.dataTransfer?.files ?? [])];
    if (dropped.length === 0) return;
    e.preventDefault();
    handlers.onFiles(uid, dropped);
  };

  return (
    <tbody
      className={dragging ? 'ik-component-group drop-active' : 'ik-component-group'}
      data-testid={`component-${index + 1}`}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <tr className="ik-component-row">
        <td className="num-col">{index + 1}</td>
        <td>
          <Form.Item name={[fieldName, 'name']} className="cell-item">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={`${t('intake.componentName')} ${index + 1}`} />
          </Form.Item>
          {row?.required === false ? (
            <Tag className="optional-tag">{t('intake.optionalComponent')}</Tag>
          ) : (
            <Tag className="required-tag">{t('intake.requiredComponent')}</Tag>
          )}
        </td>
        {COUNTS.map((k) => (
          <td key={k} className="count-col">
            <Form.Item name={[fieldName, k]} className="cell-item">
              <InputNumber min={0} max={99} precision={0} aria-label={`${t(`intake.${k}`)}: ${label}`} />
            </Form.Item>
          </td>
        ))}
        <td className="count-col">
          <Form.Item name={[fieldName, 'pages']} className="cell-item">
            <InputNumber
              min={0}
              max={9999}
              precision={0}
              placeholder={filePages > 0 ? String(filePages) : undefined}
              aria-label={`${t('intake.declaredPages')}: ${label}`}
            />
          </Form.Item>
        </td>
        <td className="action-col">
          <Button type="text" danger onClick={onRemove} aria-label={`${t('intake.removeComponent')}: ${label}`}>
            ✕
          </Button>
        </td>
      </tr>
      <tr className="ik-files-row">
        <td />
        <td colSpan={6}>
          <div className="ik-component-files" aria-label={`${t('intake.scans')}: ${label}`} role="group">
            {files.length > 0 && (
              <ul className="ik-file-list">
                {files.map((f) => (
                  <li key={f.id} className="ik-file" data-testid="attached-file">
                    <span className={f.mime === 'application/pdf' ? 'ik-file-kind' : 'ik-file-kind image'} aria-hidden="true">
                      {f.mime === 'application/pdf' ? 'PDF' : f.mime === 'image/png' ? 'PNG' : 'JPG'}
                    </span>
                    <a href={fileUrl(f.id)} target="_blank" rel="noreferrer" className="ik-file-name" title={f.name}>
                      {f.name}
                    </a>
                    <span className="ik-file-facts">
                      {t('intake.filePages', { n: f.pages })} · {formatSize(f.size)}
                      {f.source === 'scan' ? ` · ${t('inbox.source.scan')}` : ''}
                    </span>
                    {f.warnings.map((w) => (
                      <span key={w} className="ik-file-warning">
                        {w}
                      </span>
                    ))}
                    <Button
                      size="small"
                      type="text"
                      className="ik-file-remove"
                      onClick={() => handlers.onRemoveFile(uid, f)}
                      aria-label={`${t('intake.removeFile')}: ${f.name}`}
                    >
                      ✕
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {declared !== null && files.length > 0 && declared !== filePages && (
              <p className="ik-file-warning ik-pages-mismatch">{t('intake.pagesMismatch', { files: filePages, declared })}</p>
            )}
            {uploading.map((name, i) => (
              <p key={`${name}-${i}`} className="ik-file-uploading" role="status">
                <Spin size="small" /> {t('intake.uploading', { name })}
              </p>
            ))}
            {problems.length > 0 && (
              <div className="ik-file-problems" role="alert">
                <ul>
                  {problems.map((p) => (
                    <li key={p.id}>
                      <span>{p.text}</span>
                      <Button
                        size="small"
                        type="link"
                        onClick={() => handlers.onDismissProblem(uid, p.id)}
                        aria-label={`${t('intake.dismissProblem')}: ${p.text}`}
                      >
                        {t('intake.dismiss')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="ik-file-actions">
              <Button size="small" onClick={() => picker.current?.click()} aria-label={`${t('intake.pickFile')}: ${label}`}>
                {t('intake.pickFile')}
              </Button>
              <input
                ref={picker}
                type="file"
                multiple
                style={{ display: 'none' }}
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                data-testid={`file-input-${index + 1}`}
                aria-label={`${t('intake.pickFile')}: ${label}`}
                onChange={(e) => {
                  const chosen = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (chosen.length > 0) handlers.onFiles(uid, chosen);
                }}
              />
              <Dropdown
                trigger={['click']}
                autoFocus
                disabled={waiting.length === 0}
                menu={{
                  items: waiting.map((f) => ({
                    key: String(f.id),
                    label: (
                      <span className="inbox-pick">
                        <span className="inbox-pick-name">{f.name}</span>
                        <span className="sub">
                          {t('intake.filePages', { n: f.pages })} · {formatSize(f.size)} · {t(`inbox.source.${f.source}`)} ·{' '}
                          {formatDateTime(f.createdAt)}
                        </span>
                      </span>
                    ),
                  })),
                  onClick: ({ key }) => {
                    const file = waiting.find((f) => String(f.id) === key);
                    if (file) handlers.onAttachInbox(uid, file);
                  },
                }}
              >
                <Button size="small" aria-label={`${t('intake.fromInbox')} (${waiting.length}): ${label}`}>
                  {t('intake.fromInbox')} ({waiting.length}) ▾
                </Button>
              </Dropdown>
              <span className="ik-drop-hint">{dragging ? t('intake.dropActive') : t('intake.dropHint')}</span>
            </div>
          </div>
        </td>
      </tr>
    </tbody>
  );
}
