import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POSTAL_LEGS,
  SHIPMENT_STATUSES,
  validateS10,
  type ManifestMeta,
  type PostalLeg,
  type PostalTariff,
  type PostalTariffInput,
  type PostalZone,
  type Shipment,
  type ShipmentStatus,
  type TariffVersion,
  type TariffView,
} from '../../../electron/contract';
import { call, isElectron, useDesk } from '../api';
import { FormAlert } from '../components/FormAlert';
import { PostageCalculator } from '../components/postal/PostageCalculator';
import { ShipmentStatusTag } from '../components/postal/ShipmentStatusTag';
import '../components/postal/postal.css';
import { fold, formatDateTime, formatDay, formatVnd } from '../lib/format';
import { clearEditedErrors, submitToDesk } from '../lib/formErrors';
import { navigate } from '../lib/router';

export type PostalTab = 'calc' | 'register' | 'tariff';

/** "Bưu chính công ích": the stand-alone calculator, the shipment register with hand-over lists, the tariff. */
export function PostalScreen({ tab }: { tab?: PostalTab } = {}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<PostalTab>(tab ?? 'calc');
  useEffect(() => {
    if (tab) setActive(tab);
  }, [tab]);
  useEffect(() => {
    document.title = `${t('postal.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <div className="postal-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('postal.title')}</h1>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => {
          setActive(key as PostalTab);
          // The tab is in the address: a reload or the back button keeps it.
          navigate({ name: 'postal', tab: key });
        }}
        destroyOnHidden={false}
        items={[
          {
            key: 'calc',
            label: t('postal.tabs.calc'),
            children: (
              <Card size="small">
                <p className="hint">{t('postal.calc.intro')}</p>
                <PostageCalculator />
              </Card>
            ),
          },
          { key: 'register', label: t('postal.tabs.register'), children: <ShipmentRegister /> },
          { key: 'tariff', label: t('postal.tabs.tariff'), children: <TariffPanel /> },
        ]}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The hand-over list's PDF travels as base64 in the contract (no document route serves it): a blob here.

function pdfUrl(base64: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Opens the list in a new tab to print it (browser door), or saves it (the app allows no new windows but its own
 * documents', so there it is always a download). A blocked tab falls back to the download.
 */
async function openManifest(id: number, how: 'open' | 'download'): Promise<{ ok: true; how: 'tab' | 'download' } | { ok: false; message: string }> {
  // The tab is opened before the call returns, while the click still counts as a user gesture.
  const tab = how === 'open' && !isElectron() ? window.open('', '_blank') : null;
  const r = await call('getManifest', { id });
  if (!r.ok) {
    tab?.close();
    return { ok: false, message: r.error.message };
  }
  const url = pdfUrl(r.value.contentBase64);
  window.setTimeout(() => URL.revokeObjectURL(url), 120_000);
  if (tab) {
    tab.location.href = url;
    return { ok: true, how: 'tab' };
  }
  download(url, r.value.fileName);
  return { ok: true, how: 'download' };
}

function useManifestOpener() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (m: Pick<ManifestMeta, 'id'>, how: 'open' | 'download') => {
    setBusy(`${m.id}:${how}`);
    const r = await openManifest(m.id, how);
    setBusy(null);
    if (!r.ok) void message.error(r.message);
    else if (r.how === 'download') void message.info(t('postal.register.downloading'));
  };
  return { open, busy };
}

// ---------------------------------------------------------------------------------------------------------------

interface Filters {
  status?: ShipmentStatus;
  direction?: PostalLeg;
  from?: string;
  to?: string;
}

/** Address, then the ward and province when the address does not already name them. */
function placeOf(s: Shipment): string {
  const address = fold(s.address);
  return [s.address, ...[s.ward, s.provinceName].filter((p) => p && !address.includes(fold(p)))].filter(Boolean).join(', ');
}

/** "Sổ bưu gửi": the shipments, their S10 numbers and statuses, and the hand-over lists. */
function ShipmentRegister() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [rows, setRows] = useState<Shipment[]>([]);
  const [page, setPage] = useState<{ total: number; totalAmount: number; next: number | null }>({ total: 0, totalAmount: 0, next: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<number[]>([]);
  const [handOver, setHandOver] = useState(false);
  const [mark, setMark] = useState<{ shipment: Shipment; status: 'delivered' | 'returned' } | null>(null);
  const [lastManifest, setLastManifest] = useState<ManifestMeta | null>(null);
  const manifests = useDesk('listManifests', { limit: 20 }, String(lastManifest?.id ?? ''));
  const opener = useManifestOpener();
  const generation = useRef(0);

  const load = useCallback(
    (before: number | null) => {
      const gen = before === null ? ++generation.current : generation.current;
      setLoading(true);
      void call('listShipments', { ...filters, limit: 50, ...(before !== null ? { before } : {}) }).then((r) => {
        if (gen !== generation.current) return;
        setLoading(false);
        if (!r.ok) {
          setError(r.error.message);
          return;
        }
        setError(undefined);
        setRows((old) => (before === null ? r.value.items : [...old, ...r.value.items]));
        setPage({ total: r.value.total, totalAmount: r.value.totalAmount, next: r.value.next });
      });
    },
    [filters],
  );
  useEffect(() => {
    setSelected([]);
    load(null);
  }, [load]);

  const replace = (s: Shipment) => setRows((old) => old.map((r) => (r.id === s.id ? s : r)));

  const columns: ColumnsType<Shipment> = [
    { key: 'createdAt', title: t('postal.register.col.createdAt'), render: (_, s) => formatDateTime(s.createdAt), width: 105 },
    {
      key: 'dossier',
      title: t('postal.register.col.dossier'),
      render: (_, s) => (
        <>
          <a href={`#/dossiers/${s.dossierId}`} className="mono">
            {s.dossierCode}
          </a>
          <div className="hint small">
            {t(`postal.directionShort.${s.direction}`)} · {s.applicantName}
          </div>
        </>
      ),
      width: 235,
    },
    {
      key: 'recipient',
      title: t('postal.register.col.recipient'),
      render: (_, s) => (
        <>
          <strong>{s.recipient}</strong>
          <div className="hint small">{placeOf(s)}</div>
        </>
      ),
    },
    { key: 'grams', title: t('postal.register.col.grams'), align: 'right', render: (_, s) => `${s.grams.toLocaleString('vi-VN')} g`, width: 90 },
    { key: 'amount', title: t('postal.register.col.amount'), align: 'right', render: (_, s) => formatVnd(s.amount), width: 100 },
    { key: 'itemNo', title: t('postal.register.col.itemNo'), render: (_, s) => <ItemNoCell shipment={s} onSaved={replace} />, width: 190 },
    {
      key: 'status',
      title: t('postal.register.col.status'),
      render: (_, s) => (
        <>
          <ShipmentStatusTag status={s.status} />
          {s.status !== 'prepared' && <div className="hint small">{formatDateTime(s.statusAt)}</div>}
          {s.manifestNumber && (
            <div className="hint small">
              {t('postal.register.manifestLabel')} <span className="nowrap">{s.manifestNumber}</span>
            </div>
          )}
        </>
      ),
      width: 160,
    },
    {
      key: 'actions',
      title: t('postal.register.col.actions'),
      render: (_, s) =>
        s.status === 'handed_over' ? (
          <Space size="small" orientation="vertical">
            <Button size="small" onClick={() => setMark({ shipment: s, status: 'delivered' })}>
              {t('postal.register.markDelivered')}
            </Button>
            <Button size="small" danger onClick={() => setMark({ shipment: s, status: 'returned' })}>
              {t('postal.register.markReturned')}
            </Button>
          </Space>
        ) : null,
      width: 120,
    },
  ];

  return (
    <div className="postal-register">
      <p className="hint">{t('postal.register.intro')}</p>
      <div className="register-tools">
        <Select<ShipmentStatus | ''>
          value={filters.status ?? ''}
          onChange={(v) => setFilters((f) => ({ ...f, status: v || undefined }))}
          options={[{ value: '', label: t('postal.register.allStatuses') }, ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`postal.status.${s}`) }))]}
          style={{ width: 180 }}
          aria-label={t('postal.register.status')}
        />
        <Select<PostalLeg | ''>
          value={filters.direction ?? ''}
          onChange={(v) => setFilters((f) => ({ ...f, direction: v || undefined }))}
          options={[{ value: '', label: t('postal.register.allDirections') }, ...POSTAL_LEGS.map((d) => ({ value: d, label: t(`postal.directionShort.${d}`) }))]}
          style={{ width: 160 }}
          aria-label={t('postal.register.direction')}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          placeholder={[t('postal.register.from'), t('postal.register.to')]}
          aria-label={t('postal.register.period')}
          onChange={(range) =>
            setFilters((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined }))
          }
        />
        <Button onClick={() => load(null)}>{t('postal.register.reload')}</Button>
        <span className="register-total" aria-live="polite">
          {t('postal.register.total', { n: page.total, amount: formatVnd(page.totalAmount) })}
        </span>
      </div>
      {error && <Alert type="error" showIcon className="form-alert" title={error} role="alert" />}
      {lastManifest && (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          title={t('postal.register.handOverDone', { number: lastManifest.number })}
          action={
            <Space>
              <Button size="small" type="primary" loading={opener.busy === `${lastManifest.id}:open`} onClick={() => void opener.open(lastManifest, 'open')}>
                {t('postal.register.open')}
              </Button>
              <Button size="small" loading={opener.busy === `${lastManifest.id}:download`} onClick={() => void opener.open(lastManifest, 'download')}>
                {t('postal.register.download')}
              </Button>
            </Space>
          }
          closable={{ onClose: () => setLastManifest(null) }}
        />
      )}
      <div className="postal-selection">
        <Button type="primary" disabled={selected.length === 0} onClick={() => setHandOver(true)}>
          {t('postal.register.handOver')}
        </Button>
        <span aria-live="polite" className={selected.length > 0 ? undefined : 'hint'}>
          {selected.length > 0 ? t('postal.register.selected', { n: selected.length }) : t('postal.register.selectHint')}
        </span>
      </div>
      <Table<Shipment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('postal.register.empty') }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (s) => ({ disabled: s.status !== 'prepared', 'aria-label': s.dossierCode }),
        }}
      />
      {page.next !== null && (
        <div className="form-actions start">
          <Button onClick={() => load(page.next)} loading={loading}>
            {t('postal.register.loadMore')}
          </Button>
        </div>
      )}

      <h2 className="card-title">{t('postal.register.manifests')}</h2>
      {manifests.error && <Alert type="warning" showIcon className="form-alert" title={manifests.error.message} />}
      {manifests.data && manifests.data.items.length === 0 && <p className="hint">{t('postal.register.noManifests')}</p>}
      <ul className="postal-manifests">
        {manifests.data?.items.map((m) => (
          <li key={m.id}>
            <strong className="mono">{m.number}</strong> <span className="hint">{formatDateTime(m.createdAt)}</span>{' '}
            {t('postal.register.manifestLine', {
              items: m.items,
              grams: m.totalGrams.toLocaleString('vi-VN'),
              amount: formatVnd(m.total),
              worker: m.postalWorker,
            })}{' '}
            <Space size="small">
              <Button size="small" loading={opener.busy === `${m.id}:open`} onClick={() => void opener.open(m, 'open')}>
                {t('postal.register.open')}
              </Button>
              <Button size="small" loading={opener.busy === `${m.id}:download`} onClick={() => void opener.open(m, 'download')}>
                {t('postal.register.download')}
              </Button>
            </Space>
          </li>
        ))}
      </ul>

      <HandOverDialog
        open={handOver}
        ids={selected}
        onClose={() => setHandOver(false)}
        onDone={(m) => {
          setHandOver(false);
          setLastManifest(m);
          setSelected([]);
          void message.success(t('postal.register.handOverDone', { number: m.number }));
          load(null);
        }}
      />
      <MarkDialog
        mark={mark}
        onClose={() => setMark(null)}
        onDone={(s) => {
          setMark(null);
          replace(s);
          void message.success(t('postal.register.marked'));
        }}
      />
    </div>
  );
}

/** The S10 number of a shipment: shown, or edited with the check digit verified as it is typed. */
function ItemNoCell({ shipment, onSaved }: { shipment: Shipment; onSaved: (s: Shipment) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editable = shipment.status === 'prepared' || shipment.status === 'handed_over';
  const check = text.trim() ? validateS10(text) : null;
  const problem = serverError ?? (check && !check.ok ? check.reason : undefined);

  const save = async () => {
    if (!check?.ok) return;
    setBusy(true);
    const r = await call('updateShipment', { id: shipment.id, itemNo: check.value });
    setBusy(false);
    if (!r.ok) {
      setServerError(r.error.message);
      return;
    }
    setEditing(false);
    onSaved(r.value);
    void message.success(t('postal.register.itemNoSaved', { no: check.value }));
  };

  if (!editing) {
    return (
      <Space size="small">
        <span className={shipment.itemNo ? 'mono' : 'hint'}>{shipment.itemNo ?? t('postal.register.noItemNo')}</span>
        {editable && (
          <Button
            size="small"
            type="link"
            aria-label={`${t('postal.register.editItemNo')} ${shipment.dossierCode}`}
            onClick={() => {
              setText(shipment.itemNo ?? '');
              setServerError(undefined);
              setEditing(true);
            }}
          >
            {shipment.itemNo ? t('postal.register.edit') : t('postal.register.add')}
          </Button>
        )}
      </Space>
    );
  }
  const errorId = `itemno-error-${shipment.id}`;
  return (
    <div className="itemno-edit">
      <Input
        autoFocus
        className="mono"
        size="small"
        value={text}
        maxLength={20}
        status={problem ? 'error' : undefined}
        aria-label={`${t('postal.register.editItemNo')} ${shipment.dossierCode}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value.toUpperCase());
          setServerError(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      <Space size="small" className="itemno-buttons">
        <Button size="small" type="primary" loading={busy} disabled={!check?.ok} onClick={() => void save()}>
          {t('postal.register.saveItemNo')}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {t('postal.register.cancel')}
        </Button>
      </Space>
      {problem && (
        <div id={errorId} className="field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

function HandOverDialog({ open, ids, onClose, onDone }: { open: boolean; ids: number[]; onClose: () => void; onDone: (m: ManifestMeta) => void }) {
  const { t } = useTranslation();
  const [worker, setWorker] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  const submit = async () => {
    if (!worker.trim()) {
      setError(`${t('postal.register.postalWorker')}: ${t('common.required')}`);
      return;
    }
    setBusy(true);
    const r = await call('createManifest', { shipmentIds: ids, postalWorker: worker });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    const { shipments: _shipments, ...meta } = r.value;
    onDone(meta);
  };

  return (
    <Modal
      open={open}
      title={t('postal.register.handOverTitle', { n: ids.length })}
      okText={t('postal.register.handOverOk')}
      cancelText={t('postal.register.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <label className="field-label" htmlFor="postal-worker">
        {t('postal.register.postalWorker')}
      </label>
      <Input
        id="postal-worker"
        autoFocus
        value={worker}
        maxLength={100}
        status={error ? 'error' : undefined}
        onChange={(e) => setWorker(e.target.value)}
        onPressEnter={() => void submit()}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </Modal>
  );
}

function MarkDialog({
  mark,
  onClose,
  onDone,
}: {
  mark: { shipment: Shipment; status: 'delivered' | 'returned' } | null;
  onClose: () => void;
  onDone: (s: Shipment) => void;
}) {
  const { t } = useTranslation();
  const [at, setAt] = useState<Dayjs>(dayjs());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (mark) {
      setAt(dayjs());
      setError(undefined);
    }
  }, [mark]);

  const submit = async () => {
    if (!mark) return;
    setBusy(true);
    const r = await call('updateShipment', { id: mark.shipment.id, status: mark.status, at: at.toISOString() });
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else onDone(r.value);
  };

  return (
    <Modal
      open={mark !== null}
      title={mark?.status === 'returned' ? t('postal.register.markTitleReturned') : t('postal.register.markTitleDelivered')}
      okText={t('postal.register.markOk')}
      cancelText={t('postal.register.cancel')}
      okButtonProps={{ danger: mark?.status === 'returned' }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mark && (
        <p>
          <span className="mono">{mark.shipment.dossierCode}</span> — {mark.shipment.recipient}
          {mark.shipment.itemNo ? ` (${mark.shipment.itemNo})` : ''}
        </p>
      )}
      <label className="field-label" htmlFor="postal-mark-at">
        {t('postal.register.markAt')}
      </label>
      <DatePicker
        id="postal-mark-at"
        showTime={{ format: 'HH:mm' }}
        format="DD/MM/YYYY HH:mm"
        value={at}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => d && setAt(d)}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------------------------

const ZONES: PostalZone[] = ['noi_tinh', 'lien_tinh'];

/** "Bảng cước": the version in force (with the confirmation banner), later and earlier versions, a new version. */
function TariffPanel() {
  const { t } = useTranslation();
  const [view, setView] = useState<TariffView>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    void call('getPostalTariff', {}).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  }, []);

  if (error) return <Alert type="error" showIcon className="form-alert" title={error} role="alert" />;
  if (!view) return null;
  const current = view.inForce;

  return (
    <div className="postal-tariff">
      {current.tariff.needsConfirmation && (
        <Alert type="warning" showIcon className="form-alert" title={t('postal.confirmBanner')} />
      )}
      {editing ? (
        <TariffEditor
          base={current.tariff}
          onCancel={() => setEditing(false)}
          onSaved={(v) => {
            setView(v);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <TariffCard version={current} title={t('postal.tariff.inForce')} />
          <div className="form-actions start">
            <Button type="primary" onClick={() => setEditing(true)}>
              {t('postal.tariff.edit')}
            </Button>
          </div>
        </>
      )}
      {view.upcoming.map((v) => (
        <TariffCard key={v.id} version={v} title={t('postal.tariff.upcoming')} />
      ))}
      <h2 className="card-title">{t('postal.tariff.history')}</h2>
      <ul className="postal-history">
        {view.history.map((v) => (
          <li key={v.id}>
            <strong>{t('postal.tariff.validFrom', { day: formatDay(v.validFrom) })}</strong> — {v.tariff.name}{' '}
            {v.id === current.id && <span className="status-tag shipment-delivered">{t('postal.tariff.inForce')}</span>}
            <span className="hint small">
              {' '}
              {v.officerName ? t('postal.tariff.savedBy', { at: formatDateTime(v.createdAt), who: v.officerName }) : t('postal.tariff.shipped')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TariffCard({ version, title }: { version: TariffVersion; title: string }) {
  const { t } = useTranslation();
  const tariff = version.tariff;
  const percent = `${Math.round(tariff.vatRate * 10000) / 100}%`;
  return (
    <Card
      size="small"
      className="tariff-card"
      title={
        <h2 className="card-title">
          {title}: {tariff.name}
        </h2>
      }
    >
      <p>
        <strong>{t('postal.tariff.validFrom', { day: formatDay(tariff.validFrom) })}</strong>
        {' · '}
        {tariff.vatIncluded ? t('postal.tariff.vatIncluded') : t('postal.tariff.vatExcluded', { rate: percent })}
        {' · '}
        <span className="hint">
          {version.officerName ? t('postal.tariff.savedBy', { at: formatDateTime(version.createdAt), who: version.officerName }) : t('postal.tariff.shipped')}
        </span>
      </p>
      <table className="quote-lines tariff-bands">
        <caption>{t('postal.tariff.bands')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('postal.tariff.zone')}</th>
            <th scope="col">{t('postal.tariff.direction')}</th>
            <th scope="col" className="num">
              {t('postal.tariff.maxGrams')}
            </th>
            <th scope="col" className="num">
              {t('postal.tariff.price')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ZONES.flatMap((zone) =>
            POSTAL_LEGS.flatMap((leg) =>
              tariff.bands
                .filter((b) => b.zone === zone && b.direction === leg)
                .map((b, i) => (
                  <tr key={`${zone}-${leg}-${i}`}>
                    <td>{t(`postal.zone.${zone}`)}</td>
                    <td>{t(`postal.direction.${leg}`)}</td>
                    <td className="num">{b.maxGrams.toLocaleString('vi-VN')}</td>
                    <td className="num">{formatVnd(b.price)}</td>
                  </tr>
                )),
            ),
          )}
        </tbody>
      </table>
      <p>
        <strong>{t('postal.tariff.extraStep')}: </strong>
        {tariff.extraStep && tariff.extraStep.length > 0
          ? tariff.extraStep
              .map((s) => `${t(`postal.zone.${s.zone}`)}, ${t(`postal.direction.${s.direction}`).toLocaleLowerCase('vi')}: ${t('postal.tariff.extraStepLine', { grams: s.grams, price: formatVnd(s.price) })}`)
              .join('; ')
          : t('postal.tariff.noExtraStep')}
      </p>
      <p>
        <strong>{t('postal.tariff.surcharges')}: </strong>
        {tariff.surcharges.map((s) => `${s.label} ${formatVnd(s.amount)}`).join('; ') || '—'}
      </p>
      <p>
        <strong>{t('postal.tariff.exemptions')}: </strong>
        {tariff.exemptions.map((e) => e.label).join('; ') || '—'}
      </p>
      {tariff.note && (
        <p>
          <strong>{t('postal.tariff.note')}: </strong>
          {tariff.note}
        </p>
      )}
      {tariff.sources.length > 0 && (
        <details>
          <summary>{t('postal.tariff.sources')}</summary>
          <ul>
            {tariff.sources.map((s) => (
              <li key={s} className="hint small">
                {s}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}

interface TariffForm {
  name: string;
  validFrom: Dayjs;
  vatIncluded: boolean;
  vatPercent: number;
  needsConfirmation: boolean;
  note: string;
  bands: PostalTariff['bands'];
  extraStep: NonNullable<PostalTariff['extraStep']>;
  surcharges: Array<{ id: string; label: string; amount: number }>;
  exemptions: PostalTariff['exemptions'];
}

/** A new dated version, prefilled from the one in force. The desk refuses it for non-administrators: shown above. */
function TariffEditor({ base, onCancel, onSaved }: { base: PostalTariff; onCancel: () => void; onSaved: (v: TariffView) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TariffForm>();
  const [alert, setAlert] = useState<string>();
  const [busy, setBusy] = useState(false);
  const vatIncluded = Form.useWatch('vatIncluded', form);

  const submit = async (v: TariffForm) => {
    const tariff: PostalTariffInput = {
      name: v.name,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      currency: 'VND',
      vatIncluded: v.vatIncluded,
      vatRate: Math.round((v.vatPercent ?? 0) * 100) / 10_000,
      zones: base.zones,
      bands: v.bands ?? [],
      extraStep: v.extraStep?.length ? v.extraStep : null,
      surcharges: (v.surcharges ?? []).map((s) => ({ ...s, per: 'dossier' as const })),
      exemptions: v.exemptions ?? [],
      needsConfirmation: v.needsConfirmation,
      note: v.note ?? '',
      sources: base.sources,
    };
    setBusy(true);
    const saved = await submitToDesk(form, 'savePostalTariff', { tariff }, setAlert, {
      mapPath: (p) => p.replace(/^tariff\./, '').replace(/^vatRate$/, 'vatPercent'),
    });
    setBusy(false);
    if (!saved) return;
    void message.success(t('postal.tariff.saved', { day: formatDay(tariff.validFrom) }));
    onSaved(saved);
  };

  const zoneOptions = ZONES.map((z) => ({ value: z, label: t(`postal.zone.${z}`) }));
  const legOptions = POSTAL_LEGS.map((d) => ({ value: d, label: t(`postal.direction.${d}`) }));
  const removeButton = (remove: () => void) => (
    <Button type="text" danger onClick={remove} aria-label={t('postal.tariff.remove')}>
      ×
    </Button>
  );
  /** The weight bands and the extra steps: one row per zone × direction, with its grams and price. */
  const zoneRows = (list: 'bands' | 'extraStep', legend: string, grams: 'maxGrams' | 'grams', gramsLabel: string, empty?: string) => (
    <fieldset className="tariff-rows">
      <legend>{legend}</legend>
      <Form.List name={list}>
        {(fields, { add, remove }) => (
          <>
            {empty && fields.length === 0 && <p className="hint small">{empty}</p>}
            {fields.map((f) => (
              <div key={f.key} className="tariff-row">
                <Form.Item name={[f.name, 'zone']} label={t('postal.tariff.zone')}>
                  <Select options={zoneOptions} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'direction']} label={t('postal.tariff.direction')}>
                  <Select options={legOptions} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[f.name, grams]} label={gramsLabel}>
                  <InputNumber min={1} precision={0} />
                </Form.Item>
                <Form.Item name={[f.name, 'price']} label={t('postal.tariff.price')}>
                  <InputNumber min={0} precision={0} step={500} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item label=" ">{removeButton(() => remove(f.name))}</Form.Item>
              </div>
            ))}
            <Button onClick={() => add({ zone: 'noi_tinh', direction: 'send', [grams]: null, price: null })}>{t('postal.tariff.add')}</Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );

  return (
    <Card size="small" title={<h2 className="card-title">{t('postal.tariff.editTitle')}</h2>}>
      <p className="hint">{t('postal.tariff.editIntro')}</p>
      <FormAlert title={t('intake.fixErrors')} message={alert} />
      <Form<TariffForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed) => clearEditedErrors(form, changed)}
        initialValues={{
          name: base.name,
          validFrom: dayjs(),
          vatIncluded: base.vatIncluded,
          vatPercent: Math.round(base.vatRate * 10000) / 100,
          needsConfirmation: base.needsConfirmation,
          note: base.note,
          bands: base.bands,
          extraStep: base.extraStep ?? [],
          surcharges: base.surcharges.map(({ id, label, amount }) => ({ id, label, amount })),
          exemptions: base.exemptions,
        }}
      >
        <div className="postage-grid">
          <Form.Item name="name" label={t('postal.tariff.name')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('postal.tariff.validFromField')}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} />
          </Form.Item>
        </div>
        <Space size="large" wrap>
          <Form.Item name="vatIncluded" label={t('postal.tariff.vatIncludedField')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="vatPercent" label={t('postal.tariff.vatRate')}>
            <InputNumber min={0} max={50} step={1} disabled={vatIncluded} />
          </Form.Item>
          <Form.Item name="needsConfirmation" valuePropName="checked" label=" ">
            <Checkbox>{t('postal.tariff.needsConfirmation')}</Checkbox>
          </Form.Item>
        </Space>

        {zoneRows('bands', t('postal.tariff.bands'), 'maxGrams', t('postal.tariff.maxGrams'))}
        {zoneRows('extraStep', t('postal.tariff.extraStep'), 'grams', t('postal.tariff.grams'), t('postal.tariff.noExtraStep'))}

        <fieldset className="tariff-rows">
          <legend>{t('postal.tariff.surcharges')}</legend>
          <Form.List name="surcharges">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} className="tariff-row">
                    <Form.Item name={[f.name, 'id']} label={t('postal.tariff.id')}>
                      <Input className="mono" style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} label={t('postal.tariff.label')}>
                      <Input style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} label={t('postal.tariff.amount')}>
                      <InputNumber min={0} precision={0} step={500} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item label=" ">{removeButton(() => remove(f.name))}</Form.Item>
                  </div>
                ))}
                <Button onClick={() => add({ id: '', label: '', amount: null })}>{t('postal.tariff.add')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>

        <fieldset className="tariff-rows">
          <legend>{t('postal.tariff.exemptions')}</legend>
          <Form.List name="exemptions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} className="tariff-row">
                    <Form.Item name={[f.name, 'id']} label={t('postal.tariff.id')}>
                      <Input className="mono" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} label={t('postal.tariff.label')}>
                      <Input style={{ width: 360 }} />
                    </Form.Item>
                    <Form.Item label=" ">{removeButton(() => remove(f.name))}</Form.Item>
                  </div>
                ))}
                <Button onClick={() => add({ id: '', label: '' })}>{t('postal.tariff.add')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>

        <Form.Item name="note" label={t('postal.tariff.note')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <div className="form-actions start">
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('postal.tariff.save')}
            </Button>
            <Button onClick={onCancel}>{t('postal.tariff.cancel')}</Button>
          </Space>
        </div>
      </Form>
    </Card>
  );
}
