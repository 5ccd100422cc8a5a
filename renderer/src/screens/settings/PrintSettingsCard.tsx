import { App as AntApp, Alert, Button, Card, Descriptions, Form, InputNumber, Radio, Select, Spin } from 'antd';
import { useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPERS, PRINT_KINDS, type PrinterProfile, type PrintKind, type PrintLogEntry } from '../../../../electron/contract';
import { call, useDesk } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ReadOnlyContext } from './SettingsCard';
import { OkIcon, RefreshIcon, WarnIcon } from '../../components/paper/icons';
import '../../components/paper/paper.css';
import { formatDateTime } from '../../lib/format';
import { clearEditedErrors, precheck, submitToDesk } from '../../lib/formErrors';

/** The form holds '' for "the system's default printer" (a Select cannot hold null as a value). */
interface ProfileValues extends Omit<PrinterProfile, 'printer'> {
  printer: string;
}

const DEFAULT_PROFILE: Record<PrintKind, PrinterProfile> = {
  slip: { kind: 'slip', printer: null, paper: 'A5', copies: 1, silent: false },
  register: { kind: 'register', printer: null, paper: 'A4', copies: 1, silent: false },
};

const LOG_PAGE = 20;

/** "Máy in": this counter's name, the printers the system knows, a profile for slips and one for the register, the log. */
export function PrintSettingsCard() {
  return (
    <div className="settings-stack">
      <PrintProfiles />
      <PrintLog />
    </div>
  );
}

function PrintProfiles() {
  const { t } = useTranslation();
  const readOnly = useContext(ReadOnlyContext);
  const { message } = AntApp.useApp();
  const [printersTick, setPrintersTick] = useState(0);
  const printers = useDesk('listPrinters', {}, String(printersTick));
  const settings = useDesk('getPrintSettings', {});
  const [form] = Form.useForm<{ profiles: ProfileValues[] }>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string>();

  const initial = settings.data && {
    profiles: PRINT_KINDS.map((kind) => {
      const p = settings.data?.profiles.find((x) => x.kind === kind) ?? DEFAULT_PROFILE[kind];
      return { ...p, printer: p.printer ?? '' };
    }),
  };

  const submit = async (values: { profiles: ProfileValues[] }) => {
    const profiles = values.profiles.map((p) => ({ ...p, printer: p.printer === '' ? null : p.printer }));
    if (!precheck(form, 'savePrintSettings', { profiles }, setAlert)) return;
    setBusy(true);
    const saved = await submitToDesk(form, 'savePrintSettings', { profiles }, setAlert);
    setBusy(false);
    if (!saved) return;
    void message.success(t('common.saved'));
  };

  const view = printers.data;
  const noSystem = view?.system === 'none';
  const known = new Set(view?.printers.map((p) => p.name));
  const printerOptions = (saved: string) => [
    { value: '', label: t('printing.defaultPrinter') },
    ...(view?.printers ?? []).map((p) => ({ value: p.name, label: p.isDefault ? `${p.name} (${t('printing.defaultMark')})` : p.name })),
    ...(saved && !known.has(saved) ? [{ value: saved, label: t('printing.missingPrinter', { name: saved }) }] : []),
  ];

  return (
    <Card size="small" title={<h2 className="card-title">{t('printing.title')}</h2>}>
      {settings.error && <Alert type="warning" showIcon className="form-alert" title={settings.error.message} />}
      {printers.error && <Alert type="warning" showIcon className="form-alert" title={printers.error.message} />}
      {!settings.data ? (
        settings.loading && <Spin />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            className="printer-facts"
            items={[
              {
                key: 'counter',
                label: t('printing.counter'),
                children: (
                  <>
                    <strong data-testid="counter-name">{settings.data.counter}</strong>
                    <span className="sub">{t('printing.counterHint')}</span>
                  </>
                ),
              },
              {
                key: 'system',
                label: t('printing.system'),
                children: view ? (
                  <span data-testid="print-system">{t(`printing.systemName.${view.system}`)}</span>
                ) : (
                  <Spin size="small" />
                ),
              },
              {
                key: 'printers',
                label: t('printing.printers'),
                children: (
                  <div data-testid="printers">
                    {view && view.printers.length > 0 && (
                      <ul className="printer-list">
                        {view.printers.map((p) => (
                          <li key={p.name}>
                            <strong>{p.name}</strong>
                            {p.isDefault && <span className="printer-default">{t('printing.defaultMark')}</span>}
                            {p.state && <span className="sub inline">{p.state}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                    {view && view.printers.length === 0 && (
                      <span className="printer-problem">
                        <WarnIcon /> {t('printing.noPrinters')} {view.problem ?? ''}
                      </span>
                    )}
                    <div>
                      <Button
                        size="small"
                        icon={<RefreshIcon />}
                        loading={printers.loading}
                        onClick={() => setPrintersTick((n) => n + 1)}
                        style={{ marginTop: 6 }}
                      >
                        {t('printing.refresh')}
                      </Button>
                    </div>
                  </div>
                ),
              },
            ]}
          />
          <h3 className="sub-title">{t('printing.profiles')}</h3>
          <FormAlert title={t('intake.fixErrors')} message={alert} />
          <Form<{ profiles: ProfileValues[] }>
            form={form}
            layout="vertical"
            initialValues={initial}
            onFinish={(v) => void submit(v)}
            onValuesChange={(changed) => clearEditedErrors(form, changed)}
          >
            <div className="profiles">
              {PRINT_KINDS.map((kind, i) => (
                <fieldset key={kind} className="profile" data-kind={kind}>
                  <legend>{t(`printing.profile.${kind}`)}</legend>
                  <Form.Item name={['profiles', i, 'kind']} hidden>
                    <input />
                  </Form.Item>
                  <Form.Item label={t('printing.printer')} name={['profiles', i, 'printer']}>
                    <Select
                      options={printerOptions(initial?.profiles[i]?.printer ?? '')}
                      aria-label={`${t('printing.printer')}: ${t(`printing.profile.${kind}`)}`}
                    />
                  </Form.Item>
                  <div className="mail-grid-2">
                    <Form.Item label={t('printing.paper')} name={['profiles', i, 'paper']}>
                      <Radio.Group
                        optionType="button"
                        options={PAPERS.map((p) => ({ value: p, label: p }))}
                        aria-label={`${t('printing.paper')}: ${t(`printing.profile.${kind}`)}`}
                      />
                    </Form.Item>
                    <Form.Item label={t('printing.copies')} name={['profiles', i, 'copies']}>
                      <InputNumber
                        min={1}
                        max={10}
                        style={{ width: 110 }}
                        aria-label={`${t('printing.copies')}: ${t(`printing.profile.${kind}`)}`}
                      />
                    </Form.Item>
                  </div>
                  <Form.Item
                    label={t('printing.mode')}
                    name={['profiles', i, 'silent']}
                    extra={noSystem ? t('printing.silentUnavailable') : undefined}
                  >
                    <Radio.Group
                      aria-label={`${t('printing.mode')}: ${t(`printing.profile.${kind}`)}`}
                      options={[
                        { value: false, label: t('printing.dialog') },
                        { value: true, label: t('printing.silent'), disabled: noSystem },
                      ]}
                    />
                  </Form.Item>
                </fieldset>
              ))}
            </div>
            <p className="hint small" style={{ marginTop: 8 }}>
              {t('printing.silentHint')}
            </p>
            {!readOnly && (
              <div className="form-actions start">
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('common.save')}
                </Button>
              </div>
            )}
          </Form>
        </>
      )}
    </Card>
  );
}

/** The print log of every counter, newest first, a page at a time. */
export function PrintLog() {
  const { t } = useTranslation();
  const [items, setItems] = useState<PrintLogEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  const load = useCallback(async (before?: number) => {
    setLoading(true);
    const r = await call('listPrintLog', before === undefined ? { limit: LOG_PAGE } : { before, limit: LOG_PAGE });
    setLoading(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(undefined);
    setItems((old) => (before === undefined ? r.value.items : [...old, ...r.value.items]));
    setNext(r.value.next);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('printing.log')}</h2>}
      extra={
        <Button size="small" icon={<RefreshIcon />} onClick={() => void load()}>
          {t('outbox.refresh')}
        </Button>
      }
    >
      <p className="hint">{t('printing.logIntro')}</p>
      {error && <Alert type="warning" showIcon className="form-alert" title={error} />}
      {items.length === 0 && !loading && !error ? (
        <p className="hint">{t('printing.noLog')}</p>
      ) : (
        <div className="outbox-table">
          <table className="data-table" aria-label={t('printing.log')} data-testid="print-log">
            <thead>
              <tr>
                <th>{t('printing.col.time')}</th>
                <th>{t('printing.col.dossier')}</th>
                <th>{t('printing.col.what')}</th>
                <th>{t('printing.col.counter')}</th>
                <th>{t('printing.col.printer')}</th>
                <th className="center">{t('printing.col.copies')}</th>
                <th>{t('printing.col.method')}</th>
                <th>{t('printing.col.status')}</th>
                <th>{t('printing.col.officer')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-method={p.method}>
                  <td className="nowrap">{formatDateTime(p.createdAt)}</td>
                  <td className="nowrap mono">
                    {p.dossierId && p.dossierCode ? <a href={`#/dossiers/${p.dossierId}`}>{p.dossierCode}</a> : t('common.none')}
                  </td>
                  <td>{p.what}</td>
                  <td>{p.counter}</td>
                  <td>{p.printer ?? t('common.none')}</td>
                  <td className="center">{p.copies}</td>
                  <td className="nowrap">{t(`printing.method.${p.method}`)}</td>
                  <td>
                    <span className={`print-status print-${p.status}`}>
                      {p.status === 'sent' ? <OkIcon /> : <WarnIcon />}
                      {t(`printing.status.${p.status}`)}
                    </span>
                    {p.error && <span className="log-error">{p.error}</span>}
                  </td>
                  <td>{p.officerName ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <div className="form-actions start">
          <Button loading={loading} onClick={() => void load(next)}>
            {t('printing.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}
