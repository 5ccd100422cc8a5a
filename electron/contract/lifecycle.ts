import { z } from 'zod';
import { isoInstant, noMarkup, requiredText, text } from './primitives';
import { isoDay } from './counter';

/**
 * The dossier actions an officer takes after intake, as they cross a door. The rules that decide whether an action
 * is allowed (status, role, limits, what must be present) are core/lifecycle's; these schemas only check the shape.
 * Acceptance has its own method (acceptDossier) because it issues Mẫu 01.
 */
const reason = (label = 'Lý do') => requiredText(1000, label);
const note = text(1000, 'Ghi chú').optional();

export const supplementItem = z.object({
  name: requiredText(300, 'Thành phần cần bổ sung'),
  reason: requiredText(500, 'Lý do bổ sung'),
});

export const dossierAction = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('refuse'), reason: reason('Lý do từ chối') }),
    z.object({
      type: z.literal('requestSupplement'),
      stage: z.enum(['reception', 'appraisal'], { error: 'Giai đoạn yêu cầu bổ sung không hợp lệ' }),
      items: z
        .array(supplementItem)
        .min(1, { error: 'Phải nêu ít nhất một thành phần cần bổ sung và lý do' })
        .max(60),
      reason: reason('Lý do yêu cầu bổ sung'),
      /** A second supplement request breaches NĐ 118: allowed only with the reason recorded. */
      override: z.object({ reason: reason('Lý do yêu cầu bổ sung lần hai') }).optional(),
    }),
    z.object({ type: z.literal('supplementReceived'), note }),
    z.object({
      type: z.literal('forward'),
      to: z.enum(['specialist', 'external'], { error: 'Nơi chuyển hồ sơ không hợp lệ' }),
      /** The specialist's account; absent: the active specialist for the procedure's field, if there is one. */
      recipientId: z.number({ error: 'Người nhận phải là một tài khoản' }).int().positive().optional(),
      recipient: text(200, 'Người/cơ quan nhận').optional(),
      note,
    }),
    z.object({ type: z.literal('startProcessing'), note }),
    z.object({ type: z.literal('requestFinancialObligation'), description: reason('Nội dung nghĩa vụ tài chính') }),
    z.object({ type: z.literal('obligationFulfilled'), note }),
    z.object({ type: z.literal('proposeExtension'), newDueAt: isoInstant, reason: reason('Lý do gia hạn') }),
    z.object({ type: z.literal('extend'), newDueAt: isoInstant.optional(), reason: text(1000, 'Lý do gia hạn').optional() }),
    z.object({
      type: z.literal('finish'),
      result: z.object({
        kind: z.enum(['granted', 'rejected'], { error: 'Kết quả giải quyết không hợp lệ' }),
        summary: reason('Nội dung kết quả'),
        reason: text(1000, 'Lý do').optional(),
        /** The result document's number and signing day (e.g. "12/2026/XN-UBND", 2026-11-25). */
        number: text(60, 'Số văn bản kết quả').pipe(noMarkup('Số văn bản kết quả')).optional(),
        signedOn: isoDay.optional(),
        /** The result's scans (the signed decision, the certificate), uploaded to the inbox first (POST /api/files). */
        files: z
          .array(z.number({ error: 'Mã tệp phải là số' }).int().positive())
          .max(20, { error: 'Tối đa 20 tệp kết quả' })
          .optional(),
      }),
    }),
    z.object({ type: z.literal('returnToDesk'), reason: reason('Lý do chuyển lại Bộ phận Một cửa') }),
    z.object({
      type: z.literal('returnResult'),
      method: z.enum(['counter', 'post', 'online'], { error: 'Hình thức trả kết quả không hợp lệ' }),
      receivedBy: z
        .object({
          name: requiredText(100, 'Người nhận kết quả'),
          proof: z.enum(['slip', 'id'], { error: 'Giấy tờ xuất trình không hợp lệ' }),
          authorised: z.boolean().optional(),
          powerOfAttorney: z.boolean().optional(),
          /** The authorisation's number, date and who certified it, when an authorised person collects. */
          authorisation: text(300, 'Văn bản ủy quyền').pipe(noMarkup('Văn bản ủy quyền')).optional(),
        })
        .optional(),
      /** The fee at return: collected (amount and receipt number) or exempt (with the reason). */
      fee: z
        .object({
          amount: z.number({ error: 'Số tiền phải là số' }).int().min(0, { error: 'Số tiền không âm' }).max(100_000_000),
          receiptNo: text(40, 'Số biên lai').pipe(noMarkup('Số biên lai')).optional(),
          exemptReason: text(300, 'Lý do miễn phí, lệ phí').pipe(noMarkup('Lý do miễn phí, lệ phí')).optional(),
        })
        .optional(),
      postalItem: text(13, 'Số hiệu bưu gửi').optional(),
    }),
    z.object({ type: z.literal('withdraw'), reason: text(1000, 'Lý do rút hồ sơ').optional() }),
    z.object({ type: z.literal('cancelWithdrawal'), reason: reason() }),
    z.object({ type: z.literal('stop'), reason: reason('Lý do dừng giải quyết') }),
  ],
  { error: 'Thao tác không hợp lệ' },
);
export type DossierAction = z.output<typeof dossierAction>;
export type DossierActionType = DossierAction['type'];

export const applyActionInput = z.object({
  id: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  action: dossierAction,
});
export type ApplyActionInput = z.input<typeof applyActionInput>;

/** What the officer may do next, for the screen's buttons. */
export const availableAction = z.object({
  type: z.string(),
  label: z.string(),
  requiresOverride: z.boolean(),
  /** requestSupplement only: the stages possible now (reception before acceptance, appraisal after). */
  stages: z.array(z.enum(['reception', 'appraisal'])).optional(),
});

export const lifecycleSummary = z.object({
  holder: z.enum(['desk', 'specialist', 'external', 'citizen']),
  supplementRequests: z.number().int(),
  extensions: z.number().int(),
  decided: z.boolean(),
  /** Computed, never stored: the due date has passed while the dossier is still open. */
  overdue: z.boolean(),
  /** Working minutes left to the due date (negative when late), null without a due date or once decided. */
  remainingWorkingMinutes: z.number().int().nullable(),
  /** Once finished: early / on time / late as QĐ 766/QĐ-TTg scores it (waiting for the citizen excluded). */
  verdict: z.enum(['early', 'on_time', 'late']).nullable(),
  /**
   * A paper dossier accepted and not yet handed over: by when the desk must forward it (NĐ 118/2025 Đ18.2: the same
   * working day, or the close of the next morning session when accepted at or after 15:00) and whether that passed.
   */
  forwardBy: z.object({ dueAt: z.string(), late: z.boolean() }).nullable(),
});
