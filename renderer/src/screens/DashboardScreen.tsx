import { Alert, Button, DatePicker, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese, type OnTimeRow, type OnTimeStats, type OnTimeStatsInput } from '../../../electron/contract';
import { useDesk } from '../api';
import { ChartFigure, type TableColumn, type TableRow } from '../components/charts/ChartFigure';
import { Swatch, type SeriesStyle } from '../components/charts/patterns';
import { StackedBars } from '../components/charts/StackedBars';
import { StackedColumns, type StackDatum } from '../components/charts/StackedColumns';
import { formatCount, formatRate } from '../components/charts/scale';
import '../components/charts/charts.css';
import { formatDateTime, formatDay, vnYear } from '../lib/format';

const FIRST_YEAR = 2020;

type Verdict = 'early' | 'onTime' | 'late' | 'unscored';
const VERDICTS: readonly Verdict[] = ['early', 'onTime', 'late', 'unscored'];

/**
 * Navy, light blue, hatched orange, dotted grey: far apart in lightness (grey-scale print) and on the blue–orange
 * axis colour-blind officers still tell apart; texture marks the two whose lightness is close.
 */
const STYLE: Record<Verdict, Omit<SeriesStyle, 'key' | 'label'>> = {
  early: { color: '#0b3d6e', texture: 'solid' },
  onTime: { color: '#5fa2dd', texture: 'solid' },
  late: { color: '#c2410c', texture: 'hatch' },
  unscored: { color: '#d4d7dc', texture: 'dots' },
};

const toDay = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
const fromDay = (s: string | undefined) => (s ? dayjs(s) : null);
/** Typing without diacritics finds names with them. */
const matches = (input: string, label: unknown) => foldVietnamese(String(label)).includes(foldVietnamese(input));

/** "Tỉ lệ giải quyết đúng hạn" (QĐ 766): early / on time / late by month, field and officer, with the open overdue. */
export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const thisYear = vnYear();
  const [query, setQuery] = useState<OnTimeStatsInput>({ year: thisYear });
  const key = JSON.stringify(query);
  const stats = useDesk('onTimeStats', query, key);
  const procedures = useDesk('listProcedures', {});
  const officers = useDesk('listOfficers', {});

  useEffect(() => {
    document.title = `${t('stats.title')} — ${t('app.name')}`;
  }, [t]);

  const data = stats.data;
  const count = (n: number) => formatCount(n, locale);
  const rate = (r: number | null) => formatRate(r, locale, t('stats.none'));

  const series = useMemo<SeriesStyle[]>(
    () =>
      VERDICTS
        // The "not scored" series only when there is some: old data, before scoring existed.
        .filter((v) => v !== 'unscored' || (data?.totals.unscored ?? 0) > 0)
        .map((v) => ({ key: v, label: t(`stats.series.${v}`), ...STYLE[v] })),
    [t, data?.totals.unscored],
  );

  // Fields of the catalogue, plus any only old dossiers still carry; officers in service, plus those who have left.
  const fieldOptions = useMemo(() => {
    const names = new Set((procedures.data ?? []).map((p) => p.field));
    for (const f of data?.byField ?? []) names.add(f.key);
    return [...names].sort((a, b) => a.localeCompare(b, 'vi')).map((f) => ({ value: f, label: f }));
  }, [procedures.data, data?.byField]);
  const officerOptions = useMemo(() => {
    const byId = new Map((officers.data ?? []).map((o) => [o.id, o.fullName]));
    for (const o of data?.byOfficer ?? []) if (o.key !== 'none' && !byId.has(Number(o.key))) byId.set(Number(o.key), o.label);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], 'vi')).map(([value, label]) => ({ value, label }));
  }, [officers.data, data?.byOfficer]);

  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);
  const outsideYear = (d: Dayjs) => d.year() !== query.year;
  const periodError = Boolean(query.from && query.to && query.from > query.to);
  const narrowed = query.from !== undefined || query.to !== undefined;
  const filtered = query.field !== undefined || query.officerId !== undefined;
  const set = (patch: Partial<OnTimeStatsInput>) =>
    setQuery((q) => {
      const next: OnTimeStatsInput = { ...q, ...patch };
      for (const k of Object.keys(next) as Array<keyof OnTimeStatsInput>) if (next[k] === undefined) delete next[k];
      return next;
    });

  return (
    <div className="dashboard-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('stats.title')}</h1>
        <div className="head-actions">
          <Button onClick={stats.reload} loading={stats.loading && data !== undefined}>
            {t('stats.reload')}
          </Button>
          <Button onClick={() => window.print()} disabled={!data}>
            {t('stats.print')}
          </Button>
        </div>
      </div>
      <p className="dashboard-generated">{t('stats.intro')}</p>

      <div className="dashboard-tools" role="group" aria-label={t('stats.period')}>
        <label className="dashboard-field">
          <span>{t('stats.year')}</span>
          <Select<number>
            value={query.year}
            onChange={(year) => setQuery((q) => ({ year, ...(q.field ? { field: q.field } : {}), ...(q.officerId ? { officerId: q.officerId } : {}) }))}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
            aria-label={t('stats.year')}
          />
        </label>
        <span className="dashboard-field" role="group" aria-label={t('stats.period')}>
          <span>{t('stats.period')}</span>
          <DatePicker
            value={fromDay(query.from)}
            onChange={(d) => set({ from: toDay(d) })}
            format="DD/MM/YYYY"
            placeholder={t('stats.from')}
            aria-label={t('stats.from')}
            disabledDate={outsideYear}
            defaultPickerValue={dayjs(`${query.year}-01-01`)}
            status={periodError ? 'error' : undefined}
          />
          <span aria-hidden="true">–</span>
          <DatePicker
            value={fromDay(query.to)}
            onChange={(d) => set({ to: toDay(d) })}
            format="DD/MM/YYYY"
            placeholder={t('stats.to')}
            aria-label={t('stats.to')}
            disabledDate={outsideYear}
            defaultPickerValue={dayjs(`${query.year}-12-01`)}
            status={periodError ? 'error' : undefined}
          />
          {narrowed && <Button onClick={() => set({ from: undefined, to: undefined })}>{t('stats.clearPeriod')}</Button>}
        </span>
        <label className="dashboard-field">
          <span>{t('stats.field')}</span>
          <Select<string>
            value={query.field ?? null}
            onChange={(v) => set({ field: v ?? undefined })}
            options={fieldOptions}
            placeholder={t('stats.any')}
            allowClear
            showSearch={{ filterOption: (input, option) => option !== undefined && matches(input, option.label) }}
            loading={procedures.loading}
            style={{ minWidth: 200 }}
            popupMatchSelectWidth={300}
            aria-label={t('stats.field')}
          />
        </label>
        <label className="dashboard-field">
          <span>{t('stats.officer')}</span>
          <Select<number>
            value={query.officerId ?? null}
            onChange={(v) => set({ officerId: v ?? undefined })}
            options={officerOptions}
            placeholder={t('stats.any')}
            allowClear
            showSearch={{ filterOption: (input, option) => option !== undefined && matches(input, option.label) }}
            loading={officers.loading}
            style={{ minWidth: 200 }}
            popupMatchSelectWidth={280}
            aria-label={t('stats.officer')}
          />
        </label>
        {filtered && <Button onClick={() => set({ field: undefined, officerId: undefined })}>{t('stats.clearFilters')}</Button>}
      </div>

      {stats.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert"
          title={stats.error.message}
          action={<Button onClick={stats.reload}>{t('app.retry')}</Button>}
        />
      )}

      {!data && stats.loading && (
        <div className="dashboard-loading" aria-busy="true">
          <Spin description={t('stats.loading')} />
        </div>
      )}

      {data && (
        <div aria-busy={stats.loading}>
          <p className="dashboard-generated" aria-live="polite">
            {t('stats.periodLine', { from: formatDay(data.period.from), to: formatDay(data.period.to) })}
            {' · '}
            {t('stats.generatedAt', { time: formatDateTime(data.generatedAt) })}
          </p>
          <SummaryCards data={data} series={series} count={count} rate={rate} />
          <Charts data={data} series={series} count={count} rate={rate} />
        </div>
      )}
    </div>
  );
}

interface Formatters {
  count: (n: number) => string;
  rate: (r: number | null) => string;
}

function SummaryCards({ data, series, count, rate }: { data: OnTimeStats; series: SeriesStyle[] } & Formatters) {
  const { t } = useTranslation();
  const { totals } = data;
  const scored = totals.early + totals.onTime + totals.late;
  const share = (n: number) => (scored === 0 ? '' : t('stats.card.share', { pct: rate(n / scored) }));
  const style = (key: Verdict) => series.find((s) => s.key === key);
  const verdictCard = (key: Exclude<Verdict, 'unscored'>) => {
    const s = style(key);
    return (
      <li className="dashboard-card" key={key}>
        <span className="dashboard-card-label">
          {s && <Swatch series={s} />}
          {t(`stats.series.${key}`)}
        </span>
        <span className="dashboard-card-value">{count(totals[key])}</span>
        <span className="dashboard-card-sub">{share(totals[key])}</span>
      </li>
    );
  };
  const unscored = style('unscored');
  return (
    <ul className="dashboard-cards" aria-label={t('stats.card.label')}>
      <li className="dashboard-card">
        <span className="dashboard-card-label">{t('stats.card.finished')}</span>
        <span className="dashboard-card-value">{count(totals.finished)}</span>
      </li>
      <li className="dashboard-card is-rate">
        <span className="dashboard-card-label">{t('stats.card.rate')}</span>
        <span className="dashboard-card-value">{rate(totals.rate)}</span>
        <span className="dashboard-card-sub">{scored === 0 ? t('stats.card.rateNone') : t('stats.card.rateSub', { n: count(scored) })}</span>
      </li>
      {verdictCard('early')}
      {verdictCard('onTime')}
      {verdictCard('late')}
      {unscored && (
        <li className="dashboard-card">
          <span className="dashboard-card-label">
            <Swatch series={unscored} />
            {t('stats.series.unscored')}
          </span>
          <span className="dashboard-card-value">{count(totals.unscored)}</span>
          <span className="dashboard-card-sub">{t('stats.card.unscoredSub')}</span>
        </li>
      )}
      <li className={`dashboard-card${data.overdueOpen > 0 ? ' is-warning' : ''}`}>
        <span className="dashboard-card-label">{t('stats.card.overdue')}</span>
        <span className="dashboard-card-value">{count(data.overdueOpen)}</span>
        <span className="dashboard-card-sub">{t('stats.card.overdueSub')}</span>
      </li>
    </ul>
  );
}

function Charts({ data, series, count, rate }: { data: OnTimeStats; series: SeriesStyle[] } & Formatters) {
  const { t } = useTranslation();
  const monthNumber = (key: string) => Number(key.slice(5));
  const monthLabel = (key: string) => t('stats.monthLabel', { m: monthNumber(key), y: key.slice(0, 4) });
  const officerLabel = (row: OnTimeRow) => (row.key === 'none' ? t('stats.noOfficer') : row.label);

  const values = (r: OnTimeRow) => ({ early: r.early, onTime: r.onTime, late: r.late, unscored: r.unscored });
  const summary = (r: Pick<OnTimeRow, 'finished' | 'early' | 'onTime' | 'late' | 'unscored' | 'rate'>) =>
    t('stats.chart.summary', {
      n: count(r.finished),
      early: count(r.early),
      onTime: count(r.onTime),
      late: count(r.late),
      unscored: count(r.unscored),
      rate: rate(r.rate),
    });

  const columns: TableColumn[] = [
    ...series.map((s) => ({ key: s.key, label: s.label })),
    { key: 'finished', label: t('stats.col.finished') },
    { key: 'rate', label: t('stats.col.rate') },
  ];
  const tableRow = (key: string, header: string, r: Omit<OnTimeRow, 'key' | 'label'>): TableRow => ({
    key,
    header,
    cells: {
      early: count(r.early),
      onTime: count(r.onTime),
      late: count(r.late),
      unscored: count(r.unscored),
      finished: count(r.finished),
      rate: rate(r.rate),
    },
  });
  const footer = tableRow('total', t('stats.total'), data.totals);

  const months: StackDatum[] = data.byMonth.map((m) => ({
    key: m.key,
    label: monthLabel(m.key),
    shortLabel: t('stats.monthShort', { m: monthNumber(m.key) }),
    values: values(m),
    note: m.rate === null ? undefined : rate(m.rate),
  }));
  const rows = (list: OnTimeRow[], label: (r: OnTimeRow) => string): StackDatum[] =>
    list.map((r) => ({ key: r.key, label: label(r), values: values(r), note: r.rate === null ? undefined : rate(r.rate) }));
  const empty = <p className="chart-empty">{t('stats.chart.empty')}</p>;

  const figure = (kind: 'month' | 'field' | 'officer', chart: ReactNode, tableRows: TableRow[]) => (
    <ChartFigure
      title={t(`stats.chart.${kind}.title`)}
      legendLabel={t('stats.chart.legend')}
      series={series}
      table={{
        summary: t('stats.chart.showTable'),
        caption: t(`stats.chart.${kind}.caption`),
        rowHeader: t(`stats.col.${kind}`),
        columns,
        rows: tableRows,
        footer,
      }}
    >
      {chart}
    </ChartFigure>
  );

  return (
    <div className="dashboard-charts">
      {figure(
        'month',
        data.totals.finished === 0 ? (
          empty
        ) : (
          <StackedColumns title={t('stats.chart.month.svg')} description={summary(data.totals)} series={series} data={months} formatValue={count} />
        ),
        data.byMonth.map((m) => tableRow(m.key, monthLabel(m.key), m)),
      )}
      {figure(
        'field',
        data.byField.length === 0 ? (
          empty
        ) : (
          <StackedBars title={t('stats.chart.field.svg')} description={summary(data.totals)} series={series} data={rows(data.byField, (r) => r.label)} formatValue={count} />
        ),
        data.byField.map((r) => tableRow(r.key, r.label, r)),
      )}
      {figure(
        'officer',
        data.byOfficer.length === 0 ? (
          empty
        ) : (
          <StackedBars title={t('stats.chart.officer.svg')} description={summary(data.totals)} series={series} data={rows(data.byOfficer, officerLabel)} formatValue={count} />
        ),
        data.byOfficer.map((r) => tableRow(r.key, officerLabel(r), r)),
      )}
    </div>
  );
}
