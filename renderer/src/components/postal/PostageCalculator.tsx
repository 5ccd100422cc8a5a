import { App as AntApp, Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  validateS10,
  type DeskErrorShape,
  type PostageQuote,
  type PostalDirection,
  type Province,
  type ShipmentPage,
} from '../../../../electron/contract';
import { call, useDesk } from '../../api';
import { fold, formatDateTime, formatDay, formatVnd } from '../../lib/format';
import { fieldProblems, showFieldProblems } from '../../lib/formErrors';
import { useDebounced } from '../../lib/useDebounced';
import './postal.css';
import { ShipmentStatusTag } from './ShipmentStatusTag';

export interface PostageCalculatorProps {
  /** With a dossier: the calculator also creates the dossier's shipment ("Tạo bưu gửi"). */
  dossierId?: number;
  /** Code or name (a former one too). Default: the agency's own province. */
  initialProvince?: string;
  initialWard?: string;
  /**
   * A free-text address ("thôn Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa"): its province and ward prefill the
   * calculator when initialProvince / initialWard are not given.
   */
  initialAddress?: string | null;
  onShipmentCreated?: () => void;
}

interface Values {
  grams?: number | null;
  province?: string;
  ward?: string;
  direction: PostalDirection;
  forwardFee: boolean;
  exemption?: string;
  address?: string;
  recipient?: string;
  itemNo?: string;
}

/** The fields a quote's refusal can point at. */
const QUOTE_FIELDS = ['grams', 'province', 'exemption', 'forwardFee'] as const;
type QuoteField = (typeof QUOTE_FIELDS)[number];

/** The province a code or name means, among the 34 and their former codes and names. */
export function findProvince(provinces: readonly Province[], query: string | undefined): Province | undefined {
  const q = (query ?? '').trim();
  if (!q) return undefined;
  if (/^\d{1,3}$/.test(q)) {
    const code = String(Number(q)).padStart(2, '0');
    return provinces.find((p) => p.code === code) ?? provinces.find((p) => p.former.some((f) => f.code === code));
  }
  const key = fold(q)
    .replace(/^(tinh|thanh pho|tp\.?)\s*/, '')
    .trim();
  if (!key) return undefined;
  return (
    provinces.find((p) => fold(p.name) === key) ?? provinces.find((p) => p.former.some((f) => fold(f.name) === key))
  );
}

const WARD_PREFIX = /^(phuong|xa|dac khu|thi tran)\s/;

/**
 * The province and ward named in a free-text address, read from its end ("…, phường Tĩnh Gia, tỉnh Thanh Hóa"):
 * the last comma-separated part that is a province (a former one too), and the part just before it when it is a
 * ward or commune. Nothing is guessed from a part that names neither.
 */
export function placeFromAddress(provinces: readonly Province[], address: string | null | undefined): { province?: Province; ward?: string } {
  const parts = (address ?? '')
    .split(/[,;\n]/)
    .map((p) => p.trim().replace(/\.$/, ''))
    .filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const province = findProvince(provinces, parts[i]);
    if (!province) continue;
    const before = parts[i - 1];
    return { province, ...(before && WARD_PREFIX.test(fold(before)) ? { ward: before } : {}) };
  }
  const ward = [...parts].reverse().find((p) => WARD_PREFIX.test(fold(p)));
  return ward ? { ward } : {};
}

/** What the province picker searches: code, names, former codes and names, without diacritics. */
const searchText = (p: Province) => fold([p.code, p.name, p.fullName, ...p.former.flatMap((f) => [f.code, f.name])].join(' '));

/**
 * The postage calculator: every line of the computation (legs with their band, extra steps, the forwarded fee, VAT,
 * an exemption), the total and the tariff's warnings; with a dossier, it creates the dossier's shipment.
 */
export function PostageCalculator({ dossierId, initialProvince, initialWard, initialAddress, onShipmentCreated }: PostageCalculatorProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const provinces = useDesk('listProvinces', {});
  const tariff = useDesk('getPostalTariff', {});
  const [createdTick, setCreatedTick] = useState(0);
  // With a dossier: the shipments it already has, so a second one is not made by mistake.
  const [existing, setExisting] = useState<ShipmentPage>();
  useEffect(() => {
    if (dossierId === undefined) return;
    let live = true;
    void call('listShipments', { dossierId, limit: 20 }).then((r) => {
      if (live && r.ok) setExisting(r.value);
    });
    return () => {
      live = false;
    };
  }, [dossierId, createdTick]);
  const values = Form.useWatch([], form) as Values | undefined;
  const [quote, setQuote] = useState<PostageQuote>();
  const [problem, setProblem] = useState<DeskErrorShape>();
  const [quoting, setQuoting] = useState(false);
  const [creating, setCreating] = useState(false);
  const asked = useRef(0);

  // Prefill the province once the list is known: the given one, else the address's, else the agency's own.
  useEffect(() => {
    const list = provinces.data;
    if (!list || form.getFieldValue('province')) return;
    const place = placeFromAddress(list.provinces, initialAddress);
    const found =
      findProvince(list.provinces, initialProvince) ??
      place.province ??
      (list.agency ? findProvince(list.provinces, list.agency.code) : undefined);
    if (found) form.setFieldValue('province', found.code);
    if (!initialWard && place.ward && !form.getFieldValue('ward')) form.setFieldValue('ward', place.ward);
  }, [provinces.data, initialProvince, initialWard, initialAddress, form]);

  const request = useMemo(() => {
    if (!values?.grams || !values.province) return null;
    return {
      grams: values.grams,
      province: values.province,
      ward: values.ward ?? '',
      direction: values.direction,
      forwardFee: values.forwardFee,
      ...(values.exemption ? { exemption: values.exemption } : {}),
    };
  }, [values?.grams, values?.province, values?.ward, values?.direction, values?.forwardFee, values?.exemption]);
  const debounced = useDebounced(request, 250);

  useEffect(() => {
    const ticket = ++asked.current;
    if (!debounced) {
      setQuote(undefined);
      setProblem(undefined);
      return;
    }
    setQuoting(true);
    void call('quotePostage', debounced).then((r) => {
      if (ticket !== asked.current) return;
      setQuoting(false);
      if (r.ok) {
        setQuote(r.value);
        setProblem(undefined);
        form.setFields(QUOTE_FIELDS.map((name) => ({ name, errors: [] })));
      } else {
        setQuote(undefined);
        setProblem(r.error);
        const onFields = fieldProblems(r.error).filter((p) => (QUOTE_FIELDS as readonly string[]).includes(p.path));
        form.setFields(onFields.map((p) => ({ name: p.path as QuoteField, errors: [p.message] })));
      }
    });
  }, [debounced, form]);

  const itemNoCheck = values?.itemNo?.trim() ? validateS10(values.itemNo) : null;
  const leg = values?.direction === 'send' || values?.direction === 'return' ? values.direction : null;

  const create = async () => {
    if (dossierId === undefined || !values?.grams || !values.province || !leg) return;
    if (itemNoCheck && !itemNoCheck.ok) {
      form.setFields([{ name: 'itemNo', errors: [itemNoCheck.reason] }]);
      return;
    }
    setCreating(true);
    const r = await call('createShipment', {
      dossierId,
      direction: leg,
      grams: values.grams,
      province: values.province,
      ward: values.ward ?? '',
      forwardFee: values.forwardFee,
      ...(values.exemption ? { exemption: values.exemption } : {}),
      ...(values.address?.trim() ? { address: values.address } : {}),
      ...(values.recipient?.trim() ? { recipient: values.recipient } : {}),
      ...(itemNoCheck?.ok ? { itemNo: itemNoCheck.value } : {}),
    });
    setCreating(false);
    if (!r.ok) {
      const rest = showFieldProblems(form, fieldProblems(r.error));
      if (rest.length > 0 || fieldProblems(r.error).length === 0) setProblem(r.error);
      return;
    }
    void message.success(t('postal.calc.created', { amount: formatVnd(r.value.amount) }));
    form.setFieldsValue({ itemNo: '' });
    setCreatedTick((n) => n + 1);
    onShipmentCreated?.();
  };

  const exemptions = tariff.data?.inForce.tariff.exemptions ?? [];
  const unfielded = problem && !fieldProblems(problem).some((p) => ['grams', 'province', 'exemption', 'forwardFee', 'itemNo', 'address', 'recipient'].includes(p.path));

  return (
    <div className="postage-calculator">
      {/* once a quote is shown, its own warning says it, next to the figures */}
      {tariff.data?.inForce.tariff.needsConfirmation && !quote && (
        <Alert type="warning" showIcon className="form-alert" title={t('postal.confirmBanner')} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        className="postage-form"
        initialValues={{ direction: dossierId === undefined ? 'both' : 'return', forwardFee: false, ward: initialWard ?? '' }}
      >
        <div className="postage-grid">
          <Form.Item name="grams" label={t('postal.calc.grams')}>
            {/* On a dossier's page the focus stays on its title; only the stand-alone calculator takes it. */}
            <InputNumber min={1} step={10} precision={0} style={{ width: '100%' }} autoFocus={dossierId === undefined} aria-label={t('postal.calc.grams')} />
          </Form.Item>
          <Form.Item name="province" label={t('postal.calc.province')}>
            <Select
              showSearch={{ filterOption: (input, option) => option !== undefined && option.search.includes(fold(input)) }}
              placeholder={t('postal.calc.provincePlaceholder')}
              loading={provinces.loading}
              options={(provinces.data?.provinces ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}`, search: searchText(p) }))}
              aria-label={t('postal.calc.province')}
            />
          </Form.Item>
          <Form.Item name="ward" label={t('postal.calc.ward')}>
            <Input placeholder={t('postal.calc.wardPlaceholder')} maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="direction" label={t('postal.calc.direction')}>
          <Radio.Group
            optionType="button"
            options={(dossierId === undefined ? (['send', 'return', 'both'] as const) : (['send', 'return'] as const)).map((d) => ({
              value: d,
              label: t(`postal.direction.${d}`),
            }))}
          />
        </Form.Item>
        <div className="postage-grid">
          <Form.Item name="forwardFee" valuePropName="checked">
            <Checkbox>{t('postal.calc.forwardFee')}</Checkbox>
          </Form.Item>
          <Form.Item name="exemption" label={t('postal.calc.exemption')}>
            <Select
              allowClear
              placeholder={t('postal.calc.exemptionNone')}
              options={exemptions.map((e) => ({ value: e.id, label: e.label }))}
              aria-label={t('postal.calc.exemption')}
            />
          </Form.Item>
        </div>

        <section className="postage-result" aria-label={t('postal.calc.resultLabel')} aria-live="polite" aria-busy={quoting}>
          {unfielded && <Alert type="error" showIcon className="form-alert" title={problem.message} role="alert" />}
          {!request && !problem && <p className="hint">{t('postal.calc.empty')}</p>}
          {quoting && !quote && <Spin size="small" />}
          {quote && <QuoteTable quote={quote} />}
        </section>

        {dossierId !== undefined && (
          <fieldset className="postage-shipment">
            <legend>{t('postal.calc.shipment')}</legend>
            <div className="postage-grid">
              <Form.Item name="recipient" label={t('postal.calc.recipient')} help={undefined} extra={t('postal.calc.recipientHelp')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="address" label={t('postal.calc.address')} extra={t('postal.calc.addressHelp')}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item
                name="itemNo"
                label={t('postal.calc.itemNo')}
                extra={t('postal.calc.itemNoHelp')}
                validateStatus={itemNoCheck && !itemNoCheck.ok ? 'error' : undefined}
                help={itemNoCheck && !itemNoCheck.ok ? itemNoCheck.reason : undefined}
              >
                <Input className="mono" maxLength={20} autoComplete="off" spellCheck={false} />
              </Form.Item>
            </div>
            {!leg && <p className="hint">{t('postal.calc.oneLeg')}</p>}
            {/* A click, not Enter in a field: a shipment cannot be deleted once made. */}
            <Button type="primary" loading={creating} disabled={!quote || !leg || (itemNoCheck !== null && !itemNoCheck.ok)} onClick={() => void create()}>
              {t('postal.calc.create')}
            </Button>
            {existing && existing.items.length > 0 && (
              <div className="postage-existing">
                <h3>{t('postal.calc.existing', { n: existing.total })}</h3>
                <ul>
                  {existing.items.map((s) => (
                    <li key={s.id}>
                      {t(`postal.directionShort.${s.direction}`)} · {s.grams.toLocaleString('vi-VN')} g · <strong>{formatVnd(s.amount)}</strong>{' '}
                      <ShipmentStatusTag status={s.status} />{' '}
                      <span className="hint small">
                        {s.itemNo ? <span className="mono">{s.itemNo}</span> : t('postal.register.noItemNo')} · {formatDateTime(s.createdAt)}
                      </span>
                    </li>
                  ))}
                </ul>
                <a href="#/postal/register">{t('postal.calc.toRegister')}</a>
              </div>
            )}
          </fieldset>
        )}
      </Form>
    </div>
  );
}

/** Every line of a quote, its total and its warnings. */
export function QuoteTable({ quote }: { quote: PostageQuote }) {
  const { t } = useTranslation();
  return (
    <div className="quote">
      <p className="quote-route">
        {t('postal.calc.route', {
          from: quote.agencyProvince.name,
          to: quote.province.name,
          zone: quote.zoneLabel.toLocaleLowerCase('vi'),
          grams: quote.grams.toLocaleString('vi-VN'),
        })}
      </p>
      <table className="quote-lines">
        <thead>
          <tr>
            <th scope="col">{t('postal.calc.colItem')}</th>
            <th scope="col">{t('postal.calc.colDetail')}</th>
            <th scope="col" className="num">
              {t('postal.calc.colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((l, i) => (
            <tr key={i} className={l.amount < 0 ? 'exempt' : undefined}>
              <td>{l.label}</td>
              <td className="hint">{l.detail}</td>
              <td className="num">{formatVnd(l.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('postal.calc.total')}
              {quote.vatIncluded && <span className="hint"> ({t('postal.calc.vatIncluded')})</span>}
            </th>
            <td className="num" data-testid="postage-total">
              <strong>{formatVnd(quote.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="hint small">{t('postal.calc.tariff', { name: quote.tariffName, from: formatDay(quote.tariffValidFrom) })}</p>
      {quote.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon className="form-alert" title={w} />
      ))}
    </div>
  );
}
