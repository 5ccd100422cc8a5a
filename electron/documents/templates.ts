/**
 * Which template draws which form under which legal regime. The forms are numbered as in TT 03/2025 ('01'–'05' here;
 * '06' and '07' are the control slip and the register, drawn elsewhere). Each (regime, form) has its own template
 * object and version, stored with every document it renders.
 * TT 01/2018 had no notice of stopping (its Mẫu 05 was the control slip), so form '05' of an old dossier is the
 * TT 03/2025 notice. 'BN', the desk's receipt for a result returned at the counter, is not a numbered form of either
 * regime: one template serves both.
 */
import type { FormTemplate } from './form-template';
import { MAU01, type SlipVar } from './mau01-template';
import { MAU02, type SupplementVar } from './mau02-template';
import { MAU03, type RefusalTemplate } from './mau03-template';
import { MAU04, type ApologyVar } from './mau04-template';
import { MAU05, type StopVar } from './mau05-template';
import { BIEN_NHAN, type ReceiptVar } from './receipt-template';
import type { LegalRegime } from './regimes';
import { TT01_MAU01 } from './tt01-2018/mau01-template';
import { TT01_MAU02 } from './tt01-2018/mau02-template';
import { TT01_MAU03 } from './tt01-2018/mau03-template';
import { TT01_MAU04 } from './tt01-2018/mau04-template';

export type FormNo = '01' | '02' | '03' | '04' | '05';
export const FORM_NOS: readonly FormNo[] = ['01', '02', '03', '04', '05'];
/** Every form drawn from a template here: the numbered ones and the receipt. */
export type TemplateForm = FormNo | 'BN';

export interface FormTemplates {
  '01': FormTemplate<SlipVar>;
  '02': FormTemplate<SupplementVar>;
  '03': RefusalTemplate;
  '04': FormTemplate<ApologyVar>;
  '05': FormTemplate<StopVar>;
  BN: FormTemplate<ReceiptVar>;
}

export const TEMPLATES: Readonly<Record<LegalRegime, Readonly<FormTemplates>>> = {
  'TT03-2025': { '01': MAU01, '02': MAU02, '03': MAU03, '04': MAU04, '05': MAU05, BN: BIEN_NHAN },
  'TT01-2018': { '01': TT01_MAU01, '02': TT01_MAU02, '03': TT01_MAU03, '04': TT01_MAU04, '05': MAU05, BN: BIEN_NHAN },
};

export function templateFor<F extends TemplateForm>(form: F, regime: LegalRegime = 'TT03-2025'): FormTemplates[F] {
  const set = Object.hasOwn(TEMPLATES, regime) ? TEMPLATES[regime] : undefined;
  if (!set) throw new Error(`Unknown legal regime: ${String(regime)}`);
  const t = Object.hasOwn(set, form) ? set[form] : undefined;
  if (!t) throw new Error(`Unknown form: ${String(form)}`);
  return t;
}
