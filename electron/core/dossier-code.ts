import { yymmdd } from './vntime';

/**
 * Dossier code `{agency code}-{YYMMDD}-{NNNN}` (TT 01/2018 Điều 19, kept by NĐ 118/2025):
 * the reception day in Vietnam time and the agency's daily sequence, at least four digits.
 */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$/;

export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  return `${agencyCode}-${yymmdd(receivedAt)}-${String(sequence).padStart(4, '0')}`;
}

/** The counter key of a day: one sequence per agency per Vietnamese calendar day. */
export const dayKey = (receivedAt: Date): string => yymmdd(receivedAt);

export const isDossierCode = (s: string): boolean => DOSSIER_CODE_PATTERN.test(s);
