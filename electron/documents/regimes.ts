/**
 * The legal regime a dossier's forms follow: TT 01/2018 (under NĐ 61/2018) for dossiers received before NĐ 118/2025
 * came into force on 1/7/2025, TT 03/2025 after. A reprint of an old dossier's form uses the form of its time.
 */
import type { LegalRegime } from '../contract/documents';

export type { LegalRegime };

/** 1/7/2025 00:00 in Vietnam (UTC+7). */
export const TT03_2025_FROM = Date.UTC(2025, 5, 30, 17, 0, 0);

export function regimeFor(receivedAt: Date): LegalRegime {
  const t = receivedAt.getTime();
  if (!Number.isFinite(t)) throw new Error('regimeFor: receivedAt is not a valid date');
  return t < TT03_2025_FROM ? 'TT01-2018' : 'TT03-2025';
}
