import { useVirtualizer } from '@tanstack/react-virtual';
import { App as AntApp, Alert, Button, DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterFormat, RegisterRow } from '../../../electron/contract';
import { call, exportRegister, isElectron, printUrlWithDialog, registerUrl } from '../api';
import { ExportIcon, PrintIcon } from '../components/paper/icons';
import '../components/paper/paper.css';
import { formatDateTime, vnYear } from '../lib/format';

/** The register's five times, in column order: received, due, forwarded, result back, returned. */
const TIME_COLUMNS = ['acceptedAt', 'dueAt', 'forwardedAt', 'resultAt', 'returnedAt'] as const;

const PAGE = 200;
const ROW_HEIGHT = 64;
/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;
const FIRST_YEAR = 2020;

interface Period {
  year: number;
  from?: string;
  to?: string;
}

interface ListState {
  rows: RegisterRow[];
  total: number;
  next: number | null;
  loading: boolean;
  loaded: boolean;
  error?: string;
}

const COLUMNS = ['no', 'code', 'procedure', 'sets', 'applicant', 'contact', 'body', 'accepted', 'due', 'forwarded', 'result', 'returned', 'note'] as const;

/** "Sổ theo dõi hồ sơ" (Mẫu 07): the register of a year or a period, paged by register number, exported as XLSX/PDF. */
export function RegisterScreen() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const thisYear = vnYear();
  const [period, setPeriod] = useState<Period>({ year: thisYear });
  const [list, setList] = useState<ListState>({ rows: [], total: 0, next: null, loading: true, loaded: false });
  const [exporting, setExporting] = useState<RegisterFormat | 'print' | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('register.title')} — ${t('app.name')}`;
  }, [t]);

  const key = JSON.stringify(period);

  const fetchPage = useCallback(
    (after: number | null) => {
      const reset = after === null;
      if (!reset && busy.current) return;
      const gen = reset ? ++generation.current : generation.current;
      busy.current = true;
      const p = JSON.parse(key) as Period;
      setList((s) => ({ ...s, loading: true }));
      void call('listRegister', { ...p, limit: PAGE, ...(after === null ? {} : { after }) }).then((r) => {
        if (gen !== generation.current) return;
        busy.current = false;
        if (!r.ok) {
          setList((s) => ({ ...s, loading: false, loaded: true, error: r.error.message }));
          return;
        }
        setList((s) => ({
          rows: reset ? r.value.rows : [...s.rows, ...r.value.rows],
          total: r.value.total,
          next: r.value.next,
          loading: false,
          loaded: true,
        }));
      });
    },
    [key],
  );

  useEffect(() => {
    if (gridRef.current) gridRef.current.scrollTop = 0;
    setList((s) => ({ ...s, error: undefined, loaded: false }));
    fetchPage(null);
  }, [fetchPage]);

  const { rows, next } = list;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;

  useEffect(() => {
    if (next !== null && !list.loading && lastRendered >= rows.length - PREFETCH_ROWS) fetchPage(next);
  }, [lastRendered, rows.length, next, list.loading, fetchPage]);

  const doExport = async (format: RegisterFormat) => {
    setExporting(format);
    const r = await exportRegister(period, format);
    setExporting(null);
    if (!r.ok) {
      void message.error(r.error.message);
      return;
    }
    if (r.value.cancelled) return;
    if (r.value.path) void message.success(t('register.exported', { rows: r.value.rows ?? 0, path: r.value.path }));
    else void message.info(t('register.downloading'));
  };

  // "In sổ": at once on this counter's register printer, or through the print dialog (the app saves the PDF first).
  const doPrint = async () => {
    setExporting('print');
    const r = await call('printRegister', period);
    if (!r.ok) {
      setExporting(null);
      void message.error(r.error.message);
      return;
    }
    if (r.value.method !== 'dialog') {
      setExporting(null);
      void message.success(t('register.printed', { printer: r.value.printer ?? '' }));
      return;
    }
    if (isElectron()) {
      setExporting(null);
      await doExport('pdf');
      return;
    }
    const how = await printUrlWithDialog(`${registerUrl(period, 'pdf')}&inline=1`, t('register.title'));
    setExporting(null);
    if (how === 'blocked') void message.warning(t('register.printBlocked'));
  };

  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);
  const inYear = (d: Dayjs) => d.year() !== period.year;
  const toDay = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
  const fromDay = (s: string | undefined) => (s ? dayjs(s) : null);
  const narrowed = period.from !== undefined || period.to !== undefined;
  const periodError = period.from && period.to && period.from > period.to;

  const cell = (name: string) => t(`register.col.${name}`);

  return (
    <div className="register-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('register.title')}</h1>
        <div className="head-actions">
          <Button icon={<ExportIcon />} loading={exporting === 'xlsx'} onClick={() => void doExport('xlsx')} disabled={list.total === 0}>
            {t('register.exportXlsx')}
          </Button>
          <Button icon={<ExportIcon />} loading={exporting === 'pdf'} onClick={() => void doExport('pdf')} disabled={list.total === 0}>
            {t('register.exportPdf')}
          </Button>
          <Button icon={<PrintIcon />} loading={exporting === 'print'} onClick={() => void doPrint()} disabled={list.total === 0}>
            {t('register.print')}
          </Button>
        </div>
      </div>
      <div className="register-tools">
        <label className="register-field">
          <span>{t('register.year')}</span>
          <Select<number>
            value={period.year}
            onChange={(year) => setPeriod({ year })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
            aria-label={t('register.year')}
          />
        </label>
        <span className="register-field" role="group" aria-label={t('register.period')}>
          <span>{t('register.period')}</span>
          <DatePicker
            value={fromDay(period.from)}
            onChange={(d) => setPeriod((p) => ({ ...p, from: toDay(d) }))}
            format="DD/MM/YYYY"
            placeholder={t('register.from')}
            aria-label={t('register.from')}
            disabledDate={inYear}
            defaultPickerValue={dayjs(`${period.year}-01-01`)}
            status={periodError ? 'error' : undefined}
          />
          <span aria-hidden="true">–</span>
          <DatePicker
            value={fromDay(period.to)}
            onChange={(d) => setPeriod((p) => ({ ...p, to: toDay(d) }))}
            format="DD/MM/YYYY"
            placeholder={t('register.to')}
            aria-label={t('register.to')}
            disabledDate={inYear}
            defaultPickerValue={dayjs(`${period.year}-12-01`)}
            status={periodError ? 'error' : undefined}
          />
          {narrowed && <Button onClick={() => setPeriod((p) => ({ year: p.year }))}>{t('register.clearPeriod')}</Button>}
        </span>
        <span className="register-total" data-testid="register-total" aria-live="polite">
          {list.loaded ? (narrowed ? t('register.totalPeriod', { n: list.total }) : t('register.total', { n: list.total })) : ''}
        </span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" className="form-alert" />}
      <div
        ref={gridRef}
        className="register-grid"
        role="table"
        aria-label={t('register.listLabel', { year: period.year })}
        aria-rowcount={list.total + 1}
        aria-busy={list.loading}
        tabIndex={0}
      >
        <div role="rowgroup" className="register-head">
          <div role="row" aria-rowindex={1} className="rrow">
            {COLUMNS.map((c) => (
              <div key={c} role="columnheader" className={c === 'no' ? 'num' : c === 'sets' ? 'center' : undefined}>
                {cell(c)}
              </div>
            ))}
          </div>
        </div>
        {rows.length > 0 && (
          <div role="rowgroup" className="register-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((v) => {
              const row = rows[v.index];
              return row ? <RegisterLine key={row.no} row={row} index={v.index} top={v.start} /> : null;
            })}
          </div>
        )}
        {rows.length === 0 && list.loaded && !list.loading && !list.error && <p className="register-empty">{t('register.empty')}</p>}
      </div>
      <div className="register-foot" aria-live="polite">
        <span>
          {list.loading && rows.length > 0
            ? t('register.loadingMore')
            : t('register.shown', { n: rows.length.toLocaleString('vi-VN'), total: list.total.toLocaleString('vi-VN') })}
        </span>
      </div>
    </div>
  );
}

const RegisterLine = memo(function RegisterLine({ row, index, top }: { row: RegisterRow; index: number; top: number }) {
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`rrow${index % 2 ? ' odd' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-no={row.no}
    >
      <div role="cell" className="rcell num">
        {row.no}
      </div>
      <div role="cell" className="rcell mono">
        <a href={`#/dossiers/${row.dossierId}`}>{row.code}</a>
      </div>
      <div role="cell" className="rcell" title={row.procedureName}>
        {row.procedureName}
      </div>
      <div role="cell" className="rcell center">
        {row.sets}
      </div>
      <div role="cell" className="rcell">
        <strong>{row.applicantName}</strong>
      </div>
      <div role="cell" className="rcell" title={row.contact}>
        {row.contact}
      </div>
      <div role="cell" className="rcell" title={row.handlingBody}>
        {row.handlingBody}
      </div>
      {TIME_COLUMNS.map((key) => (
        <div key={key} role="cell" className="rcell when">
          {when(row[key])}
        </div>
      ))}
      <div role="cell" className="rcell" title={row.note}>
        {row.note}
      </div>
    </div>
  );
});
