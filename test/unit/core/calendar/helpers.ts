import { formatVnDateTime, fromVnParts } from '../../../../electron/core/vntime';

export const vn = (y: number, m: number, d: number, h = 0, min = 0): Date => fromVnParts(y, m, d, h, min);
/** Wall-clock text as show() prints it. */
export const show = (d: Date): string => formatVnDateTime(d);

/** The instant of "HH:MM dd/mm/yyyy", Vietnam time (the format show() prints). */
export function at(text: string): Date {
  const m = /^(\d{2}):(\d{2}) (\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) throw new Error(`bad test time ${text}`);
  return vn(Number(m[5]), Number(m[4]), Number(m[3]), Number(m[1]), Number(m[2]));
}
