import { Alert, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, MethodInput } from '../../../electron/contract';
import { FormAlert } from './FormAlert';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';

/** The lifecycle actions this screen offers; the others (finish, returnResult, extensions…) come later. */
export const SIMPLE_ACTIONS = ['refuse', 'requestSupplement', 'supplementReceived', 'forward', 'withdraw', 'cancelWithdrawal', 'stop'] as const;
export type SimpleAction = (typeof SIMPLE_ACTIONS)[number];
export const isSimpleAction = (type: string): type is SimpleAction => (SIMPLE_ACTIONS as readonly string[]).includes(type);

type ActionInput = MethodInput<'applyDossierAction'>['action'];

interface ActionValues {
  action: { reason?: string; note?: string; to?: 'specialist' | 'external'; recipient?: string; override?: { reason?: string } };
  /** requestSupplement: one row per dossier component, by position in the list. */
  picks?: { checked?: boolean; reason?: string }[];
  other?: { name?: string; reason?: string };
}

interface Props {
  type: SimpleAction;
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

/**
 * One small dialog per action with just the fields it needs; the contract's schema checks them (Vietnamese messages
 * under the fields), then applyDossierAction records the step. A refusal from the desk is shown as it comes.
 */
export function ActionDialog({ type, label, requiresOverride, detail, forwardDefault, prefill, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const { dossier, components } = detail;
  const stage = dossier.status === 1 ? 'reception' : 'appraisal';
  const prefilled = new Map((type === 'requestSupplement' ? (prefill?.items ?? []) : []).map((i) => [i.position, i.reason]));
  // The form that the desk issues with this action, named on the button so the officer knows a paper follows.
  const issues = type === 'requestSupplement' ? '02' : type === 'refuse' ? '03' : null;
  const picks = Form.useWatch('picks', form);

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
        if (trimmed(a.recipient)) action.recipient = a.recipient;
        if (trimmed(a.note)) action.note = a.note;
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

  const reasonField = (name: string, labelText: string, required: boolean) => (
    <Form.Item label={labelText} name={['action', name]} required={required}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} autoFocus />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={label}
      okText={issues ? t('action.submitIssuing', { form: t('form.mau', { number: issues }) }) : t('action.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={type === 'requestSupplement' ? 760 : 560}
      destroyOnHidden
      maskClosable={false}
    >
      <p className="hint">{t(`action.intro.${type}`)}</p>
      {prefilled.size > 0 && (
        <Alert type="info" showIcon className="form-alert" title={t('action.prefilled', { n: prefilled.size })} data-testid="supplement-prefilled" />
      )}
      <FormAlert title={label} message={alert} />
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={{
          action:
            forwardDefault && type === 'forward'
              ? { to: forwardDefault.to, recipient: forwardDefault.recipient }
              : type === 'requestSupplement' && prefill
                ? { to: 'specialist', reason: prefill.reason }
                : { to: 'specialist' },
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
            <Form.Item label={t('action.forwardTo')} name={['action', 'to']}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'specialist', label: t('action.toSpecialist') },
                  { value: 'external', label: t('action.toExternal') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('action.recipient')} name={['action', 'recipient']}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('action.note')} name={['action', 'note']}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
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
