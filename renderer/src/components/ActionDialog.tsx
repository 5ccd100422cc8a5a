import { Alert, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, RECEIPT_FORM, type DossierDetail, type FileMeta, type MethodInput, type Officer } from '../../../electron/contract';
import { useDesk } from '../api';
import { FormAlert } from './FormAlert';
import { ResultFilesPicker } from './dossier/ResultFiles';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { formatDateTime, formatVnd } from '../lib/format';
import { formLabel } from '../lib/forms';
import './dossier/work.css';

/** Every lifecycle action the dossier screen offers (acceptance has its own button: it issues Mẫu 01). */
export const DIALOG_ACTIONS = [
  'refuse',
  'requestSupplement',
  'supplementReceived',
  'forward',
  'startProcessing',
  'returnToDesk',
  'requestFinancialObligation',
  'obligationFulfilled',
  'proposeExtension',
  'extend',
  'finish',
  'returnResult',
  'withdraw',
  'cancelWithdrawal',
  'stop',
] as const;
export type DialogAction = (typeof DIALOG_ACTIONS)[number];
export const isDialogAction = (type: string): type is DialogAction => (DIALOG_ACTIONS as readonly string[]).includes(type);
/** The actions whose labels and texts live under `work.` (the first slice's are under `action.`). */
const WORK_ACTIONS = new Set<DialogAction>([
  'startProcessing',
  'returnToDesk',
  'requestFinancialObligation',
  'obligationFulfilled',
  'proposeExtension',
  'extend',
  'finish',
  'returnResult',
]);
export const isWorkAction = (type: DialogAction) => WORK_ACTIONS.has(type);

type ActionInput = MethodInput<'applyDossierAction'>['action'];
type FeeMode = 'paid' | 'exempt' | 'none';

/** Field names follow the contract's paths (action.result.summary, action.fee.amount…) so refusals land under them. */
interface ActionValues {
  action: {
    reason?: string;
    note?: string;
    to?: 'specialist' | 'external';
    recipient?: string;
    recipientId?: number | null;
    description?: string;
    newDueAt?: Dayjs | null;
    override?: { reason?: string };
    result?: { kind?: 'granted' | 'rejected'; summary?: string; reason?: string; number?: string; signedOn?: Dayjs | null };
    method?: 'counter' | 'post' | 'online';
    receivedBy?: { name?: string; proof?: 'slip' | 'id'; authorised?: boolean; authorisation?: string };
    fee?: { amount?: number | null; receiptNo?: string; exemptReason?: string };
    postalItem?: string;
  };
  /** returnResult: collect the fee, exempt it, or nothing to collect. */
  feeMode?: FeeMode;
  /** requestSupplement: one row per dossier component, by position in the list. */
  picks?: { checked?: boolean; reason?: string }[];
  other?: { name?: string; reason?: string };
}

const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
const DAY_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DDMMYYYY'];
const DAY_MS = 24 * 3600_000;

/** The officers a dossier can be forwarded to, the suggested one (the procedure's field) first. */
export function forwardCandidates(officers: Officer[] | undefined, field: string): { list: Officer[]; suggested: Officer | undefined } {
  const list = (officers ?? []).filter((o) => o.role === 'specialist' || o.role === 'leader');
  const folded = foldVietnamese(field);
  const handles = (o: Officer) => o.fields.some((f) => foldVietnamese(f) === folded);
  const suggested = list.find((o) => o.role === 'specialist' && handles(o)) ?? list.find((o) => o.role === 'leader' && handles(o));
  return { list, suggested };
}

interface Props {
  type: DialogAction;
  label: string;
  requiresOverride: boolean;
  detail: DossierDetail;
  /** Where a forwarded dossier usually goes (the procedure's competent unit). */
  forwardDefault?: { to: 'specialist' | 'external'; recipient: string };
  /**
   * requestSupplement built from the review: the components marked thiếu / không hợp lệ, ticked with their reason
   * (editable), and the general reason. Positions as in the dossier's components.
   */
  prefill?: { items: { position: number; reason: string }[]; reason: string };
  onClose: () => void;
  onDone: (detail: DossierDetail) => void;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

/** The paper the desk issues with this step, named on the button so the officer knows one follows. */
function issuedBy(type: DialogAction, v: { resultKind?: string; method?: string }): string | null {
  switch (type) {
    case 'requestSupplement':
      return '02';
    case 'refuse':
      return '03';
    case 'extend':
      return '04';
    case 'stop':
      return '05';
    case 'finish':
      return v.resultKind === 'rejected' ? '03' : null;
    case 'returnResult':
      return (v.method ?? 'counter') === 'counter' ? RECEIPT_FORM : null;
    default:
      return null;
  }
}

/**
 * One small dialog per action with just the fields it needs; the contract's schema checks them (Vietnamese messages
 * under the fields), then applyDossierAction records the step. A refusal from the desk is shown as it comes.
 */
export function ActionDialog({ type, label, requiresOverride, detail, forwardDefault, prefill, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const [resultFiles, setResultFiles] = useState<FileMeta[]>([]);
  const { dossier, components, fee, events } = detail;
  const stage = dossier.status === 1 ? 'reception' : 'appraisal';
  const prefilled = new Map((type === 'requestSupplement' ? (prefill?.items ?? []) : []).map((i) => [i.position, i.reason]));
  // The form that the desk issues with this action, named on the button so the officer knows a paper follows.
  const picks = Form.useWatch('picks', form);
  const forwardTo = Form.useWatch(['action', 'to'], form);
  const resultKind = Form.useWatch(['action', 'result', 'kind'], form);
  const method = Form.useWatch(['action', 'method'], form);
  const issues = issuedBy(type, { resultKind, method });
  const authorised = Form.useWatch(['action', 'receivedBy', 'authorised'], form);
  const feeMode = Form.useWatch('feeMode', form);

  // forward: the specialists and leaders, the one whose fields include the procedure's preselected.
  const officers = useDesk('listOfficers', {}, type === 'forward' ? 'forward' : 'none');
  const candidates = useMemo(() => forwardCandidates(type === 'forward' ? officers.data : [], dossier.field), [type, officers.data, dossier.field]);
  const suggestedId = candidates.suggested?.id;
  useEffect(() => {
    if (suggestedId !== undefined && !form.isFieldTouched(['action', 'recipientId'])) form.setFieldValue(['action', 'recipientId'], suggestedId);
  }, [form, suggestedId]);

  // Extensions: the current due date, the latest moment for the apology (one day before it), a pending proposal.
  const dueAt = dossier.dueAt ? new Date(dossier.dueAt) : null;
  const apologyBy = dueAt ? new Date(dueAt.getTime() - DAY_MS) : null;
  const apologyLate = apologyBy !== null && Date.now() > apologyBy.getTime();
  const lastExtensionEvent = [...events].reverse().find((e) => e.action === 'proposeExtension' || e.action === 'extend');
  const proposal = type === 'extend' && lastExtensionEvent?.action === 'proposeExtension' ? lastExtensionEvent : undefined;
  const defaultNewDue = dueAt ? nextWorkingDay(dayjs(dueAt)) : null;
  const feeDefault: FeeMode = fee === null ? 'none' : fee.amount > 0 ? 'paid' : fee.exemptedBy ? 'exempt' : 'none';

  const build = (v: ActionValues): { action: ActionInput; itemRows: string[] } => {
    const a = v.action;
    switch (type) {
      case 'refuse':
        return { action: { type, reason: a.reason ?? '' }, itemRows: [] };
      case 'stop':
        return { action: { type, reason: a.reason ?? '' }, itemRows: [] };
      case 'withdraw':
        return { action: trimmed(a.reason) ? { type, reason: a.reason } : { type }, itemRows: [] };
      case 'cancelWithdrawal':
        return { action: { type, reason: a.reason ?? '' }, itemRows: [] };
      case 'supplementReceived':
        return { action: trimmed(a.note) ? { type, note: a.note } : { type }, itemRows: [] };
      case 'forward': {
        const action: ActionInput = { type, to: a.to ?? 'specialist' };
        if (action.to === 'specialist' && typeof a.recipientId === 'number') action.recipientId = a.recipientId;
        else if (trimmed(a.recipient)) action.recipient = a.recipient;
        if (trimmed(a.note)) action.note = a.note;
        return { action, itemRows: [] };
      }
      case 'startProcessing':
      case 'obligationFulfilled':
        return { action: trimmed(a.note) ? { type, note: a.note } : { type }, itemRows: [] };
      case 'returnToDesk':
        return { action: { type, reason: a.reason ?? '' }, itemRows: [] };
      case 'requestFinancialObligation':
        return { action: { type, description: a.description ?? '' }, itemRows: [] };
      case 'proposeExtension':
        // An empty date is sent as '' so the contract's message lands under the field.
        return { action: { type, newDueAt: a.newDueAt ? a.newDueAt.toISOString() : '', reason: a.reason ?? '' }, itemRows: [] };
      case 'extend': {
        const action: ActionInput = { type };
        if (a.newDueAt) action.newDueAt = a.newDueAt.toISOString();
        if (trimmed(a.reason)) action.reason = a.reason;
        return { action, itemRows: [] };
      }
      case 'finish': {
        const r = a.result ?? {};
        const result: Extract<ActionInput, { type: 'finish' }>['result'] = { kind: r.kind ?? 'granted', summary: r.summary ?? '' };
        if (r.kind === 'rejected') result.reason = r.reason ?? '';
        if (trimmed(r.number)) result.number = r.number?.trim();
        if (r.signedOn) result.signedOn = r.signedOn.format('YYYY-MM-DD');
        if (resultFiles.length) result.files = resultFiles.map((f) => f.id);
        return { action: { type, result }, itemRows: [] };
      }
      case 'returnResult': {
        const m = a.method ?? 'counter';
        const action: Extract<ActionInput, { type: 'returnResult' }> = { type, method: m };
        const rb = a.receivedBy ?? {};
        if (m === 'counter') {
          action.receivedBy = { name: rb.name ?? '', proof: rb.proof ?? 'slip' };
          if (rb.authorised) {
            action.receivedBy.authorised = true;
            if (trimmed(rb.authorisation)) {
              action.receivedBy.authorisation = rb.authorisation?.trim();
              action.receivedBy.powerOfAttorney = true;
            }
          }
        }
        if (m === 'post' && trimmed(a.postalItem)) action.postalItem = a.postalItem?.trim().toUpperCase();
        const f = a.fee ?? {};
        if (v.feeMode === 'paid') {
          action.fee = { amount: typeof f.amount === 'number' ? f.amount : Number.NaN };
          if (trimmed(f.receiptNo)) action.fee.receiptNo = f.receiptNo?.trim();
        } else if (v.feeMode === 'exempt') {
          action.fee = { amount: 0, exemptReason: f.exemptReason ?? '' };
        }
        return { action, itemRows: [] };
      }
      case 'requestSupplement': {
        // The items are the ticked rows (plus "another document" when named); itemRows maps each back to its row.
        const items: { name: string; reason: string }[] = [];
        const itemRows: string[] = [];
        (v.picks ?? []).forEach((p, i) => {
          const c = components[i];
          if (!p.checked || !c) return;
          items.push({ name: c.name, reason: p.reason ?? '' });
          itemRows.push(`picks.${i}`);
        });
        if (trimmed(v.other?.name) || trimmed(v.other?.reason)) {
          items.push({ name: v.other?.name ?? '', reason: v.other?.reason ?? '' });
          itemRows.push('other');
        }
        const action: ActionInput = { type, stage, items, reason: a.reason ?? '' };
        if (requiresOverride) action.override = { reason: a.override?.reason ?? '' };
        return { action, itemRows };
      }
    }
  };

  const submit = async (values: ActionValues) => {
    const { action, itemRows } = build(values);
    // The lifecycle's own checks that the contract cannot express: said under the field before anything travels.
    const local = localProblem(action);
    if (local) {
      const fi = form as FormInstance;
      fi.setFields([{ name: local.name, errors: [local.message] }]);
      fi.scrollToField(local.name, { focus: true });
      return;
    }
    setBusy(true);
    const updated = await submitToDesk(form, 'applyDossierAction', { id: dossier.id, action }, setAlert, {
      mapPath: (path) => {
        const m = /^action\.items\.(\d+)\.(name|reason)$/.exec(path);
        const row = m ? itemRows[Number(m[1])] : undefined;
        if (m && row) return row === 'other' || m[2] === 'reason' ? `${row}.${m[2]}` : path;
        return path;
      },
    });
    setBusy(false);
    if (updated) onDone(updated);
  };

  /** What the desk would refuse with a message that names no field: a rejection without reason, a missing power of attorney, an exemption without reason. */
  const localProblem = (action: ActionInput): { name: (string | number)[]; message: string } | null => {
    if (action.type === 'finish' && action.result.kind === 'rejected' && !trimmed(action.result.reason)) {
      return { name: ['action', 'result', 'reason'], message: 'Kết quả từ chối giải quyết phải ghi rõ lý do' };
    }
    if (action.type === 'returnResult') {
      const rb = action.receivedBy;
      if (rb?.authorised && !rb.powerOfAttorney) {
        return { name: ['action', 'receivedBy', 'authorisation'], message: 'Người được ủy quyền nhận kết quả phải có văn bản ủy quyền' };
      }
      if (action.fee && action.fee.amount === 0 && !trimmed(action.fee.exemptReason)) {
        return { name: ['action', 'fee', 'exemptReason'], message: 'Miễn phí, lệ phí phải ghi lý do miễn' };
      }
    }
    return null;
  };

  const reasonField = (name: string, labelText: string, required: boolean, placeholder?: string) => (
    <Form.Item label={labelText} name={['action', name]} required={required}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} autoFocus placeholder={placeholder} />
    </Form.Item>
  );

  const dueFacts = (
    <Descriptions
      size="small"
      bordered
      column={1}
      className="work-facts"
      items={[
        { key: 'due', label: t('work.extension.currentDue'), children: dueAt ? formatDateTime(dossier.dueAt) : t('work.extension.noDue') },
        ...(apologyBy
          ? [{ key: 'apology', label: t('work.extension.latestApology'), children: <strong>{formatDateTime(apologyBy.toISOString())}</strong> }]
          : []),
        ...(proposal ? [{ key: 'proposal', label: t('work.extension.proposal'), children: proposal.note ?? '' }] : []),
      ]}
    />
  );

  const newDuePicker = (
    <DatePicker
      showTime={{ format: 'HH:mm', minuteStep: 5 }}
      format={DATE_TIME_FORMAT}
      placeholder={t('work.extension.newDuePlaceholder')}
      disabledDate={(d) => (dueAt ? d.endOf('day').isBefore(dayjs(dueAt)) : d.endOf('day').isBefore(dayjs()))}
      style={{ width: 240 }}
      autoFocus
    />
  );

  const intro = isWorkAction(type) ? t(`work.intro.${type}`) : t(`action.intro.${type}`);
  const initialAction: ActionValues['action'] = (() => {
    switch (type) {
      case 'forward':
        return forwardDefault ? { to: forwardDefault.to, recipient: forwardDefault.recipient } : { to: 'specialist' };
      case 'requestSupplement':
        return prefill ? { to: 'specialist', reason: prefill.reason } : { to: 'specialist' };
      case 'proposeExtension':
        return { newDueAt: defaultNewDue };
      case 'finish':
        return { result: { kind: 'granted', signedOn: dayjs() } };
      case 'returnResult':
        return {
          method: dossier.delivery.method === 'post' ? 'post' : 'counter',
          receivedBy: { name: dossier.applicantName, proof: 'slip', authorised: false },
          fee: { amount: fee && fee.amount > 0 ? fee.amount : null, exemptReason: fee?.exemptedBy ?? '' },
        };
      default:
        return { to: 'specialist' };
    }
  })();

  return (
    <Modal
      open
      title={label}
      okText={issues ? t('action.submitIssuing', { form: formLabel(t, issues) }) : t('action.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={type === 'requestSupplement' ? 760 : type === 'returnResult' || type === 'finish' ? 640 : 560}
      destroyOnHidden
      maskClosable={false}
    >
      <p className="hint">{intro}</p>
      {prefilled.size > 0 && (
        <Alert type="info" showIcon className="form-alert" title={t('action.prefilled', { n: prefilled.size })} data-testid="supplement-prefilled" />
      )}
      <FormAlert title={label} message={alert} />
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          action: initialAction,
          feeMode: feeDefault,
          picks: components.map((c) => ({ checked: prefilled.has(c.position), reason: prefilled.get(c.position) ?? '' })),
          other: { name: '', reason: '' },
        }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => {
          clearEditedErrors(form, changed);
          setAlert(undefined);
        }}
        className="action-form"
      >
        {type === 'refuse' && reasonField('reason', t('action.refuseReason'), true)}
        {type === 'stop' && reasonField('reason', t('action.stopReason'), true)}
        {type === 'withdraw' && reasonField('reason', t('action.withdrawReason'), false)}
        {type === 'cancelWithdrawal' && reasonField('reason', t('action.cancelWithdrawalReason'), true)}
        {type === 'supplementReceived' && reasonField('note', t('action.note'), false)}
        {type === 'forward' && (
          <>
            {detail.lifecycle.forwardBy?.late && <Alert type="warning" showIcon className="form-alert" title={t('work.forward.lateHint')} />}
            <Form.Item label={t('action.forwardTo')} name={['action', 'to']}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'specialist', label: t('action.toSpecialist') },
                  { value: 'external', label: t('action.toExternal') },
                ]}
              />
            </Form.Item>
            {forwardTo !== 'external' && (candidates.list.length > 0 || officers.data === undefined) ? (
              <Form.Item
                label={t('work.forward.recipient')}
                name={['action', 'recipientId']}
                extra={
                  candidates.suggested
                    ? t('work.forward.recipientHelp', { field: dossier.field })
                    : officers.data !== undefined
                      ? t('work.forward.recipientNone', { field: dossier.field })
                      : undefined
                }
              >
                <Select
                  showSearch={{
                    filterOption: (input, option) =>
                      option !== undefined && foldVietnamese(String(option.search)).includes(foldVietnamese(input)),
                  }}
                  loading={officers.data === undefined}
                  placeholder={t('work.forward.recipientPlaceholder')}
                  options={candidates.list.map((o) => ({
                    value: o.id,
                    search: `${o.fullName} ${o.title} ${o.fields.join(' ')}`,
                    label: (
                      <span className="officer-option">
                        <strong>{o.fullName}</strong>
                        <span className="muted">
                          {' – '}
                          {o.role === 'leader' ? t('work.forward.leader') : o.title}
                          {o.fields.length > 0 ? ` (${o.fields.join(', ')})` : ''}
                        </span>
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
            ) : (
              <Form.Item label={forwardTo === 'external' ? t('work.forward.external') : t('action.recipient')} name={['action', 'recipient']}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            )}
            <Form.Item label={t('action.note')} name={['action', 'note']}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {(type === 'startProcessing' || type === 'obligationFulfilled') && reasonField('note', t('work.note'), false)}
        {type === 'returnToDesk' && reasonField('reason', t('work.returnReason'), true)}
        {type === 'requestFinancialObligation' && reasonField('description', t('work.obligation'), true, t('work.obligationPlaceholder'))}
        {(type === 'proposeExtension' || type === 'extend') && (
          <>
            {dueFacts}
            {apologyLate && <Alert type="warning" showIcon className="form-alert" title={t('work.extension.lateWarning')} />}
            <Form.Item
              label={type === 'extend' && proposal ? t('work.extension.newDueOptional') : t('work.extension.newDue')}
              name={['action', 'newDueAt']}
              required={type === 'proposeExtension' || !proposal}
            >
              {newDuePicker}
            </Form.Item>
            <Form.Item
              label={type === 'extend' && proposal ? t('work.extension.reasonOptional') : t('work.extension.reason')}
              name={['action', 'reason']}
              required={type === 'proposeExtension' || !proposal}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {type === 'finish' && (
          <>
            <Form.Item label={t('work.finish.kind')} name={['action', 'result', 'kind']}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'granted', label: t('work.finish.granted') },
                  { value: 'rejected', label: t('work.finish.rejected') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('work.finish.summary')} name={['action', 'result', 'summary']} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={t('work.finish.summaryPlaceholder')} autoFocus />
            </Form.Item>
            <div className="form-row">
              <Form.Item label={t('work.finish.number')} name={['action', 'result', 'number']} className="grow">
                <Input maxLength={60} autoComplete="off" placeholder={t('work.finish.numberPlaceholder')} />
              </Form.Item>
              <Form.Item label={t('work.finish.signedOn')} name={['action', 'result', 'signedOn']}>
                <DatePicker format={DAY_FORMATS} placeholder="dd/mm/yyyy" style={{ width: 170 }} />
              </Form.Item>
            </div>
            {resultKind === 'rejected' && (
              <Form.Item label={t('work.finish.reason')} name={['action', 'result', 'reason']} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
              </Form.Item>
            )}
            {/* Held outside the form's values: each file is stored as it is picked; the step names their ids. */}
            <Form.Item label={t('work.finish.files')}>
              <ResultFilesPicker value={resultFiles} onChange={setResultFiles} />
            </Form.Item>
          </>
        )}
        {type === 'returnResult' && (
          <>
            <Form.Item
              label={t('work.ret.method')}
              name={['action', 'method']}
              extra={t('work.ret.appointed', { method: t(`dossier.deliveryMethod.${dossier.delivery.method}`) })}
            >
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'counter', label: t('work.ret.counter') },
                  { value: 'post', label: t('work.ret.post') },
                  { value: 'online', label: t('work.ret.online') },
                ]}
              />
            </Form.Item>
            {method === 'counter' && (
              <fieldset className="work-fieldset">
                <legend>{t('work.ret.receiver')}</legend>
                <Form.Item label={t('work.ret.receiverName')} name={['action', 'receivedBy', 'name']} required>
                  <Input maxLength={100} autoComplete="off" />
                </Form.Item>
                <Form.Item label={t('work.ret.proof')} name={['action', 'receivedBy', 'proof']}>
                  <Radio.Group
                    options={[
                      { value: 'slip', label: t('work.ret.proofSlip') },
                      { value: 'id', label: t('work.ret.proofId') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={['action', 'receivedBy', 'authorised']} valuePropName="checked" className="tight-item">
                  <Checkbox>{t('work.ret.authorised')}</Checkbox>
                </Form.Item>
                {authorised === true && (
                  <Form.Item label={t('work.ret.authorisation')} name={['action', 'receivedBy', 'authorisation']} required>
                    <Input maxLength={300} autoComplete="off" placeholder={t('work.ret.authorisationPlaceholder')} />
                  </Form.Item>
                )}
              </fieldset>
            )}
            {method === 'post' && (
              <Form.Item label={t('work.ret.postalItem')} name={['action', 'postalItem']}>
                <Input maxLength={13} autoComplete="off" placeholder={t('work.ret.postalItemPlaceholder')} className="mono" style={{ width: 220 }} />
              </Form.Item>
            )}
            <fieldset className="work-fieldset">
              <legend>{t('work.ret.fee')}</legend>
              {fee && fee.amount > 0 && <p className="hint">{t('work.ret.feeDue', { amount: formatVnd(fee.amount) })}</p>}
              <Form.Item name="feeMode" className="tight-item">
                <Radio.Group
                  aria-label={t('work.ret.fee')}
                  optionType="button"
                  options={[
                    { value: 'paid', label: t('work.ret.feePaid') },
                    { value: 'exempt', label: t('work.ret.feeExempt') },
                    { value: 'none', label: t('work.ret.feeNone') },
                  ]}
                />
              </Form.Item>
              {feeMode === 'paid' && (
                <div className="form-row">
                  <Form.Item label={t('work.ret.amount')} name={['action', 'fee', 'amount']} required>
                    <InputNumber<number>
                      min={0}
                      max={100_000_000}
                      step={1000}
                      style={{ width: 180 }}
                      formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : Number(v).toLocaleString('vi-VN'))}
                      parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
                    />
                  </Form.Item>
                  <Form.Item label={t('work.ret.receiptNo')} name={['action', 'fee', 'receiptNo']} className="grow">
                    <Input maxLength={40} autoComplete="off" />
                  </Form.Item>
                </div>
              )}
              {feeMode === 'exempt' && (
                <Form.Item label={t('work.ret.exemptReason')} name={['action', 'fee', 'exemptReason']} required>
                  <Input maxLength={300} autoComplete="off" />
                </Form.Item>
              )}
            </fieldset>
          </>
        )}
        {type === 'requestSupplement' && (
          <>
            <p className="stage-note">{stage === 'reception' ? t('action.stageReception') : t('action.stageAppraisal')}</p>
            {requiresOverride && <Alert type="warning" showIcon className="form-alert" title={t('action.overrideWarning')} />}
            <fieldset className="supplement-items">
              <legend>{t('action.items')}</legend>
              <table className="data-table">
                <tbody>
                  {components.map((c, i) => {
                    const checked = picks?.[i]?.checked === true;
                    return (
                      <tr key={c.position}>
                        <td className="pick-col">
                          <Form.Item name={['picks', i, 'checked']} valuePropName="checked" className="cell-item">
                            <Checkbox>{c.name}</Checkbox>
                          </Form.Item>
                        </td>
                        <td className="reason-col">
                          <Form.Item name={['picks', i, 'reason']} className="cell-item">
                            <Input
                              disabled={!checked}
                              maxLength={500}
                              placeholder={t('action.itemReasonPlaceholder')}
                              aria-label={`${t('action.itemReason')}: ${c.name}`}
                              autoComplete="off"
                            />
                          </Form.Item>
                        </td>
                      </tr>
                    );
                  })}
                  <tr>
                    <td className="pick-col">
                      <Form.Item name={['other', 'name']} className="cell-item">
                        <Input maxLength={300} placeholder={t('action.otherItemPlaceholder')} aria-label={t('action.otherItem')} autoComplete="off" />
                      </Form.Item>
                    </td>
                    <td className="reason-col">
                      <Form.Item name={['other', 'reason']} className="cell-item">
                        <Input
                          maxLength={500}
                          placeholder={t('action.itemReasonPlaceholder')}
                          aria-label={`${t('action.itemReason')}: ${t('action.otherItem')}`}
                          autoComplete="off"
                        />
                      </Form.Item>
                    </td>
                  </tr>
                </tbody>
              </table>
            </fieldset>
            <Form.Item label={t('action.supplementReason')} name={['action', 'reason']} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
            </Form.Item>
            {requiresOverride && (
              <Form.Item label={t('action.overrideReason')} name={['action', 'override', 'reason']} required>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

/** The next Monday–Friday after a day, same time (a first suggestion; the desk's calendar decides what counts). */
function nextWorkingDay(d: Dayjs): Dayjs {
  let n = d.add(1, 'day');
  while (n.day() === 0 || n.day() === 6) n = n.add(1, 'day');
  return n;
}
