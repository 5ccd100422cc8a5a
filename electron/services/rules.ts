import {
  DeskError,
  type DeskImpl,
  type FeeInput,
  type FeeQuote,
  type HolidayYear,
  type HolidaysView,
  type MethodOutput,
  type ParsedInput,
  type Procedure,
} from '../contract';
import { checkCccd, describeCccd } from '../core/applicant';
import { parseCccdQr } from '../core/cccd-qr';
import {
  createWorkCalendar,
  dueDate,
  isWorkingDay,
  nextOpening,
  offPeriods,
  officeHoursFromSetting,
  validateYear,
  confirmYear,
} from '../core/calendar';
import { proposeHolidays } from '../core/calendar/propose';
import { planCatalogueImport, describeDiff } from '../core/catalogue';
import { tryComputeFee } from '../core/fees';
import { amountInWords } from '../core/money-words';
import type { ProceduresRepo } from '../db/procedures-repo';
import type { CalendarService } from './calendar';

/** The domain rules as desk methods: due dates, fees, CCCD, the holiday table, office hours, the catalogue. */
export interface RulesContext {
  procedures: ProceduresRepo;
  calendar: CalendarService;
  provinces: ReadonlyMap<string, string>;
  clock: () => Date;
  officer: () => { id: number; fullName: string } | null;
}

type Methods<K extends keyof DeskImpl> = { [M in K]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** A fee as the contract carries it, or why it cannot be computed yet (a field path and a Vietnamese message). */
export function quoteFee(procedure: Procedure, input: FeeInput | undefined): { fee: FeeQuote | null; problem: { field: string; message: string } | null } {
  const outcome = tryComputeFee(procedure.fee, input ?? {});
  if (!outcome.ok) return { fee: null, problem: { field: `fee.${outcome.error.field}`, message: outcome.error.message } };
  const r = outcome.value;
  return {
    fee: {
      amount: r.amount,
      gross: r.gross,
      words: amountInWords(r.amount),
      lines: r.lines.map(({ label, quantity, unit, unitPrice, amount }) => ({ label, quantity, unit, unitPrice, amount })),
      exemptedBy: r.exemptedBy ?? null,
      uncertain: r.uncertain,
      uncertainNote: r.uncertainNote ?? null,
    },
    problem: null,
  };
}

/** A procedure by its mã TTHC ("2.000815") or its catalogue id ("chung-thuc-ban-sao"). */
export function findProcedure(procedures: ProceduresRepo, ref: string): Procedure {
  const p = procedures.list().find((x) => x.id === ref || x.code === ref);
  if (!p) {
    const message = `Không có thủ tục "${ref}" trong danh mục đang dùng`;
    throw new DeskError('NOT_FOUND', message, [{ path: 'procedure', message }]);
  }
  return p;
}

const limitText = (p: { kind: string; days?: number; hours?: number }) =>
  p.kind === 'calendar_days' ? `${p.days} ngày` : p.kind === 'working_hours' ? `${p.hours} giờ làm việc` : p.days === 0 ? 'trong ngày' : `${p.days} ngày làm việc`;

export function rulesMethods(ctx: RulesContext) {
  const { procedures, calendar, provinces, clock } = ctx;

  const view = (table: HolidayYear, stored: boolean): HolidaysView => {
    const hours = officeHoursFromSetting(calendar.officeHours());
    const cal = createWorkCalendar({ hours, years: [table] });
    let workingDays = 0;
    for (let d = new Date(Date.UTC(table.year, 0, 1, 5)); d.getUTCFullYear() === table.year; d = new Date(d.getTime() + 86_400_000)) {
      if (isWorkingDay(cal, d)) workingDays++;
    }
    const checked = validateYear(table, { hours, expectedYear: table.year });
    const issues = [...(checked.ok ? [] : checked.errors), ...checked.warnings].map(({ severity, path, message }) => ({ severity, path, message }));
    return { year: table.year, table, stored, offPeriods: offPeriods(cal, table.year), workingDays, issues };
  };

  const methods: Methods<
    | 'previewIntake'
    | 'computeDue'
    | 'quoteFee'
    | 'checkCccd'
    | 'readCccdQr'
    | 'getHolidays'
    | 'proposeHolidays'
    | 'saveHolidays'
    | 'getOfficeHours'
    | 'saveOfficeHours'
    | 'importCatalogue'
    | 'exportCatalogue'
  > = {
    previewIntake: ({ procedureId, fee }) => {
      const procedure = findProcedure(procedures, procedureId);
      const now = clock();
      const { fee: quote, problem } = quoteFee(procedure, fee);
      return {
        receivedAt: now.toISOString(),
        dueAt: dueDate(calendar.calendar(), now, procedure.timeLimit).toISOString(),
        timeLimitText: procedure.timeLimitText,
        fee: quote,
        feeProblem: problem,
      };
    },

    computeDue: ({ receivedAt, procedure: ref, workingDays }) => {
      const at = new Date(receivedAt);
      const procedure = ref ? findProcedure(procedures, ref) : null;
      const limit = procedure ? procedure.timeLimit : { kind: 'working_days' as const, days: workingDays ?? 0 };
      const cal = calendar.calendar();
      return {
        receivedAt: at.toISOString(),
        countedFrom: nextOpening(cal, at).toISOString(),
        dueAt: dueDate(cal, at, limit).toISOString(),
        limit: limitText(limit),
        procedure: procedure ? { id: procedure.id, code: procedure.code, name: procedure.name } : null,
      };
    },

    quoteFee: ({ procedure: ref, ...input }) => {
      const { fee, problem } = quoteFee(findProcedure(procedures, ref), input);
      if (!fee) throw new DeskError('VALIDATION', problem!.message, [{ path: problem!.field.replace(/^fee\./, ''), message: problem!.message }]);
      return fee;
    },

    checkCccd: ({ number, birthYear, gender }) => {
      const problem = checkCccd(number, new Set(provinces.keys()), { birthYear, gender });
      const described = describeCccd(number, provinces);
      return described.ok
        ? { valid: problem === null, problem, provinceCode: described.provinceCode, provinceName: described.provinceName, gender: described.gender, birthYear: described.birthYear }
        : { valid: false, problem: problem ?? described.message, provinceCode: null, provinceName: null, gender: null, birthYear: null };
    },

    readCccdQr: ({ text }) => {
      const parsed = parseCccdQr(text, { provinceCodes: new Set(provinces.keys()), asOf: clock() });
      return parsed.ok ? { ok: true as const, ...parsed.value } : { ok: false as const, field: parsed.field, message: parsed.message };
    },

    getHolidays: ({ year }) => {
      const { table, stored } = calendar.tableFor(year);
      return view(table ?? proposeHolidays(year, { hours: officeHoursFromSetting(calendar.officeHours()) }), stored);
    },

    proposeHolidays: ({ year }) => view(proposeHolidays(year, { hours: officeHoursFromSetting(calendar.officeHours()) }), false),

    saveHolidays: ({ table }) => {
      const hours = officeHoursFromSetting(calendar.officeHours());
      const checked = validateYear(table, { hours, expectedYear: table.year });
      if (!checked.ok) {
        throw new DeskError(
          'VALIDATION',
          `Bảng ngày nghỉ năm ${table.year} chưa hợp lệ: ${checked.errors[0]?.message ?? ''}`,
          checked.errors.map((e) => ({ path: `table.${e.path}`, message: e.message })),
        );
      }
      const officer = ctx.officer();
      const confirmed = confirmYear(checked.value, officer?.fullName ?? 'Quản trị viên', clock());
      calendar.saveTable(confirmed, officer?.id ?? null, clock().getTime());
      return view(confirmed, true);
    },

    getOfficeHours: () => calendar.officeHours(),

    saveOfficeHours: (setting) => {
      calendar.saveOfficeHours(setting);
      return calendar.officeHours();
    },

    importCatalogue: ({ json, apply }) => {
      const current = procedures.currentCatalogue();
      const plan = planCatalogueImport(current?.catalogue ?? null, json);
      if (!plan.ok) {
        return { valid: false, applied: false, version: null, currentVersion: current?.version ?? null, order: null, problems: plan.report.map(({ path, message }) => ({ path, message })), warnings: [], changes: [] };
      }
      const changes = plan.diff ? describeDiff(plan.diff) : [`Danh mục đầu tiên: ${plan.catalogue.procedures.length} thủ tục`];
      const unchanged = plan.order === 'same';
      if (apply && !unchanged) procedures.importCatalogue(plan.catalogue, ctx.officer()?.id ?? null, clock().getTime());
      return {
        valid: true,
        applied: apply && !unchanged,
        version: plan.catalogue.version,
        currentVersion: current?.version ?? null,
        order: plan.order,
        problems: [],
        warnings: unchanged ? ['Danh mục này đang được dùng: không có gì để nhập', ...plan.warnings] : plan.warnings,
        changes,
      };
    },

    exportCatalogue: () => {
      const current = procedures.currentCatalogue();
      if (!current) throw new DeskError('NOT_FOUND', 'Chưa có danh mục thủ tục');
      return { version: current.version, json: JSON.stringify(current.catalogue, null, 2) };
    },
  };
  return methods;
}
