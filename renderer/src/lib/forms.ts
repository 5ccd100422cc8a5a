import type { TFunction } from 'i18next';
import { isNumberedForm } from '../../../electron/contract';

/** "Mẫu 01" for TT 03/2025's numbered forms; the short name ("Biên nhận") for the desk's own receipt. */
export const formLabel = (t: TFunction, form: string): string =>
  isNumberedForm(form) ? t('form.mau', { number: form }) : t(`form.short.${form}`, { defaultValue: form });

/** The label and the title: "Mẫu 01 · Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
export const formName = (t: TFunction, form: string): string => `${formLabel(t, form)} · ${t(`form.${form}`)}`;
