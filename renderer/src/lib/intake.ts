import { WARD_ROLE_LABELS, type ExemptionCategory, type IntakeInput, type Procedure } from '../../../electron/contract';

/** The intake form's fee fields: what the fee depends on (pages and copies for chứng thực, exemption categories). */
export interface FeeValues {
  pages: number | null;
  copies: number | null;
  categories: ExemptionCategory[];
}

export const NO_FEE_VALUES: FeeValues = { pages: null, copies: null, categories: [] };

/** The fee fields as the contract's fee input (empty counts left out: the desk then says what is missing). */
export function toFeeInput(v: Partial<FeeValues> | undefined): NonNullable<IntakeInput['fee']> {
  const fee: NonNullable<IntakeInput['fee']> = {};
  if (typeof v?.pages === 'number') fee.pages = v.pages;
  if (typeof v?.copies === 'number') fee.copies = v.copies;
  if (v?.categories && v.categories.length > 0) fee.categories = v.categories;
  return fee;
}

/** The competent unit of a procedure in words. */
export function competentUnitText(p: Procedure): string {
  return p.competentUnit.kind === 'ward_role' ? WARD_ROLE_LABELS[p.competentUnit.role] : p.competentUnit.name;
}

/** A checklist row as the catalogue declares it: counts and "required" from the procedure, pages still to be said. */
export function catalogueRow(c: Procedure['components'][number]) {
  return {
    name: c.name,
    originals: c.originals,
    certifiedCopies: c.certifiedCopies,
    photocopies: c.photocopies,
    required: c.required,
    pages: null,
  };
}
