import {
  EXEMPTION_CATEGORY_LABELS,
  feeRuleProblems,
  type ExemptionCategory,
  type FeeRule,
  type FeeTier,
} from '../contract/catalogue';
import { formatVnd } from './money-words';

/**
 * Fees (phí, lệ phí) of a procedure, from its catalogue rule. Money is integer đồng throughout.
 *
 * Rule kinds (contract/catalogue `feeRule`):
 * - `fixed`: `amount` per case (trường hợp, hợp đồng…); the input's `cases` (default 1) counts the cases.
 * - `per_copy`: `amount` per copy; `copies` (default 1).
 * - `per_page`: tiers of per-page prices by page number of the original, summed per copy and capped per copy, then
 *   multiplied by `copies` (default 1). `pages` is required. Chứng thực bản sao (TT 226/2016/TT-BTC): 2.000 đ for
 *   each of pages 1–2, 1.000 đ for each page from 3, at most 200.000 đ per copy.
 * - `free`: nothing is charged.
 * Exemptions: when one of the input's `categories` matches an exemption of the rule, the first matching exemption
 * (in the rule's order) applies and the amount due is 0.
 *
 * Errors: `computeFee` throws a `FeeError` (code, field, Vietnamese message) for a missing page count on a per-page
 * rule, for counts that are not positive integers, for a malformed rule, or for an amount beyond safe integers.
 * `tryComputeFee` returns the same as a result value instead of throwing — use it at the desk's edge.
 */

export interface FeeInput {
  /** Pages of the original (per-page rules; required there). */
  pages?: number;
  /** Copies requested (per-page and per-copy rules); default 1. */
  copies?: number;
  /** Cases (fixed rules: số trường hợp, số hợp đồng); default 1. */
  cases?: number;
  /** Exemption categories the officer ticked for this applicant or this registration. */
  categories?: readonly ExemptionCategory[];
}

export interface FeeLine {
  /** Vietnamese, for the receipt: "Phí chứng thực bản sao: trang 1–2". */
  label: string;
  quantity: number;
  /** What one unit is: "trang", "bản", "trường hợp"; '' for the exemption line. */
  unit: string;
  unitPrice: number;
  amount: number;
}

export interface FeeResult {
  /** Amount due in đồng, after exemptions. Always the sum of `lines[].amount`. */
  amount: number;
  /** Amount before exemptions. */
  gross: number;
  /**
   * Receipt lines. When an exemption applies, the gross lines are kept and a last line "Miễn: …" carries the
   * negative gross, so the lines still add up to `amount` (0) and the receipt shows what was waived.
   */
  lines: FeeLine[];
  /** Vietnamese label of the exemption applied, e.g. "Người thuộc hộ nghèo". */
  exemptedBy?: string;
  exemptedCategory?: ExemptionCategory;
  /** The rule is not confirmed by the sources: the screen says "cần xác minh" next to the amount. */
  uncertain: boolean;
  uncertainNote?: string;
}

export type FeeErrorCode = 'PAGES_REQUIRED' | 'INVALID_COUNT' | 'INVALID_RULE' | 'AMOUNT_TOO_LARGE';

export class FeeError extends Error {
  constructor(
    readonly code: FeeErrorCode,
    readonly field: 'pages' | 'copies' | 'cases' | 'rule' | 'amount',
    message: string,
  ) {
    super(message);
    this.name = 'FeeError';
  }
}

export type FeeOutcome =
  | { ok: true; value: FeeResult }
  | { ok: false; error: { code: FeeErrorCode; field: FeeError['field']; message: string } };

const COUNT_LABELS = { pages: 'Số trang', copies: 'Số bản', cases: 'Số trường hợp' } as const;

function countOf(input: FeeInput, field: keyof typeof COUNT_LABELS, fallback: number | undefined): number {
  const value = input[field];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new FeeError('PAGES_REQUIRED', field, `${COUNT_LABELS[field]}: cần nhập số trang của bản chính để tính phí`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new FeeError('INVALID_COUNT', field, `${COUNT_LABELS[field]}: phải là số nguyên (nhận được ${String(value)})`);
  }
  if (value < 1) {
    throw new FeeError('INVALID_COUNT', field, `${COUNT_LABELS[field]}: phải từ 1 trở lên (nhận được ${value})`);
  }
  if (value > 1_000_000) {
    throw new FeeError('INVALID_COUNT', field, `${COUNT_LABELS[field]}: quá lớn (${value})`);
  }
  return value;
}

function checkRule(rule: FeeRule): void {
  const problems = feeRuleProblems(rule).filter((p) => p.path[0] !== 'uncertainNote');
  if (rule.kind === 'per_page' && rule.tiers.length === 0) {
    problems.push({ path: ['tiers'], message: 'Bậc giá theo trang: cần ít nhất một bậc' });
  }
  const first = problems[0];
  if (first) throw new FeeError('INVALID_RULE', 'rule', `Quy tắc lệ phí không hợp lệ: ${first.message}`);
}

const safe = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new FeeError('AMOUNT_TOO_LARGE', 'amount', `Số tiền vượt giới hạn tính toán: ${n}`);
  return n;
};

/** Per-page tiers cut at `pages`: [{ from, to, price }] for the pages actually present. */
export function pageSegments(tiers: readonly FeeTier[], pages: number): Array<{ from: number; to: number; price: number }> {
  const out: Array<{ from: number; to: number; price: number }> = [];
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1];
    const to = Math.min(pages, next ? next.fromPage - 1 : pages);
    if (to >= tier.fromPage) out.push({ from: tier.fromPage, to, price: tier.pricePerPage });
  });
  return out;
}

/** The fee of one copy of an original of `pages` pages under a per-page rule, cap applied. */
export function perPageFeePerCopy(rule: Extract<FeeRule, { kind: 'per_page' }>, pages: number): number {
  const sum = pageSegments(rule.tiers, pages).reduce((acc, s) => acc + (s.to - s.from + 1) * s.price, 0);
  return rule.capPerCopy === null ? sum : Math.min(sum, rule.capPerCopy);
}

const pageRange = (from: number, to: number): string => (from === to ? `trang ${from}` : `trang ${from}–${to}`);

function grossLines(rule: FeeRule, input: FeeInput): FeeLine[] {
  switch (rule.kind) {
    case 'free':
      return [];
    case 'fixed': {
      const cases = countOf(input, 'cases', 1);
      return [{ label: rule.label, quantity: cases, unit: rule.unit, unitPrice: rule.amount, amount: safe(cases * rule.amount) }];
    }
    case 'per_copy': {
      const copies = countOf(input, 'copies', 1);
      return [{ label: rule.label, quantity: copies, unit: rule.unit, unitPrice: rule.amount, amount: safe(copies * rule.amount) }];
    }
    case 'per_page': {
      const pages = countOf(input, 'pages', undefined);
      const copies = countOf(input, 'copies', 1);
      const segments = pageSegments(rule.tiers, pages);
      const uncapped = segments.reduce((acc, s) => acc + (s.to - s.from + 1) * s.price, 0);
      if (rule.capPerCopy !== null && uncapped > rule.capPerCopy) {
        return [
          {
            label: `${rule.label}: bản ${pages} trang, áp dụng mức tối đa ${formatVnd(rule.capPerCopy)}/bản`,
            quantity: copies,
            unit: 'bản',
            unitPrice: rule.capPerCopy,
            amount: safe(copies * rule.capPerCopy),
          },
        ];
      }
      return segments.map((s) => {
        const quantity = (s.to - s.from + 1) * copies;
        const perCopy = copies > 1 ? ` × ${copies} bản` : '';
        return {
          label: `${rule.label}: ${pageRange(s.from, s.to)}${perCopy}`,
          quantity,
          unit: 'trang',
          unitPrice: s.price,
          amount: safe(quantity * s.price),
        };
      });
    }
  }
}

/** Computes the fee of a rule for one request. Throws `FeeError` (see the module comment). */
export function computeFee(rule: FeeRule, input: FeeInput = {}): FeeResult {
  checkRule(rule);
  const lines = grossLines(rule, input);
  const gross = safe(lines.reduce((acc, l) => acc + l.amount, 0));
  const base: FeeResult = { amount: gross, gross, lines, uncertain: rule.uncertain };
  if (rule.uncertainNote) base.uncertainNote = rule.uncertainNote;
  if (rule.kind === 'free' || !input.categories?.length) return base;
  const ticked = new Set(input.categories);
  const exemption = rule.exemptions.find((e) => ticked.has(e.category));
  if (!exemption) return base;
  const label = EXEMPTION_CATEGORY_LABELS[exemption.category];
  const waived: FeeLine[] =
    gross > 0 ? [{ label: `Miễn: ${label}`, quantity: 1, unit: '', unitPrice: -gross, amount: -gross }] : [];
  return { ...base, amount: 0, lines: [...lines, ...waived], exemptedBy: label, exemptedCategory: exemption.category };
}

/** `computeFee` without throwing: `{ ok: true, value } | { ok: false, error: { code, field, message } }`. */
export function tryComputeFee(rule: FeeRule, input: FeeInput = {}): FeeOutcome {
  try {
    return { ok: true, value: computeFee(rule, input) };
  } catch (err) {
    if (err instanceof FeeError) return { ok: false, error: { code: err.code, field: err.field, message: err.message } };
    throw err;
  }
}

/** Adds several results (e.g. one per document certified in one visit). Uncertain if any is. */
export function sumFees(results: readonly FeeResult[]): { amount: number; gross: number; uncertain: boolean } {
  return {
    amount: safe(results.reduce((a, r) => a + r.amount, 0)),
    gross: safe(results.reduce((a, r) => a + r.gross, 0)),
    uncertain: results.some((r) => r.uncertain),
  };
}

/** A rule in one Vietnamese sentence, e.g. "2.000 đồng/trang (trang 1–2); 1.000 đồng/trang (từ trang 3); tối đa 200.000 đồng/bản". */
export function describeFeeRule(rule: FeeRule): string {
  const exempt =
    rule.kind !== 'free' && rule.exemptions.length > 0
      ? `; miễn cho: ${rule.exemptions.map((e) => EXEMPTION_CATEGORY_LABELS[e.category].toLocaleLowerCase('vi')).join(', ')}`
      : '';
  const unsure = rule.uncertain ? ' (cần xác minh)' : '';
  switch (rule.kind) {
    case 'free':
      return `${rule.reason || 'Không thu'}${unsure}`;
    case 'fixed':
    case 'per_copy':
      return `${formatVnd(rule.amount)}/${rule.unit}${exempt}${unsure}`;
    case 'per_page': {
      const tiers = rule.tiers.map((t, i) => {
        const next = rule.tiers[i + 1];
        const range = next
          ? next.fromPage - 1 === t.fromPage
            ? `trang ${t.fromPage}`
            : `trang ${t.fromPage}–${next.fromPage - 1}`
          : `từ trang ${t.fromPage}`;
        return `${formatVnd(t.pricePerPage)}/trang (${range})`;
      });
      const cap = rule.capPerCopy === null ? '' : `; tối đa ${formatVnd(rule.capPerCopy)}/bản`;
      return `${tiers.join('; ')}${cap}${exempt}${unsure}`;
    }
  }
}
