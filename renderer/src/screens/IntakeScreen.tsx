import { App as AntApp, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATALOGUE_FIELD_LABELS,
  CHANNEL_CODES,
  ID_KINDS,
  type ChannelCode,
  type ComponentInput,
  type IntakeInput,
  type Procedure,
} from '../../../electron/contract';
import { call, useDesk } from '../api';
import { ComponentsTableHead } from '../components/ComponentsTableHead';
import { FormAlert } from '../components/FormAlert';
import { IntakeLive } from '../components/IntakeLive';
import { fold } from '../lib/format';
import { competentUnitText, NO_FEE_VALUES, toFeeInput, type FeeValues } from '../lib/intake';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { onEscape } from '../lib/keys';
import { navigate } from '../lib/router';

interface IntakeValues {
  procedureId?: string;
  channel: ChannelCode;
  applicant: { fullName: string; idKind: (typeof ID_KINDS)[number]; idNumber: string; phone: string; email: string; address: string };
  ownerName: string;
  components: ComponentInput[];
  sets: number | null;
  note: string;
  /** What the fee depends on (pages and copies for chứng thực, exemption categories). */
  fee: FeeValues;
}

const INITIAL: IntakeValues = {
  channel: 1,
  applicant: { fullName: '', idKind: 'cccd', idNumber: '', phone: '', email: '', address: '' },
  ownerName: '',
  components: [],
  sets: 1,
  note: '',
  fee: NO_FEE_VALUES,
};

/** What a scanned CCCD QR told about the holder, checked by the desk against the number's digits. */
interface QrFacts {
  idNumber: string;
  birthYear: number;
  gender: 'male' | 'female';
}

/** The form's values as the contract's raw input (the desk trims, folds and validates again). */
function toInput(v: IntakeValues, qr: QrFacts | null): IntakeInput {
  const input: IntakeInput = {
    procedureId: v.procedureId ?? '',
    channel: v.channel,
    applicant: v.applicant,
    components: v.components,
    fee: toFeeInput(v.fee),
  };
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
  procedure: Procedure;
}

export function IntakeScreen() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const procedures = useDesk('listProcedures', {});
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();
  const procedureId = Form.useWatch('procedureId', form);
  const confirming = useRef(false);
  const qrFacts = useRef<QrFacts | null>(null);
  /** The QR text being read, so the scanner's own Enter does not read (or submit) it a second time. */
  const reading = useRef<string | null>(null);
  const lastScanAt = useRef(0);
  const [qrBusy, setQrBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('intake.title')} — ${t('app.name')}`;
  }, [t]);

  const options = useMemo<ProcedureOption[]>(
    () =>
      (procedures.data ?? []).map((p) => ({
        value: p.id,
        label: p.name,
        search: fold(`${p.name} ${p.code ?? ''} ${p.field}`),
        procedure: p,
      })),
    [procedures.data],
  );
  const chosen = options.find((o) => o.value === procedureId)?.procedure;
  const requiredNames = useMemo(() => new Set(chosen?.components.filter((c) => c.required).map((c) => c.name)), [chosen]);

  // Esc closes; when something was typed, ask first (the confirm dialog handles its own Esc).
  useEffect(
    () =>
      onEscape(() => {
        if (confirming.current) return;
        if (!form.isFieldsTouched()) {
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
          onOk: () => navigate({ name: 'queue' }),
          afterClose: () => {
            confirming.current = false;
          },
        });
      }),
    [form, modal, t],
  );

  const pickProcedure = (id: string) => {
    const p = options.find((o) => o.value === id)?.procedure;
    if (!p) return;
    form.setFieldValue(
      'components',
      p.components.map((c) => ({ name: c.name, originals: c.originals, certifiedCopies: c.certifiedCopies, photocopies: c.photocopies })),
    );
    // Another procedure, another fee rule: counts and exemptions start again (one copy unless told otherwise).
    const counted = p.fee.kind === 'per_page' || p.fee.kind === 'per_copy';
    form.setFieldValue('fee', { ...NO_FEE_VALUES, copies: counted ? 1 : null });
  };

  /** A 2D scanner types the CCCD's QR content into the ID field; the desk reads it and the applicant block fills. */
  const fillFromQr = async (raw: string) => {
    const key = raw.trim();
    if (reading.current === key) return;
    reading.current = key;
    lastScanAt.current = Date.now();
    setQrBusy(true);
    const result = await call('readCccdQr', { text: raw });
    setQrBusy(false);
    reading.current = null;
    lastScanAt.current = Date.now();
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
  };

  const onIdKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    if (e.currentTarget.value.includes('|')) {
      e.preventDefault();
      void fillFromQr(e.currentTarget.value);
    } else if (reading.current !== null || Date.now() - lastScanAt.current < 1500) {
      // The scanner's CR after a QR that was already read: it must not save the dossier.
      e.preventDefault();
    }
  };

  const submit = async (values: IntakeValues) => {
    setBusy(true);
    const created = await submitToDesk(form, 'createDossier', toInput(values, qrFacts.current), setAlert);
    setBusy(false);
    if (!created) return;
    void message.success(t('intake.created', { code: created.code }));
    navigate({ name: 'dossier', id: created.id });
  };

  return (
    <div className="intake-screen">
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => clearEditedErrors(form, changed)}
        className="intake-form"
      >
        <div className="screen-head sticky-head">
          <h1 className="page-title">{t('intake.title')}</h1>
          <div className="head-actions">
            <span className="keys-hint">{t('intake.submitHint')}</span>
            <Button onClick={() => navigate({ name: 'queue' })}>{t('common.close')}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
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
                  <span className="procedure-option-name">{o.data.label}</span>
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
          {chosen && <IntakeLive procedure={chosen} />}
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
                <Input
                  autoComplete="off"
                  className="mono"
                  onKeyDown={onIdKey}
                  onChange={(e) => {
                    const v = e.target.value;
                    // A complete QR (7 fields ending with the issue date) needs no Enter from the scanner.
                    if (v.split('|').length >= 7 && /\|\d{8}\s*$/.test(v)) void fillFromQr(v);
                  }}
                />
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

        <Card size="small" title={<h2 className="card-title">{t('intake.componentsSection')}</h2>}>
          <ComponentsTable requiredNames={requiredNames} />
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

      </Form>
    </div>
  );
}

function ComponentsTable({ requiredNames }: { requiredNames: Set<string> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IntakeValues>();
  return (
    <Form.List name="components">
      {(fields, { add, remove }) => (
        <>
          <p className="hint">{fields.length > 0 ? t('intake.componentsHint') : t('intake.noComponents')}</p>
          {fields.length > 0 && (
            <table className="components-table">
              <ComponentsTableHead actionLabel={t('intake.removeComponent')} />
              <tbody>
                {fields.map((field, i) => {
                  const name = (form.getFieldValue(['components', field.name, 'name']) as string | undefined) ?? '';
                  const label = name || `${t('intake.componentName')} ${i + 1}`;
                  return (
                    <tr key={field.key}>
                      <td className="num-col">{i + 1}</td>
                      <td>
                        <Form.Item name={[field.name, 'name']} className="cell-item">
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={`${t('intake.componentName')} ${i + 1}`} />
                        </Form.Item>
                        {requiredNames.has(name) && <span className="required-note">{t('intake.requiredComponent')}</span>}
                      </td>
                      {(['originals', 'certifiedCopies', 'photocopies'] as const).map((k) => (
                        <td key={k} className="count-col">
                          <Form.Item name={[field.name, k]} className="cell-item">
                            <InputNumber min={0} max={99} precision={0} aria-label={`${t(`intake.${k}`)}: ${label}`} />
                          </Form.Item>
                        </td>
                      ))}
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
          <Button onClick={() => add({ name: '', originals: 0, certifiedCopies: 0, photocopies: 1 })}>+ {t('intake.addComponent')}</Button>
        </>
      )}
    </Form.List>
  );
}
