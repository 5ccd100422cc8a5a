import { Alert, App as AntApp, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComponentsTableHead } from '../ComponentsTableHead';
import {
  EXEMPTION_CATEGORIES,
  EXEMPTION_CATEGORY_LABELS,
  ID_KINDS,
  type ChannelCode,
  type CorrectionInput,
  type DossierDetail,
  type FeeQuote,
  type Procedure,
} from '../../../../electron/contract';
import { fold } from '../../lib/format';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';
import { catalogueRow, toFeeInput, type FeeValues } from '../../lib/intake';
import { FeeAmount, FeeInputs, useIntakePreview } from '../IntakeLive';
import { FormAlert } from '../FormAlert';

interface ComponentValues {
  name: string;
  originals: number | null;
  certifiedCopies: number | null;
  photocopies: number | null;
  required: boolean;
  pages: number | null;
  /** Where the row stood before the correction (its scans follow it); null for a row added now. */
  fromPosition: number | null;
}

interface CorrectionValues {
  reason: string;
  intake: {
    procedureId: string;
    channel: ChannelCode;
    applicant: { fullName: string; idKind: (typeof ID_KINDS)[number]; idNumber: string; phone: string; email: string; address: string };
    ownerName: string;
    components: ComponentValues[];
    sets: number | null;
    note: string;
    delivery: { method: 'counter' | 'post'; address: string };
    /** What the fee is computed from (pages, copies, exemptions), as recorded at intake. */
    fee: FeeValues;
  };
}

interface Props {
  detail: DossierDetail;
  procedures: Procedure[] | undefined;
  onClose: () => void;
  onDone: (detail: DossierDetail) => void;
}

/**
 * The fee's inputs as recorded with the dossier; for one recorded before they were kept, what the fee itself shows
 * (the exemption applied, the copies of a per-copy fee). Sent back only when the officer changes them.
 */
function recordedFeeValues(fee: FeeQuote | null, procedure: Procedure | undefined): FeeValues {
  if (fee?.inputs) return { pages: fee.inputs.pages ?? null, copies: fee.inputs.copies ?? null, categories: fee.inputs.categories ?? [] };
  const category = EXEMPTION_CATEGORIES.find((c) => EXEMPTION_CATEGORY_LABELS[c] === fee?.exemptedBy);
  const copies = procedure?.fee.kind === 'per_copy' ? (fee?.lines[0]?.quantity ?? null) : null;
  return { pages: null, copies, categories: category ? [category] : [] };
}

/** The fee inputs a procedure's rule uses, kept from those given (another procedure: nothing silently dropped). */
function feeValuesFor(procedure: Procedure, v: FeeValues): FeeValues {
  const rule = procedure.fee;
  const counted = rule.kind === 'per_page' || rule.kind === 'per_copy';
  const exemptions = rule.kind === 'free' ? [] : rule.exemptions.map((e) => e.category);
  return {
    pages: rule.kind === 'per_page' ? v.pages : null,
    copies: counted ? (v.copies ?? 1) : null,
    categories: v.categories.filter((c) => exemptions.includes(c)),
  };
}

function initialValues(detail: DossierDetail, procedure: Procedure | undefined): CorrectionValues {
  const { dossier, components } = detail;
  return {
    reason: '',
    intake: {
      procedureId: dossier.procedureId,
      channel: dossier.channel as ChannelCode,
      applicant: {
        fullName: dossier.applicantName,
        idKind: dossier.idKind,
        idNumber: dossier.idNumber,
        phone: dossier.phone,
        email: dossier.email,
        address: dossier.address,
      },
      ownerName: dossier.ownerName ?? '',
      components: components.map((c) => ({
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        photocopies: c.photocopies,
        required: c.required,
        pages: c.pages,
        fromPosition: c.position,
      })),
      sets: dossier.sets,
      note: dossier.note ?? '',
      delivery: { method: dossier.delivery.method, address: dossier.delivery.address ?? '' },
      fee: recordedFeeValues(detail.fee, procedure),
    },
  };
}

/** Scans whose component is no longer in the list: the desk puts them back in the inbox. */
function scansLeaving(detail: DossierDetail, rows: ComponentValues[] | undefined) {
  const list = rows ?? [];
  // As the desk decides: by a row's former position when any row has one, else a component of the same name.
  const kept = list.some((r) => r.fromPosition !== null)
    ? new Set(list.map((r) => r.fromPosition).filter((p): p is number => p !== null))
    : new Set(detail.components.filter((c) => list.some((r) => fold(r.name) === fold(c.name))).map((c) => c.position));
  return detail.attachments.filter((f) => (f.componentPosition ?? 0) > 0 && !kept.has(f.componentPosition!));
}

/**
 * The form as correctDossier's input: the intake as it should have been. The fee's inputs travel when they changed
 * or the procedure did (else the desk keeps the fee as recorded); each row says where it stood, so its scans follow.
 */
function toInput(detail: DossierDetail, v: CorrectionValues, initial: CorrectionValues): CorrectionInput {
  const { dossier } = detail;
  const i = v.intake;
  const intake: CorrectionInput['intake'] = {
    procedureId: i.procedureId,
    channel: i.channel,
    applicant: i.applicant,
    components: i.components.map((c) => ({
      name: c.name,
      originals: c.originals ?? 0,
      certifiedCopies: c.certifiedCopies ?? 0,
      photocopies: c.photocopies ?? 0,
      required: c.required,
      ...(typeof c.pages === 'number' ? { pages: c.pages } : {}),
      ...(c.fromPosition !== null ? { fromPosition: c.fromPosition } : {}),
    })),
    delivery: i.delivery.method === 'post' ? { method: 'post', address: i.delivery.address } : { method: 'counter' },
  };
  const fee = toFeeInput(i.fee);
  if (i.procedureId !== dossier.procedureId || JSON.stringify(fee) !== JSON.stringify(toFeeInput(initial.intake.fee))) {
    // Cases (a fixed fee's count) have no field here: the recorded count stays.
    const cases = detail.fee?.inputs?.cases;
    intake.fee = cases !== undefined && i.procedureId === dossier.procedureId ? { ...fee, cases } : fee;
  }
  if (i.sets !== null) intake.sets = i.sets;
  // Empty means "none": sent only when there was something to clear, so an untouched blank is not a change.
  if (i.ownerName.trim() !== '' || dossier.ownerName) intake.ownerName = i.ownerName;
  if (i.note.trim() !== '' || dossier.note) intake.note = i.note;
  // What the CCCD's QR told at intake holds while the number is the same one.
  const sameId = i.applicant.idKind === dossier.idKind && i.applicant.idNumber.replace(/\s+/g, '').toUpperCase() === dossier.idNumber;
  if (sameId && dossier.birthYear !== null) intake.birthYear = dossier.birthYear;
  if (sameId && dossier.gender !== null) intake.gender = dossier.gender;
  return { id: dossier.id, reason: v.reason, intake };
}

/**
 * Correct and reissue: after acceptance, the intake fields pre-filled as recorded; the officer fixes what was typed
 * wrong and says why. The desk records a 'corrected' event listing the changed fields and issues Mẫu 01 again as a
 * new version (the earlier one is kept).
 */
export function CorrectionDialog({ detail, procedures, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const method = Form.useWatch(['intake', 'delivery', 'method'], form);
  const procedureId = Form.useWatch(['intake', 'procedureId'], form) as string | undefined;
  const rows = Form.useWatch(['intake', 'components'], { form, preserve: true }) as ComponentValues[] | undefined;
  const recordedProcedure = procedures?.find((p) => p.id === detail.dossier.procedureId);
  // Pre-filled once the catalogue is there (the fee's fields depend on the procedure's rule).
  const initial = useMemo(() => initialValues(detail, recordedProcedure), [detail, recordedProcedure]);
  // The catalogue came after the dialog opened: the fee's recorded inputs as its rule reads them.
  useEffect(() => {
    if (!form.isFieldsTouched([['intake', 'fee', 'copies'], ['intake', 'fee', 'pages'], ['intake', 'fee', 'categories']])) {
      form.setFieldValue(['intake', 'fee'], initial.intake.fee);
    }
  }, [form, initial]);
  const chosen = procedures?.find((p) => p.id === (procedureId ?? detail.dossier.procedureId));
  const leaving = scansLeaving(detail, rows);
  const online = detail.dossier.channel === 2;
  const options = useMemo(
    () => (procedures ?? []).map((p) => ({ value: p.id, label: p.name, search: fold(`${p.name} ${p.code ?? ''} ${p.field}`) })),
    [procedures],
  );

  /** Another procedure: its checklist from the catalogue (a row of the same name keeps its scans), its fee's inputs. */
  const pickProcedure = (id: string) => {
    const p = procedures?.find((x) => x.id === id);
    if (!p) return;
    const before = (form.getFieldValue(['intake', 'components']) as ComponentValues[] | undefined) ?? [];
    const byName = new Map(before.filter((r) => r.fromPosition !== null).map((r) => [fold(r.name), r.fromPosition]));
    form.setFieldValue(
      ['intake', 'components'],
      p.components.map((c) => ({ ...catalogueRow(c), fromPosition: byName.get(fold(c.name)) ?? null })),
    );
    form.setFieldValue(['intake', 'fee'], feeValuesFor(p, form.getFieldValue(['intake', 'fee']) as FeeValues));
    void message.info(t('dossier.correction.checklistLoaded', { n: p.components.length }));
  };

  const submit = async (values: CorrectionValues) => {
    setBusy(true);
    const updated = await submitToDesk(form, 'correctDossier', toInput(detail, values, initial), setAlert);
    setBusy(false);
    if (updated) onDone(updated);
  };

  const title = t('dossier.correction.title', { code: detail.dossier.code });
  return (
    <Modal
      open
      title={title}
      okText={t('dossier.correction.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={980}
      destroyOnHidden
      maskClosable={false}
      className="correction-dialog"
    >
      <p className="hint">{t('dossier.correction.intro')}</p>
      <FormAlert title={t('dossier.correction.fixErrors')} message={alert} />
      <Form<CorrectionValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => {
          clearEditedErrors(form, changed);
          setAlert(undefined);
        }}
        className="action-form correction-form"
      >
        <Form.Item label={t('dossier.correction.reason')} name="reason" required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder={t('dossier.correction.reasonPlaceholder')} autoFocus />
        </Form.Item>

        <fieldset className="correction-section">
          <legend>{t('dossier.correction.procedureSection')}</legend>
          <Form.Item label={t('intake.procedure')} name={['intake', 'procedureId']} required>
            <Select
              options={options}
              loading={procedures === undefined}
              showSearch={{
                filterOption: (input, option) => {
                  const words = fold(input).split(' ');
                  return option !== undefined && words.every((w) => option.search.includes(w));
                },
              }}
              notFoundContent={t('intake.procedureNotFound')}
              onChange={pickProcedure}
            />
          </Form.Item>
          <Form.Item
            label={t('intake.channel')}
            name={['intake', 'channel']}
            extra={online ? t('dossier.correction.channelOnline') : t('dossier.correction.channelHelp')}
          >
            <Radio.Group
              optionType="button"
              disabled={online}
              options={(online ? [2] : [1, 3]).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            />
          </Form.Item>
        </fieldset>

        <fieldset className="correction-section">
          <legend>{t('intake.fee')}</legend>
          {chosen && <FeeEditor procedure={chosen} recorded={detail.fee} />}
        </fieldset>

        <fieldset className="correction-section">
          <legend>{t('dossier.applicant')}</legend>
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label={t('intake.fullName')} name={['intake', 'applicant', 'fullName']} required>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={t('intake.idKind')} name={['intake', 'applicant', 'idKind']}>
                <Select options={ID_KINDS.map((k) => ({ value: k, label: t(`idKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item label={t('intake.idNumber')} name={['intake', 'applicant', 'idNumber']} required>
                <Input autoComplete="off" className="mono" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item label={t('intake.phone')} name={['intake', 'applicant', 'phone']}>
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('intake.email')} name={['intake', 'applicant', 'email']}>
                <Input maxLength={120} type="email" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label={t('intake.ownerName')} name={['intake', 'ownerName']}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('intake.address')} name={['intake', 'applicant', 'address']} required>
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
        </fieldset>

        <fieldset className="correction-section">
          <legend>{t('dossier.components')}</legend>
          <ComponentsEditor />
          {leaving.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="correction-files-back"
              message={t('dossier.correction.filesBack', { n: leaving.length, names: leaving.map((f) => f.name).join(', ') })}
            />
          )}
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item label={t('intake.sets')} name={['intake', 'sets']}>
                <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={20}>
              <Form.Item label={t('intake.note')} name={['intake', 'note']}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>

        <fieldset className="correction-section">
          <legend>{t('dossier.delivery')}</legend>
          <Form.Item name={['intake', 'delivery', 'method']} label={t('dossier.correction.deliveryMethod')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'counter', label: t('dossier.deliveryMethod.counter') },
                { value: 'post', label: t('dossier.deliveryMethod.post') },
              ]}
            />
          </Form.Item>
          {method === 'post' && (
            <Form.Item label={t('dossier.correction.deliveryAddress')} name={['intake', 'delivery', 'address']} required>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          )}
        </fieldset>
      </Form>
    </Modal>
  );
}

function ComponentsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CorrectionValues>();
  return (
    <Form.List name={['intake', 'components']}>
      {(fields, { add, remove }) => (
        <>
          {fields.length > 0 && (
            <table className="components-table correction-components">
              <ComponentsTableHead
                actionLabel={t('intake.removeComponent')}
                extra={[t('dossier.correction.pages'), t('dossier.correction.required')]}
              />
              <tbody>
                {fields.map((field, i) => {
                  const name = (form.getFieldValue(['intake', 'components', field.name, 'name']) as string | undefined) ?? '';
                  const label = name || `${t('intake.componentName')} ${i + 1}`;
                  return (
                    <tr key={field.key}>
                      <td className="num-col">{i + 1}</td>
                      <td>
                        <Form.Item name={[field.name, 'name']} className="cell-item">
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={`${t('intake.componentName')} ${i + 1}`} />
                        </Form.Item>
                      </td>
                      {(['originals', 'certifiedCopies', 'photocopies'] as const).map((k) => (
                        <td key={k} className="count-col">
                          <Form.Item name={[field.name, k]} className="cell-item">
                            <InputNumber min={0} max={99} precision={0} aria-label={`${t(`intake.${k}`)}: ${label}`} />
                          </Form.Item>
                        </td>
                      ))}
                      <td className="count-col">
                        <Form.Item name={[field.name, 'pages']} className="cell-item">
                          <InputNumber min={0} max={9999} precision={0} aria-label={`${t('dossier.correction.pages')}: ${label}`} />
                        </Form.Item>
                      </td>
                      <td className="count-col">
                        <Form.Item name={[field.name, 'required']} valuePropName="checked" className="cell-item">
                          <Checkbox aria-label={`${t('dossier.correction.required')}: ${label}`} />
                        </Form.Item>
                      </td>
                      <td className="action-col">
                        <Button type="text" danger onClick={() => remove(field.name)} aria-label={`${t('intake.removeComponent')}: ${label}`}>
                          ✕
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <Button onClick={() => add({ name: '', originals: 0, certifiedCopies: 0, photocopies: 1, required: true, pages: null, fromPosition: null })}>
            + {t('intake.addComponent')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The fee's inputs under the correction's intake, the fee as recorded, and the fee they give now. */
function FeeEditor({ procedure, recorded }: { procedure: Procedure; recorded: FeeQuote | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CorrectionValues>();
  const values = Form.useWatch(['intake', 'fee'], form) as FeeValues | undefined;
  const { preview, error, stale } = useIntakePreview(procedure.id, values);
  const problem = preview?.feeProblem?.message ?? error?.message;
  return (
    <div className="correction-fee">
      <FeeInputs procedure={procedure} prefix={['intake', 'fee']} />
      <Row gutter={12} className="correction-fee-figures">
        <Col span={12}>
          <span className="live-label">{t('dossier.correction.feeRecorded')}:</span> {recorded ? <FeeAmount fee={recorded} /> : '—'}
        </Col>
        <Col span={12} className={stale ? 'stale' : undefined} data-testid="correction-fee-new">
          <span className="live-label">{t('dossier.correction.feeNew')}:</span>{' '}
          <span role="status" aria-live="polite">
            {preview?.fee ? <FeeAmount fee={preview.fee} /> : problem ? <span className="fee-problem">{problem}</span> : '…'}
          </span>
        </Col>
      </Row>
    </div>
  );
}
