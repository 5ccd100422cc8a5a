import { App as AntApp, Alert, Button, Card, DatePicker, Form, Input, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayEntry, HolidayKind, HolidaysView } from '../../../../electron/contract';
import { call } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ReadOnlyContext } from './SettingsCard';
import { formatDateTime, formatDayRange, vnYear } from '../../lib/format';
import { clearEditedErrors, submitToDesk } from '../../lib/formErrors';

const KINDS: HolidayKind[] = ['holiday', 'compensatory', 'working', 'off'];

interface EntryRow {
  date: string;
  kind: HolidayKind;
  name: string;
  note?: string;
}

interface HolidaysForm {
  table: { entries: EntryRow[] };
}

/**
 * "Ngày nghỉ lễ": the year's holiday table (official, proposed from the lunar calendar, or confirmed by an
 * administrator), its days off and working-day count as the desk computes them, its issues, and an editor whose
 * confirmation (saveHolidays) makes the table the one due dates use.
 */
export function HolidaysCard() {
  const { t } = useTranslation();
  const readOnly = useContext(ReadOnlyContext);
  const { message, modal } = AntApp.useApp();
  const thisYear = vnYear();
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<HolidaysView>();
  const [loadError, setLoadError] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'load' | 'propose' | 'save' | null>('load');
  const [alert, setAlert] = useState<string>();
  const [form] = Form.useForm<HolidaysForm>();
  const asked = useRef(0);

  const show = useCallback(
    (v: HolidaysView, edited: boolean) => {
      setView(v);
      form.resetFields();
      form.setFieldsValue({ table: { entries: v.table.entries.map((e) => ({ ...e })) } });
      setDirty(edited);
      setAlert(undefined);
    },
    [form],
  );

  useEffect(() => {
    const ticket = ++asked.current;
    setBusy('load');
    setLoadError(undefined);
    void call('getHolidays', { year }).then((r) => {
      if (ticket !== asked.current) return;
      setBusy(null);
      if (r.ok) show(r.value, false);
      else setLoadError(r.error.message);
    });
  }, [year, show]);

  const pickYear = (next: number) => {
    if (!dirty) {
      setYear(next);
      return;
    }
    modal.confirm({
      title: t('holidays.changed'),
      content: t('intake.discardBody'),
      okText: t('intake.discardOk'),
      cancelText: t('intake.discardCancel'),
      okButtonProps: { danger: true },
      onOk: () => setYear(next),
    });
  };

  const propose = async () => {
    setBusy('propose');
    const r = await call('proposeHolidays', { year });
    setBusy(null);
    if (!r.ok) {
      setAlert(r.error.message);
      return;
    }
    show(r.value, true);
    void message.info(t('holidays.proposed', { year }));
  };

  const confirm = async () => {
    if (!view) return;
    const entries = ((form.getFieldValue(['table', 'entries']) as EntryRow[] | undefined) ?? []).map((e) => ({
      ...e,
      name: (e.name ?? '').trim(),
    }));
    // The contract checks the shape too, but says nothing in Vietnamese about an empty date or name.
    const missing = entries.flatMap((e, i) => [
      ...(e.date ? [] : [{ name: ['table', 'entries', i, 'date'] as const, errors: [t('holidays.needDate')] }]),
      ...(e.name ? [] : [{ name: ['table', 'entries', i, 'name'] as const, errors: [t('holidays.needName')] }]),
    ]);
    if (missing.length > 0) {
      form.setFields(missing.map((m) => ({ name: [...m.name], errors: m.errors })));
      form.scrollToField([...missing[0]!.name], { block: 'center', focus: true });
      setAlert(t('holidays.fixRows'));
      return;
    }
    const table = {
      ...view.table,
      entries: entries.map(({ date, kind, name, note }): HolidayEntry => (note ? { date, kind, name, note } : { date, kind, name })),
    };
    setBusy('save');
    const saved = await submitToDesk(form, 'saveHolidays', { table }, setAlert);
    setBusy(null);
    if (!saved) return;
    show(saved, false);
    void message.success(t('holidays.confirmed', { year: saved.year }));
  };

  const rowOf = (path: string) => {
    const m = /^(?:table\.)?entries\.(\d+)/.exec(path);
    return m ? `${t('holidays.row', { n: Number(m[1]) + 1 })}: ` : '';
  };

  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const table = view?.table;

  return (
    <Card size="small" title={<h2 className="card-title">{t('holidays.title')}</h2>}>
      <p className="hint">{t('holidays.intro')}</p>
      <div className="holidays-head">
        <label className="inline-field">
          <span>{t('holidays.year')}</span>
          <Select<number>
            value={year}
            onChange={pickYear}
            style={{ width: 110 }}
            aria-label={t('holidays.year')}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </label>
        {table && table.year === year && (
          <span className="table-status-line">
            <span className={`table-status table-status-${table.status}`} data-testid="holidays-status">
              {t(`holidays.status.${table.status}`)}
            </span>
            {table.status === 'confirmed' && table.confirmedBy && (
              <span className="sub inline">
                {t('holidays.confirmedBy', { who: table.confirmedBy, at: table.confirmedAt ? formatDateTime(table.confirmedAt) : '' })}
              </span>
            )}
            {dirty && <span className="changed-note">{t('holidays.changed')}</span>}
          </span>
        )}
        {busy === 'load' && <Spin size="small" />}
      </div>
      {loadError && <Alert type="warning" showIcon className="form-alert" title={loadError} />}

      {view && table && (
        <div className="holidays-summary">
          <div>
            <h3 className="sub-title">{t('holidays.offPeriods')}</h3>
            {view.offPeriods.length === 0 ? (
              <p className="hint">{t('holidays.noPeriods')}</p>
            ) : (
              <ul className="off-periods" data-testid="off-periods">
                {view.offPeriods.map((p) => (
                  <li key={p.from}>
                    <span className="period-dates">{formatDayRange(p.from, p.to)}</span>
                    {' · '}
                    {t('holidays.days', { n: p.days })}
                    {' · '}
                    {p.name}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <p className="working-days">
              {t('holidays.workingDays')}: <strong data-testid="working-days">{view.workingDays}</strong>
            </p>
            {view.issues.length > 0 && (
              <>
                <h3 className="sub-title">{t('holidays.issues')}</h3>
                <ul className="issues">
                  {view.issues.map((i, n) => (
                    <li key={n} className={i.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                      {rowOf(i.path)}
                      {i.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="source-note">
              {t('holidays.source')}: {table.source}
            </p>
            {table.notes && <p className="source-note">{table.notes}</p>}
          </div>
        </div>
      )}

      <Form<HolidaysForm>
        form={form}
        initialValues={{ table: { entries: [] } }}
        onValuesChange={(changed) => {
          clearEditedErrors(form, changed);
          setDirty(true);
        }}
        className="holidays-form"
      >
        <h3 className="sub-title">{t('holidays.entries')}</h3>
        <p className="hint small">{t('holidays.entriesHint')}</p>
        <Form.List name={['table', 'entries']}>
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 ? (
                <p className="hint">{t('holidays.noEntries')}</p>
              ) : (
                <table className="data-table holidays-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num-col">
                        #
                      </th>
                      <th scope="col" className="date-col">
                        {t('holidays.date')}
                      </th>
                      <th scope="col" className="kind-col">
                        {t('holidays.kind')}
                      </th>
                      <th scope="col">{t('holidays.name')}</th>
                      <th scope="col" className="action-col">
                        <span className="sr-only">{t('holidays.remove')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((field, i) => {
                      const row = t('holidays.row', { n: i + 1 });
                      const note = form.getFieldValue(['table', 'entries', field.name, 'note']) as string | undefined;
                      return (
                        <tr key={field.key}>
                          <td className="num-col">{i + 1}</td>
                          <td className="date-col">
                            <Form.Item
                              name={[field.name, 'date']}
                              className="cell-item"
                              getValueProps={(v: string) => ({ value: v ? dayjs(v) : null })}
                              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}
                            >
                              <DatePicker
                                format="DD/MM/YYYY"
                                placeholder="dd/mm/yyyy"
                                allowClear={false}
                                defaultPickerValue={dayjs(`${year}-01-01`)}
                                aria-label={`${t('holidays.date')}, ${row}`}
                              />
                            </Form.Item>
                          </td>
                          <td className="kind-col">
                            <Form.Item name={[field.name, 'kind']} className="cell-item">
                              <Select
                                aria-label={`${t('holidays.kind')}, ${row}`}
                                options={KINDS.map((k) => ({ value: k, label: t(`holidays.kindLabel.${k}`) }))}
                              />
                            </Form.Item>
                          </td>
                          <td>
                            <Form.Item name={[field.name, 'name']} className="cell-item">
                              <Input maxLength={200} autoComplete="off" aria-label={`${t('holidays.name')}, ${row}`} />
                            </Form.Item>
                            {note && (
                              <span className="entry-note" title={note}>
                                {note}
                              </span>
                            )}
                          </td>
                          <td className="action-col">
                            <Button type="text" danger onClick={() => remove(field.name)} aria-label={`${t('holidays.remove')}: ${row}`}>
                              ✕
                            </Button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <Button onClick={() => add({ date: '', kind: 'holiday', name: '' })} className="add-row">
                + {t('holidays.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <FormAlert title={t('holidays.notSaved')} message={alert} />
      {!readOnly && (
        <div className="form-actions">
          <Button onClick={() => void propose()} loading={busy === 'propose'} disabled={busy === 'load'}>
            {t('holidays.propose')}
          </Button>
          <Button type="primary" onClick={() => void confirm()} loading={busy === 'save'} disabled={!view || busy === 'load'}>
            {t('holidays.confirm')}
          </Button>
        </div>
      )}
    </Card>
  );
}
