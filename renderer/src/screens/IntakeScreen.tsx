import { App as AntApp, Badge, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATALOGUE_FIELD_LABELS,
  CHANNEL_CODES,
  ID_KINDS,
  type AttachmentRef,
  type ChannelCode,
  type FileMeta,
  type IntakeInput,
  type Procedure,
} from '../../../electron/contract';
import { call, documentUrl, openDocument, uploadFile, useDesk } from '../api';
import { FormAlert } from '../components/FormAlert';
import { IntakeLive } from '../components/IntakeLive';
import { ComponentChecklist, type ChecklistRow, type RowFiles } from '../components/intake/ComponentChecklist';
import { DeliveryFields, type DeliveryValues } from '../components/intake/DeliveryFields';
import { precheckScan, totalPages } from '../components/intake/files';
import {
  forgetInboxFile,
  isInboxOpen,
  maxFileMb,
  openInbox,
  refreshInbox,
  setAttachTarget,
  setClaimed,
  useInbox,
  useInboxPolling,
  waitingItems,
} from '../components/intake/inboxStore';
import { recentFirst, recentProcedures, rememberProcedure } from '../components/intake/recent';
import { useScanCatcher } from '../components/intake/scanCatcher';
import '../components/intake/intake.css';
import { fold } from '../lib/format';
import { catalogueRow, competentUnitText, NO_FEE_VALUES, toFeeInput, type FeeValues } from '../lib/intake';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { onEscape } from '../lib/keys';
import { navigate } from '../lib/router';

interface IntakeValues {
  procedureId?: string;
  channel: ChannelCode;
  applicant: { fullName: string; idKind: (typeof ID_KINDS)[number]; idNumber: string; phone: string; email: string; address: string };
  ownerName: string;
  components: ChecklistRow[];
  sets: number | null;
  note: string;
  /** What the fee depends on (pages and copies for chứng thực, exemption categories). */
  fee: FeeValues;
  delivery: DeliveryValues;
}

const INITIAL: IntakeValues = {
  channel: 1,
  applicant: { fullName: '', idKind: 'cccd', idNumber: '', phone: '', email: '', address: '' },
  ownerName: '',
  components: [],
  sets: 1,
  note: '',
  fee: NO_FEE_VALUES,
  delivery: { method: 'counter', address: '' },
};

/** What a scanned CCCD QR told about the holder, checked by the desk against the number's digits. */
interface QrFacts {
  idNumber: string;
  birthYear: number;
  gender: 'male' | 'female';
}

let uidCounter = 0;
const newUid = () => `c${Date.now().toString(36)}-${(uidCounter += 1)}`;

/** The form's values as the contract's raw input (the desk trims, folds and validates again). */
function toInput(v: IntakeValues, qr: QrFacts | null, files: Record<string, FileMeta[]>, accept: boolean): IntakeInput {
  const components = v.components ?? [];
  const attachments: AttachmentRef[] = components.flatMap((c, i) =>
    (files[c.uid] ?? []).map((f) => ({ fileId: f.id, componentPosition: i + 1 })),
  );
  const input: IntakeInput = {
    procedureId: v.procedureId ?? '',
    channel: v.channel,
    applicant: v.applicant,
    components: components.map((c) => ({
      name: c.name,
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      photocopies: c.photocopies,
      required: c.required,
      ...(typeof c.pages === 'number' ? { pages: c.pages } : {}),
    })),
    fee: toFeeInput(v.fee),
    delivery: v.delivery.method === 'post' ? { method: 'post', address: v.delivery.address } : { method: 'counter' },
    accept,
  };
  if (attachments.length > 0) input.attachments = attachments;
  if (v.sets !== null) input.sets = v.sets; // empty: the contract's default, one set
  if (v.ownerName.trim() !== '') input.ownerName = v.ownerName;
  if (v.note.trim() !== '') input.note = v.note;
  // Only while the number is still the scanned one: a retyped number must not be checked against another card.
  if (qr && v.applicant.idKind === 'cccd' && v.applicant.idNumber.replace(/\s+/g, '') === qr.idNumber) {
    input.birthYear = qr.birthYear;
    input.gender = qr.gender;
  }
  return input;
}

interface ProcedureOption {
  value: string;
  label: string;
  search: string;
  recent: boolean;
  procedure: Procedure;
}

const EMPTY_FILES: RowFiles = { files: {}, uploading: {}, problems: {} };
let problemId = 0;

export function IntakeScreen() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const procedures = useDesk('listProcedures', {});
  const [busy, setBusy] = useState<false | 'accept' | 'save'>(false);
  const [alert, setAlert] = useState<string>();
  const procedureId = Form.useWatch('procedureId', form);
  const components = Form.useWatch('components', { form, preserve: true }) as ChecklistRow[] | undefined;
  const confirming = useRef(false);
  const qrFacts = useRef<QrFacts | null>(null);
  const [qrBusy, setQrBusy] = useState(false);
  const qrBusyRef = useRef(false);
  const screenRef = useRef<HTMLDivElement>(null);
  const [recent] = useState(recentProcedures);
  const [rowFiles, setRowFiles] = useState<RowFiles>(EMPTY_FILES);
  const rowFilesRef = useRef(rowFiles);
  rowFilesRef.current = rowFiles;
  /** Files this intake uploaded itself: removed from the inbox again when the officer takes them off or gives up. */
  const uploadedHere = useRef(new Set<number>());
  const inbox = useInbox();
  useInboxPolling();

  useEffect(() => {
    document.title = `${t('intake.title')} — ${t('app.name')}`;
  }, [t]);

  const options = useMemo<ProcedureOption[]>(
    () =>
      recentFirst(procedures.data ?? [], (p) => p.id, recent).map((p) => ({
        value: p.id,
        label: p.name,
        search: fold(`${p.name} ${p.code ?? ''} ${(p.code ?? '').replace(/\D/g, '')} ${p.field} ${p.id}`),
        recent: recent.includes(p.id),
        procedure: p,
      })),
    [procedures.data, recent],
  );
  const chosen = options.find((o) => o.value === procedureId)?.procedure;

  // ---------- Files per component ----------

  const attachedIds = useMemo(() => Object.values(rowFiles.files).flatMap((fs) => fs.map((f) => f.id)), [rowFiles.files]);
  useEffect(() => setClaimed(attachedIds), [attachedIds]);
  useEffect(() => () => setClaimed([]), []);

  const addProblem = useCallback((uid: string, text: string) => {
    setRowFiles((s) => ({ ...s, problems: { ...s.problems, [uid]: [...(s.problems[uid] ?? []), { id: (problemId += 1), text }] } }));
  }, []);

  const rowNumber = useCallback(
    (uid: string) => ((form.getFieldValue('components') as ChecklistRow[] | undefined) ?? []).findIndex((c) => c.uid === uid) + 1,
    [form],
  );

  /** Puts a stored file on a component; a file already on another component stays there (and says so). */
  const attach = useCallback(
    (uid: string, file: FileMeta): boolean => {
      const holder = Object.entries(rowFilesRef.current.files).find(([, fs]) => fs.some((f) => f.id === file.id))?.[0];
      if (holder !== undefined) {
        addProblem(uid, t('intake.fileAlreadyAttached', { name: file.name, n: rowNumber(holder) }));
        return false;
      }
      setRowFiles((s) => ({ ...s, files: { ...s.files, [uid]: [...(s.files[uid] ?? []), file] } }));
      return true;
    },
    [addProblem, rowNumber, t],
  );

  const uploadTo = useCallback(
    async (uid: string, files: File[]) => {
      for (const file of files) {
        const refused = precheckScan(file, maxFileMb(), t);
        if (refused) {
          addProblem(uid, t('intake.fileProblem', { name: file.name, message: refused }));
          continue;
        }
        setRowFiles((s) => ({ ...s, uploading: { ...s.uploading, [uid]: [...(s.uploading[uid] ?? []), file.name] } }));
        const stored = await uploadFile(file, file.name);
        setRowFiles((s) => {
          const left = [...(s.uploading[uid] ?? [])];
          left.splice(left.indexOf(file.name), 1);
          return { ...s, uploading: { ...s.uploading, [uid]: left } };
        });
        if (!stored.ok) {
          // The desk's message may already start with the file's name.
          const own = `${file.name.normalize('NFC')}:`;
          const said = stored.error.message.startsWith(own) ? stored.error.message.slice(own.length).trim() : stored.error.message;
          addProblem(uid, t('intake.fileProblem', { name: file.name, message: said }));
          continue;
        }
        if (attach(uid, stored.value)) uploadedHere.current.add(stored.value.id);
      }
    },
    [addProblem, attach, t],
  );

  /** Takes a file off the intake: an upload of this intake leaves the inbox too, a scan goes back to wait there. */
  const release = useCallback((file: FileMeta) => {
    if (!uploadedHere.current.delete(file.id)) return;
    forgetInboxFile(file.id);
    void call('discardInboxFile', { id: file.id });
  }, []);

  const removeFile = useCallback(
    (uid: string, file: FileMeta) => {
      setRowFiles((s) => ({ ...s, files: { ...s.files, [uid]: (s.files[uid] ?? []).filter((f) => f.id !== file.id) } }));
      release(file);
    },
    [release],
  );

  const removeRow = useCallback(
    (uid: string) => {
      for (const f of rowFilesRef.current.files[uid] ?? []) release(f);
      setRowFiles((s) => {
        const { [uid]: _f, ...files } = s.files;
        const { [uid]: _p, ...problems } = s.problems;
        return { ...s, files, problems };
      });
    },
    [release],
  );

  const handlers = useMemo(
    () => ({
      onFiles: (uid: string, files: File[]) => void uploadTo(uid, files),
      onAttachInbox: (uid: string, file: FileMeta) => void attach(uid, file),
      onRemoveFile: removeFile,
      onDismissProblem: (uid: string, id: number) =>
        setRowFiles((s) => ({ ...s, problems: { ...s.problems, [uid]: (s.problems[uid] ?? []).filter((p) => p.id !== id) } })),
      onRemoveRow: removeRow,
      newRow: (): ChecklistRow => ({ uid: newUid(), name: '', originals: 0, certifiedCopies: 0, photocopies: 1, required: true, pages: null }),
    }),
    [attach, removeFile, removeRow, uploadTo],
  );

  // The inbox drawer (in the shell) attaches to this intake's components while it is open.
  const slotsKey = JSON.stringify((components ?? []).map((c) => [c.uid, c.name]));
  useEffect(() => {
    const slots = (JSON.parse(slotsKey) as [string, string][]).map(([key, name], i) => ({
      key,
      label: `${i + 1}. ${name || t('intake.componentName')}`,
    }));
    setAttachTarget({ slots, attach: (key, file) => void attach(key, file) });
  }, [slotsKey, attach, t]);
  useEffect(() => () => setAttachTarget(null), []);

  const uploadingCount = Object.values(rowFiles.uploading).reduce((n, l) => n + l.length, 0);
  const hasFiles = attachedIds.length > 0;

  // ---------- Leaving ----------

  const leave = useCallback(() => {
    for (const id of uploadedHere.current) {
      forgetInboxFile(id);
      void call('discardInboxFile', { id });
    }
    uploadedHere.current.clear();
    navigate({ name: 'queue' });
  }, []);

  const close = useCallback(() => {
    if (confirming.current) return;
    if (!form.isFieldsTouched() && Object.keys(rowFilesRef.current.files).every((k) => (rowFilesRef.current.files[k] ?? []).length === 0)) {
      navigate({ name: 'queue' });
      return;
    }
    confirming.current = true;
    modal.confirm({
      title: t('intake.discardTitle'),
      content: t('intake.discardBody'),
      okText: t('intake.discardOk'),
      cancelText: t('intake.discardCancel'),
      okButtonProps: { danger: true },
      onOk: leave,
      afterClose: () => {
        confirming.current = false;
      },
    });
  }, [form, leave, modal, t]);

  // Esc closes; when something was typed, ask first (the confirm dialog handles its own Esc; the inbox drawer its own).
  useEffect(
    () =>
      onEscape(() => {
        if (!isInboxOpen()) close();
      }),
    [close],
  );

  // ---------- Procedure ----------

  const pickProcedure = (id: string) => {
    const p = options.find((o) => o.value === id)?.procedure;
    if (!p) return;
    // Scans already put on a component follow it when the new procedure has one of the same name; the rest wait in
    // the inbox again.
    const before = (form.getFieldValue('components') as ChecklistRow[] | undefined) ?? [];
    const byName = new Map(before.map((c) => [fold(c.name), c.uid]));
    const rows: ChecklistRow[] = p.components.map((c) => ({ uid: byName.get(fold(c.name)) ?? newUid(), ...catalogueRow(c) }));
    const kept = new Set(rows.map((r) => r.uid));
    const returned = Object.entries(rowFilesRef.current.files).filter(([uid]) => !kept.has(uid)).flatMap(([, fs]) => fs);
    for (const f of returned) uploadedHere.current.delete(f.id);
    setRowFiles((s) => ({
      files: Object.fromEntries(Object.entries(s.files).filter(([uid]) => kept.has(uid))),
      uploading: s.uploading,
      problems: Object.fromEntries(Object.entries(s.problems).filter(([uid]) => kept.has(uid))),
    }));
    if (returned.length > 0) void message.info(t('intake.filesReturned', { n: returned.length }));
    form.setFieldValue('components', rows);
    // Another procedure, another fee rule: counts and exemptions start again (one copy unless told otherwise).
    const counted = p.fee.kind === 'per_page' || p.fee.kind === 'per_copy';
    form.setFieldValue('fee', { ...NO_FEE_VALUES, copies: counted ? 1 : null });
    // The applicant comes next (typed, or scanned from the card into any field).
    window.setTimeout(() => form.focusField(['applicant', 'fullName']), 0);
  };

  // ---------- CCCD QR from a keyboard-wedge scanner, typed into any field ----------

  const fillFromQr = async (raw: string) => {
    qrBusyRef.current = true;
    setQrBusy(true);
    const result = await call('readCccdQr', { text: raw });
    qrBusyRef.current = false;
    setQrBusy(false);
    const idField = ['applicant', 'idNumber'] as ['applicant', 'idNumber'];
    if (!result.ok || !result.value.ok) {
      const problem = result.ok ? (result.value.ok ? '' : result.value.message) : result.error.message;
      form.setFields([{ name: idField, errors: [problem] }]);
      return;
    }
    const qr = result.value;
    const current = form.getFieldValue('applicant') as IntakeValues['applicant'];
    form.setFieldsValue({
      applicant: { ...current, idKind: 'cccd', idNumber: qr.idNumber, fullName: qr.fullName, address: qr.address || current.address },
    });
    form.setFields((['fullName', 'idNumber', 'address'] as const).map((f) => ({ name: ['applicant', f] as ['applicant', typeof f], errors: [] })));
    qrFacts.current = { idNumber: qr.idNumber, birthYear: Number(qr.birthDate.slice(0, 4)), gender: qr.gender };
    void message.info(t('intake.qrFilled'));
    // Name, number and address came from the card: the phone is what is left to type.
    form.focusField(['applicant', 'phone']);
  };

  useScanCatcher(screenRef, (text) => void fillFromQr(text), () => qrBusyRef.current);

  // ---------- Submit ----------

  const submit = async (accept: boolean) => {
    if (busy) return;
    if (uploadingCount > 0) {
      setAlert(t('intake.waitUploads'));
      return;
    }
    const values = form.getFieldsValue(true) as IntakeValues;
    setBusy(accept ? 'accept' : 'save');
    const created = await submitToDesk(form, 'createDossier', toInput(values, qrFacts.current, rowFilesRef.current.files, accept), setAlert);
    if (!created) {
      setBusy(false);
      return;
    }
    if (values.procedureId) rememberProcedure(values.procedureId);
    uploadedHere.current.clear();
    setRowFiles(EMPTY_FILES);
    void refreshInbox();
    if (created.notAccepted) {
      // Saved, not accepted (the slip failed): the dossier opens, where "Tiếp nhận" is pressed again; pressing it
      // here would send the same papers as a second dossier.
      modal.warning({
        title: t('intake.notAcceptedTitle', { code: created.code }),
        content: t('intake.notAcceptedBody', { reason: created.notAccepted.message.replace(/[.\s]+$/u, '') }),
      });
    } else if (accept) {
      const detail = await call('getDossier', { id: created.id });
      const slip = detail.ok ? detail.value.documents.filter((d) => d.form === '01').at(-1) : undefined;
      if (slip && !openDocument(slip.id)) {
        void message.warning({
          content: (
            <a href={documentUrl(slip.id)} target="_blank" rel="noreferrer">
              {t('intake.slipBlocked')}
            </a>
          ),
          duration: 15,
        });
      }
      void message.success(t('intake.accepted', { code: created.code }));
    } else {
      void message.success(t('intake.created', { code: created.code }));
    }
    setBusy(false);
    navigate({ name: 'dossier', id: created.id });
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  // Ctrl+S saves without accepting (Enter accepts).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyS') {
        e.preventDefault();
        void submitRef.current(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const waiting = waitingItems(inbox).length;
  const scannedPages = Object.values(rowFiles.files).reduce((n, fs) => n + totalPages(fs), 0);

  return (
    <div className="intake-screen" ref={screenRef}>
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={() => void submit(true)}
        onValuesChange={(changed) => clearEditedErrors(form, changed)}
        className="intake-form"
      >
        <div className="screen-head sticky-head">
          <h1 className="page-title">{t('intake.title')}</h1>
          <div className="head-actions">
            <span className="keys-hint">{t('intake.submitHint')}</span>
            <Badge count={waiting} size="small" offset={[-4, 2]}>
              <Button onClick={openInbox} aria-label={`${t('inbox.nav')} (${waiting})`}>
                {t('inbox.nav')}
              </Button>
            </Badge>
            <Button onClick={close}>{t('common.close')}</Button>
            <Button onClick={() => void submit(false)} loading={busy === 'save'} disabled={busy === 'accept'}>
              {t('intake.saveDraft')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy === 'accept'} disabled={busy === 'save'}>
              {t('intake.submit')}
            </Button>
          </div>
        </div>
        <FormAlert title={t('intake.fixErrors')} message={alert ?? procedures.error?.message} />
        <Card size="small" title={<h2 className="card-title">{t('intake.procedureSection')}</h2>}>
          <Form.Item label={t('intake.procedure')} name="procedureId" required>
            <Select<string, ProcedureOption>
              autoFocus
              size="large"
              options={options}
              loading={procedures.loading}
              placeholder={t('intake.procedurePlaceholder')}
              notFoundContent={t('intake.procedureNotFound')}
              showSearch={{
                filterOption: (input, option) => {
                  const words = fold(input).split(' ');
                  return option !== undefined && words.every((w) => option.search.includes(w));
                },
              }}
              optionRender={(o) => (
                <div className="procedure-option">
                  <span className="procedure-option-name">
                    {o.data.recent && <Tag className="recent-tag">{t('intake.recent')}</Tag>}
                    {o.data.label}
                  </span>
                  <span className="sub">
                    {[o.data.procedure.code, o.data.procedure.field, o.data.procedure.timeLimitText].filter(Boolean).join(' · ')}
                  </span>
                </div>
              )}
              onChange={pickProcedure}
              listHeight={360}
            />
          </Form.Item>
          {chosen && (
            <div className="procedure-summary">
              <dl className="procedure-facts">
                <div>
                  <dt>{t('intake.field')}</dt>
                  <dd>{chosen.field}</dd>
                </div>
                <div>
                  <dt>{t('intake.timeLimit')}</dt>
                  <dd>{chosen.timeLimitText}</dd>
                </div>
                <div>
                  <dt>{t('intake.fee')}</dt>
                  <dd>{chosen.feeText}</dd>
                </div>
                <div>
                  <dt>{t('intake.competentUnit')}</dt>
                  <dd>{competentUnitText(chosen)}</dd>
                </div>
              </dl>
              {chosen.unverified.length > 0 && (
                <p className="facts-note">
                  {t('intake.needsCheck', {
                    fields: chosen.unverified.map((f) => CATALOGUE_FIELD_LABELS[f] ?? f).join(', '),
                  })}
                </p>
              )}
            </div>
          )}
          {chosen && <IntakeLive procedure={chosen} scannedPages={scannedPages} />}
          <Form.Item label={t('intake.channel')} name="channel" className="compact-item">
            <Radio.Group optionType="button" buttonStyle="solid">
              {CHANNEL_CODES.map((c) => (
                <Radio.Button key={c} value={c}>
                  {t(`channel.${c}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Card>

        <Card size="small" title={<h2 className="card-title">{t('intake.applicantSection')}</h2>}>
          <p className="hint scan-hint">{qrBusy ? t('intake.qrReading') : t('intake.scanHint')}</p>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item label={t('intake.fullName')} name={['applicant', 'fullName']} required>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={10} md={5}>
              <Form.Item label={t('intake.idKind')} name={['applicant', 'idKind']}>
                <Select options={ID_KINDS.map((k) => ({ value: k, label: t(`idKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={14} md={9}>
              <Form.Item
                label={t('intake.idNumber')}
                name={['applicant', 'idNumber']}
                required
                extra={qrBusy ? t('intake.qrReading') : t('intake.idNumberHelp')}
              >
                <Input autoComplete="off" className="mono" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item label={t('intake.phone')} name={['applicant', 'phone']}>
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('intake.email')} name={['applicant', 'email']}>
                <Input maxLength={120} type="email" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t('intake.ownerName')} name="ownerName">
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('intake.address')} name={['applicant', 'address']} required className="compact-item">
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
        </Card>

        <Card
          size="small"
          title={<h2 className="card-title">{t('intake.componentsSection')}</h2>}
          extra={hasFiles || uploadingCount > 0 ? <span className="files-count">{t('intake.filesCount', { n: attachedIds.length })}</span> : null}
        >
          <ComponentChecklist rows={rowFiles} handlers={handlers} />
          <Row gutter={16} className="intake-tail">
            <Col xs={8} md={4}>
              <Form.Item label={t('intake.sets')} name="sets">
                <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={16} md={20}>
              <Form.Item label={t('intake.note')} name="note">
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={<h2 className="card-title">{t('intake.deliverySection')}</h2>}>
          <DeliveryFields />
        </Card>
      </Form>
    </div>
  );
}
