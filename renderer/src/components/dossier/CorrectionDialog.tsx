import { Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComponentsTableHead } from '../ComponentsTableHead';
import { ID_KINDS, type CorrectionInput, type DossierDetail, type Procedure } from '../../../../electron/contract';
import { fold } from '../../lib/format';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';
import { FormAlert } from '../FormAlert';

interface ComponentValues {
  name: string;
  originals: number | null;
  certifiedCopies: number | null;
  photocopies: number | null;
  required: boolean;
  pages: number | null;
}

interface CorrectionValues {
  reason: string;
  intake: {
    procedureId: string;
    applicant: { fullName: string; idKind: (typeof ID_KINDS)[number]; idNumber: string; phone: string; email: string; address: string };
    ownerName: string;
    components: ComponentValues[];
    sets: number | null;
    note: string;
    delivery: { method: 'counter' | 'post'; address: string };
  };
}

interface Props {
  detail: DossierDetail;
  procedures: Procedure[] | undefined;
  onClose: () => void;
  onDone: (detail: DossierDetail) => void;
}

function initialValues(detail: DossierDetail): CorrectionValues {
  const { dossier, components } = detail;
  return {
    reason: '',
    intake: {
      procedureId: dossier.procedureId,
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
      })),
      sets: dossier.sets,
      note: dossier.note ?? '',
      delivery: { method: dossier.delivery.method, address: dossier.delivery.address ?? '' },
    },
  };
}

/** The form as correctDossier's input: the intake as it should have been (the fee and the channel stay as received). */
function toInput(detail: DossierDetail, v: CorrectionValues): CorrectionInput {
  const { dossier } = detail;
  const i = v.intake;
  const intake: CorrectionInput['intake'] = {
    procedureId: i.procedureId,
    applicant: i.applicant,
    components: i.components.map((c) => ({
      name: c.name,
      originals: c.originals ?? 0,
      certifiedCopies: c.certifiedCopies ?? 0,
      photocopies: c.photocopies ?? 0,
      required: c.required,
      ...(typeof c.pages === 'number' ? { pages: c.pages } : {}),
    })),
    delivery: i.delivery.method === 'post' ? { method: 'post', address: i.delivery.address } : { method: 'counter' },
  };
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
  const [form] = Form.useForm<CorrectionValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const method = Form.useWatch(['intake', 'delivery', 'method'], form);
  const initial = useMemo(() => initialValues(detail), [detail]);
  const options = useMemo(
    () => (procedures ?? []).map((p) => ({ value: p.id, label: p.name, search: fold(`${p.name} ${p.code ?? ''} ${p.field}`) })),
    [procedures],
  );

  const submit = async (values: CorrectionValues) => {
    setBusy(true);
    const updated = await submitToDesk(form, 'correctDossier', toInput(detail, values), setAlert);
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
            />
          </Form.Item>
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
          <Button onClick={() => add({ name: '', originals: 0, certifiedCopies: 0, photocopies: 1, required: true, pages: null })}>
            + {t('intake.addComponent')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
