/**
 * Amounts of money in Vietnamese words and figures, for receipts and slips ("Mười nghìn đồng", "10.000 đồng").
 *
 * Reading conventions (written, administrative style — the way amounts are spelt on receipts and invoices):
 * - Groups of three digits: nghìn (not "ngàn"), triệu, tỷ (not "tỉ"); above a billion the high part is read as a
 *   number followed by "tỷ": 1 000 000 000 000 = "một nghìn tỷ".
 * - A group after a higher non-zero group is read in full: 1 050 000 = "một triệu không trăm năm mươi nghìn",
 *   1 005 = "một nghìn không trăm linh năm". Groups that are all zero are skipped: 2 000 000 000 = "hai tỷ".
 * - Zero tens before a unit digit: "linh" (northern usage, Thanh Hóa): 105 = "một trăm linh năm"; option "lẻ".
 * - Tens: 10–19 are "mười …", 20 and up "… mươi".
 * - Unit 1 after tens ≥ 2 is "mốt" (21 = "hai mươi mốt"); after "mười" or "linh" it stays "một" (11, 101).
 * - Unit 5 after any tens digit is "lăm" (15 = "mười lăm", 25 = "hai mươi lăm"); after "linh" it stays "năm" (105).
 * - Unit 4 after tens ≥ 2 is "bốn" by default (24 = "hai mươi bốn"): written administrative documents and
 *   accounting software spell it so; "tư" is the spoken form and is available as an option. After "mười" it is
 *   always "bốn" (14 = "mười bốn").
 * - The first letter is capitalised and "đồng" is appended: 0 = "Không đồng".
 *
 * Any safe integer from 0 to Number.MAX_SAFE_INTEGER is accepted (far beyond the 999 tỷ a desk will ever see).
 */

export interface ReadingOptions {
  /** Unit digit 4 after a tens digit of 2 or more: "bốn" (default) or "tư". */
  four?: 'bốn' | 'tư';
  /** Word for zero tens before a unit digit: "linh" (default) or "lẻ". */
  zeroTens?: 'linh' | 'lẻ';
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const digit = (d: number): string => DIGITS[d] ?? '';

function assertAmount(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} phải là số nguyên (đồng): ${n}`);
}

/** Reads 0–999. `full` reads the hundreds even when zero ("không trăm …"), as needed after a higher group. */
function readTriple(n: number, full: boolean, o: Required<ReadingOptions>): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const hundredsRead = full || h > 0;
  if (hundredsRead) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (hundredsRead) words.push(o.zeroTens);
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push(o.four);
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

/** Reads 1–999 999 999 (0 gives no words). */
function readBelowBillion(n: number, full: boolean, o: Required<ReadingOptions>): string[] {
  const groups: Array<[number, string]> = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1_000) % 1_000, 'nghìn'],
    [n % 1_000, ''],
  ];
  const words: string[] = [];
  let started = full;
  for (const [value, unit] of groups) {
    if (value === 0) continue;
    words.push(...readTriple(value, started, o));
    if (unit) words.push(unit);
    started = true;
  }
  return words;
}

function readNumber(n: number, o: Required<ReadingOptions>): string[] {
  if (n === 0) return ['không'];
  if (n < 1_000_000_000) return readBelowBillion(n, false, o);
  const high = Math.floor(n / 1_000_000_000);
  const low = n % 1_000_000_000;
  return [...readNumber(high, o), 'tỷ', ...(low > 0 ? readBelowBillion(low, true, o) : [])];
}

const withDefaults = (o: ReadingOptions = {}): Required<ReadingOptions> => ({
  four: o.four ?? 'bốn',
  zeroTens: o.zeroTens ?? 'linh',
});

/** A non-negative integer in lower-case Vietnamese words: 21 → "hai mươi mốt". */
export function numberInWords(n: number, options?: ReadingOptions): string {
  assertAmount(n, 'Số');
  if (n < 0) throw new RangeError(`Số không được âm: ${n}`);
  return readNumber(n, withDefaults(options)).join(' ');
}

/** An amount in đồng in words, first letter capitalised: 10000 → "Mười nghìn đồng", 0 → "Không đồng". */
export function amountInWords(n: number, options?: ReadingOptions): string {
  assertAmount(n, 'Số tiền');
  if (n < 0) throw new RangeError(`Số tiền không được âm: ${n}`);
  const words = `${numberInWords(n, options)} đồng`;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). Negative numbers keep their minus sign. */
export function groupThousands(n: number): string {
  assertAmount(n, 'Số tiền');
  const abs = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${abs}` : abs;
}

/**
 * An amount in figures: `formatVnd(10000)` → "10.000 đồng"; `formatVnd(10000, 'short')` → "10.000 đ"
 * (the screens' style, docs/architecture.md). Integer đồng only.
 */
export function formatVnd(n: number, style: 'long' | 'short' = 'long'): string {
  return `${groupThousands(n)} ${style === 'short' ? 'đ' : 'đồng'}`;
}
