import { Button, DatePicker, Select, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_FLAGS, foldVietnamese, type Officer, type Procedure, type QueueFlag } from '../../../../electron/contract';
import { FLAG_ICONS } from './icons';
import { useFlagText } from './FlagBadges';
import type { Channel, QueueFilterValues } from './view';

interface Props {
  value: QueueFilterValues;
  onChange: (next: QueueFilterValues) => void;
  /** Clears the filters and the search text. */
  onClear: () => void;
  /** How many filters and search words are on (the clear button says it). */
  active: number;
  procedures: Procedure[] | undefined;
  officers: Officer[] | undefined;
  /** The officer filter; off where the list is one officer's already ("Việc của tôi"). */
  officerFilter?: boolean;
  staleDays: number;
}

interface ProcedureOption {
  value: string;
  label: string;
  field: string;
  code: string | null;
  /** Folded name, code and id: what the typed words are matched against. */
  search: string;
}

const CHANNELS: Channel[] = [1, 2, 3];
const DAY_FORMAT = 'DD/MM/YYYY';
/** Typing without the slashes works too: 01022026 or 1/2/2026. */
const DAY_FORMATS = [DAY_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];

const toDay = (d: Dayjs | null): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);
const fromDay = (s: string | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** Words typed without diacritics match names with them ("chung thuc" finds "Chứng thực bản sao…"). */
const matches = (input: string, search: string) => {
  const words = foldVietnamese(input).split(' ').filter(Boolean);
  return words.every((w) => search.includes(w));
};

export function QueueFilters({ value, onChange, onClear, active, procedures, officers, officerFilter = true, staleDays }: Props) {
  const { t } = useTranslation();
  const flagText = useFlagText(staleDays);
  const set = <K extends keyof QueueFilterValues>(key: K, v: QueueFilterValues[K] | null) => {
    const next = { ...value };
    if (v === undefined || v === null || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };

  const fields = useMemo(
    () => [...new Set((procedures ?? []).map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi')),
    [procedures],
  );

  const procedureOptions = useMemo<ProcedureOption[]>(
    () =>
      (procedures ?? [])
        .filter((p) => !value.field || p.field === value.field)
        .map((p) => ({
          value: p.id,
          label: p.name,
          field: p.field,
          code: p.code,
          search: foldVietnamese(`${p.name} ${p.code ?? ''} ${p.id}`),
        })),
    [procedures, value.field],
  );

  const on = (v: unknown) => (v === undefined ? 'qfilter' : 'qfilter qfilter-on');

  return (
    <div className="qfilters" role="group" aria-label={t('queue.filter.label')}>
      <Select<string, ProcedureOption>
        className={`${on(value.procedureId)} qfilter-procedure`}
        aria-label={t('queue.filter.procedure')}
        prefix={<span className="qfilter-prefix">{t('queue.filter.procedure')}</span>}
        placeholder={t('queue.filter.any')}
        value={value.procedureId ?? null}
        options={procedureOptions}
        loading={procedures === undefined}
        allowClear
        showSearch={{ filterOption: (input, option) => option !== undefined && matches(input, option.search) }}
        notFoundContent={t('queue.filter.procedureNotFound')}
        optionRender={(o) => (
          <div className="qprocedure-option">
            <span className="qprocedure-name">{o.data.label}</span>
            <span className="sub">{[o.data.code, o.data.field].filter(Boolean).join(' · ')}</span>
          </div>
        )}
        popupMatchSelectWidth={460}
        listHeight={360}
        onChange={(v) => set('procedureId', v ?? null)}
      />
      <Select<string>
        className={`${on(value.field)} qfilter-field`}
        aria-label={t('queue.filter.field')}
        prefix={<span className="qfilter-prefix">{t('queue.filter.field')}</span>}
        placeholder={t('queue.filter.any')}
        value={value.field ?? null}
        options={fields.map((f) => ({ value: f, label: f }))}
        allowClear
        showSearch={{ filterOption: (input, option) => option !== undefined && matches(input, foldVietnamese(String(option.label))) }}
        popupMatchSelectWidth={300}
        onChange={(v) => {
          const next = { ...value };
          if (v) next.field = v;
          else delete next.field;
          // A procedure of another field would leave the list empty for no visible reason.
          const chosen = procedures?.find((p) => p.id === value.procedureId);
          if (v && chosen && chosen.field !== v) delete next.procedureId;
          onChange(next);
        }}
      />
      <Select<Channel>
        className={`${on(value.channel)} qfilter-channel`}
        aria-label={t('queue.filter.channel')}
        prefix={<span className="qfilter-prefix">{t('queue.filter.channel')}</span>}
        placeholder={t('queue.filter.any')}
        value={value.channel ?? null}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channelShort.${c}`) }))}
        allowClear
        popupMatchSelectWidth={180}
        onChange={(v) => set('channel', v ?? null)}
      />
      {officerFilter && (
        <Select<number>
          className={`${on(value.assigneeId)} qfilter-officer`}
          aria-label={t('queue.filter.officer')}
          prefix={<span className="qfilter-prefix">{t('queue.filter.officer')}</span>}
          placeholder={t('queue.filter.any')}
          value={value.assigneeId ?? null}
          options={(officers ?? []).map((o) => ({ value: o.id, label: o.fullName, title: o.title }))}
          loading={officers === undefined}
          allowClear
          showSearch={{ filterOption: (input, option) => option !== undefined && matches(input, foldVietnamese(String(option.label))) }}
          popupMatchSelectWidth={260}
          onChange={(v) => set('assigneeId', v ?? null)}
        />
      )}
      <div className="qperiod" role="group" aria-label={t('queue.filter.period')}>
        <DatePicker
          className={on(value.from)}
          aria-label={t('queue.filter.fromLabel')}
          prefix={<span className="qfilter-prefix">{t('queue.filter.from')}</span>}
          format={DAY_FORMATS}
          placeholder={t('queue.filter.datePlaceholder')}
          value={fromDay(value.from)}
          maxDate={fromDay(value.to) ?? undefined}
          onChange={(d: Dayjs | null) => set('from', toDay(d) ?? null)}
        />
        <DatePicker
          className={on(value.to)}
          aria-label={t('queue.filter.toLabel')}
          prefix={<span className="qfilter-prefix">{t('queue.filter.to')}</span>}
          format={DAY_FORMATS}
          placeholder={t('queue.filter.datePlaceholder')}
          value={fromDay(value.to)}
          minDate={fromDay(value.from) ?? undefined}
          onChange={(d: Dayjs | null) => set('to', toDay(d) ?? null)}
        />
      </div>
      <div className="qflag-filter" role="group" aria-label={t('queue.filter.flags')}>
        {QUEUE_FLAGS.map((flag: QueueFlag) => {
          const Icon = FLAG_ICONS[flag];
          const pressed = value.flag === flag;
          return (
            <Tooltip key={flag} title={flagText.long(flag)} mouseEnterDelay={0.5}>
              <button
                type="button"
                className={`qchip qchip-${flag}${pressed ? ' pressed' : ''}`}
                aria-pressed={pressed}
                onClick={() => set('flag', pressed ? null : flag)}
              >
                <Icon />
                {flagText.short(flag)}
              </button>
            </Tooltip>
          );
        })}
      </div>
      <Button className="qclear" onClick={onClear} disabled={active === 0}>
        {active > 0 ? t('queue.filter.clearCount', { n: active }) : t('queue.filter.clear')}
      </Button>
    </div>
  );
}
