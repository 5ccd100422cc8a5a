import {
  CATALOGUE_FIELD_LABELS,
  CATALOGUE_VERSION_PATTERN,
  catalogueFile,
  catalogueHeader,
  catalogueProcedure,
  type Catalogue,
  type CatalogueProcedure,
} from '../contract/catalogue';

/**
 * Pure helpers around the procedure catalogue: validation with a per-procedure, per-field report in Vietnamese,
 * a diff between two catalogues (the import report, version keeping) and an import plan that combines both.
 * No I/O: callers read the file and pass its text or parsed JSON.
 */

export interface CatalogueProblem {
  /** Where, e.g. "procedures[0].fee.capPerCopy" (index in the file) or "version". */
  path: string;
  /** The procedure's id when it can be read, for grouping the report by procedure. */
  procedureId?: string;
  /** Vietnamese, self-contained: "Thủ tục «chung-thuc-ban-sao»: Mức tối đa mỗi bản (…) thấp hơn …". */
  message: string;
}

export type CatalogueValidation = { ok: true; catalogue: Catalogue } | { ok: false; report: CatalogueProblem[] };

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc ? `${acc}.${name}` : name;
  }, '');

const rawId = (p: unknown): string | undefined => {
  const id = typeof p === 'object' && p !== null ? (p as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
};

const rawCode = (p: unknown): string | undefined => {
  const code = typeof p === 'object' && p !== null ? (p as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : undefined;
};

/**
 * Validates a catalogue (a JSON text or already-parsed JSON). Every procedure is checked on its own, so one broken
 * record does not hide the problems of the others; duplicates of ids and codes are reported across records.
 */
export function validateCatalogue(json: unknown): CatalogueValidation {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (err) {
      return { ok: false, report: [{ path: '', message: `Tệp không phải JSON hợp lệ: ${(err as Error).message}` }] };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, report: [{ path: '', message: 'Danh mục phải là một đối tượng JSON { schemaVersion, version, …, procedures }' }] };
  }

  const report: CatalogueProblem[] = [];
  const { procedures, ...header } = data as { procedures?: unknown };
  const headerResult = catalogueHeader.safeParse(header);
  if (!headerResult.success) {
    for (const issue of headerResult.error.issues) report.push({ path: pathText(issue.path), message: issue.message });
  }

  if (procedures === undefined) {
    report.push({ path: 'procedures', message: 'Danh sách thủ tục: còn thiếu' });
  } else if (!Array.isArray(procedures)) {
    report.push({ path: 'procedures', message: 'Danh sách thủ tục: phải là danh sách' });
  } else if (procedures.length === 0) {
    report.push({ path: 'procedures', message: 'Danh sách thủ tục: cần ít nhất một thủ tục' });
  } else {
    const ids = new Map<string, number>();
    const codes = new Map<string, number>();
    procedures.forEach((raw, i) => {
      const id = rawId(raw);
      const where = id ? `Thủ tục «${id}»` : `Thủ tục số ${i + 1}`;
      const push = (path: ReadonlyArray<PropertyKey>, message: string) =>
        report.push({ path: pathText(['procedures', i, ...path]), ...(id ? { procedureId: id } : {}), message: `${where}: ${message}` });
      const result = catalogueProcedure.safeParse(raw);
      if (!result.success) for (const issue of result.error.issues) push(issue.path, issue.message);
      if (id) {
        const first = ids.get(id);
        if (first !== undefined) push(['id'], `Mã định danh "${id}" trùng với thủ tục số ${first + 1}`);
        else ids.set(id, i);
      }
      const code = rawCode(raw);
      if (code) {
        const first = codes.get(code);
        if (first !== undefined) push(['code'], `Mã TTHC "${code}" trùng với thủ tục số ${first + 1}`);
        else codes.set(code, i);
      }
    });
  }

  if (report.length > 0) return { ok: false, report };
  const full = catalogueFile.safeParse(data);
  if (!full.success) {
    // Defensive: the per-record pass above covers every rule of catalogueFile.
    return { ok: false, report: full.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })) };
  }
  return { ok: true, catalogue: full.data };
}

// ---------- Versions ----------

/** Orders 'YYYY-MM-DD.n' versions: negative when a is older than b, 0 when equal, positive when newer. */
export function compareCatalogueVersions(a: string, b: string): number {
  const pa = CATALOGUE_VERSION_PATTERN.exec(a);
  const pb = CATALOGUE_VERSION_PATTERN.exec(b);
  if (!pa || !pb) throw new RangeError(`Phiên bản danh mục không đúng dạng YYYY-MM-DD.n: ${!pa ? a : b}`);
  for (let i = 1; i <= 4; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------- Diff ----------

export interface FieldChange {
  field: string;
  /** Vietnamese label of the field ("Lệ phí"). */
  label: string;
  before: unknown;
  after: unknown;
}

export interface ProcedureSummary {
  id: string;
  code: string | null;
  name: string;
}

export interface CatalogueDiff {
  fromVersion: string;
  toVersion: string;
  /** Changes of the header (version, effectiveFrom, source, notes). */
  header: FieldChange[];
  added: ProcedureSummary[];
  removed: ProcedureSummary[];
  changed: Array<ProcedureSummary & { changes: FieldChange[] }>;
  unchanged: number;
}

/** Structural equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const labelOf = (field: string): string => CATALOGUE_FIELD_LABELS[field] ?? field;
const summary = (p: CatalogueProcedure): ProcedureSummary => ({ id: p.id, code: p.code, name: p.name });

function fieldChanges<T extends object>(before: T, after: T, skip: ReadonlySet<string>): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: FieldChange[] = [];
  for (const field of keys) {
    if (skip.has(field)) continue;
    const b = (before as Record<string, unknown>)[field];
    const a = (after as Record<string, unknown>)[field];
    if (!sameJson(b, a)) out.push({ field, label: labelOf(field), before: b, after: a });
  }
  return out;
}

/** What changes when `next` replaces `prev`: procedures matched by id; changed fields listed with labels. */
export function diffCatalogues(prev: Catalogue, next: Catalogue): CatalogueDiff {
  const before = new Map(prev.procedures.map((p) => [p.id, p]));
  const after = new Map(next.procedures.map((p) => [p.id, p]));
  const diff: CatalogueDiff = {
    fromVersion: prev.version,
    toVersion: next.version,
    header: fieldChanges(prev, next, new Set(['procedures'])),
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
  };
  for (const p of next.procedures) {
    const old = before.get(p.id);
    if (!old) {
      diff.added.push(summary(p));
      continue;
    }
    const changes = fieldChanges(old, p, new Set(['id']));
    if (changes.length > 0) diff.changed.push({ ...summary(p), changes });
    else diff.unchanged += 1;
  }
  for (const p of prev.procedures) if (!after.has(p.id)) diff.removed.push(summary(p));
  return diff;
}

export const isEmptyDiff = (d: CatalogueDiff): boolean =>
  d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0 &&
  d.header.every((h) => h.field === 'version');

/** The diff as Vietnamese lines for the import report. */
export function describeDiff(d: CatalogueDiff): string[] {
  const lines = [`Danh mục ${d.fromVersion} → ${d.toVersion}`];
  const name = (p: ProcedureSummary) => (p.code ? `${p.name} (${p.code})` : p.name);
  for (const h of d.header) if (h.field !== 'version') lines.push(`Thay đổi ${h.label.toLocaleLowerCase('vi')} của danh mục`);
  if (d.added.length) lines.push(`Thêm ${d.added.length} thủ tục: ${d.added.map(name).join('; ')}`);
  if (d.removed.length) lines.push(`Bỏ ${d.removed.length} thủ tục: ${d.removed.map(name).join('; ')}`);
  for (const c of d.changed) lines.push(`Sửa «${c.name}»: ${c.changes.map((x) => x.label).join(', ')}`);
  if (d.unchanged) lines.push(`${d.unchanged} thủ tục không đổi`);
  if (lines.length === 1) lines.push('Không có thay đổi');
  return lines;
}

// ---------- Import plan ----------

export type ImportPlan =
  | { ok: false; report: CatalogueProblem[] }
  | {
      ok: true;
      catalogue: Catalogue;
      /** null on the first import (nothing in force yet). */
      diff: CatalogueDiff | null;
      /** 'first' when nothing is in force; otherwise how the new version orders against the current one. */
      order: 'first' | 'newer' | 'same' | 'older';
      /** Vietnamese warnings the administrator confirms before applying (an older version, removed procedures). */
      warnings: string[];
    };

/**
 * Validates `json` and compares it with the catalogue in force. Refuses (with a report) a file that is invalid or
 * that reuses the current version number for different content; warns about an older version and removals.
 */
export function planCatalogueImport(current: Catalogue | null, json: unknown): ImportPlan {
  const v = validateCatalogue(json);
  if (!v.ok) return v;
  const next = v.catalogue;
  if (!current) return { ok: true, catalogue: next, diff: null, order: 'first', warnings: [] };
  const diff = diffCatalogues(current, next);
  const cmp = compareCatalogueVersions(next.version, current.version);
  const order = cmp > 0 ? 'newer' : cmp < 0 ? 'older' : 'same';
  if (order === 'same' && !isEmptyDiff(diff)) {
    return {
      ok: false,
      report: [
        {
          path: 'version',
          message: `Phiên bản danh mục: ${next.version} trùng với danh mục đang dùng nhưng nội dung khác; hãy tăng số phiên bản`,
        },
      ],
    };
  }
  const warnings: string[] = [];
  if (order === 'older') {
    warnings.push(`Phiên bản ${next.version} cũ hơn danh mục đang dùng (${current.version}): chỉ nhập khi muốn quay lại bản cũ`);
  }
  if (diff.removed.length) {
    warnings.push(
      `${diff.removed.length} thủ tục sẽ không còn trong danh mục (hồ sơ đã nhận vẫn giữ nguyên): ${diff.removed.map((p) => p.name).join('; ')}`,
    );
  }
  return { ok: true, catalogue: next, diff, order, warnings };
}
