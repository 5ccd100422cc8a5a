import { z } from 'zod';
import { noMarkup, requiredText, text } from './primitives';

/**
 * The counter's working day (issue 4): attached scans and their review, the queue radar's tabs and flags, the
 * correction of an accepted dossier, and the report of an online package import.
 */

// ---------- Files (attachments and the scan inbox) ----------

/** The only kinds of file the desk keeps; detected from the bytes, never from the name. */
export const ACCEPTED_MIME = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME)[number];

/** Where a file came from: uploaded (picker, drag-and-drop), the watched scan folder, or an online package. */
export const FILE_SOURCES = ['upload', 'scan', 'online'] as const;

export const fileMeta = z.object({
  id: z.number().int(),
  sha256: z.string(),
  /** NFC, no folders, safe on every file system. */
  name: z.string(),
  mime: z.enum(ACCEPTED_MIME),
  size: z.number().int(),
  /** PDF pages; 1 for an image. */
  pages: z.number().int(),
  source: z.enum(FILE_SOURCES),
  /** null while the file waits in the inbox. */
  dossierId: z.number().int().nullable(),
  /** The component it belongs to (from 1); null in the inbox; RESULT_POSITION for a result file. */
  componentPosition: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Pre-check warnings: the file's own (blank pages, …) and, on a dossier, its component's page count check. */
  warnings: z.array(z.string()),
});
export type FileMeta = z.output<typeof fileMeta>;

/**
 * Where a result file sits: the dossier's result (the signed decision, the certificate) attached at finishing, not
 * one of its components (numbered from 1). A position rather than a new column: the files table ties "attached"
 * to "has a position" by a CHECK, and 0 keeps that true without rebuilding the table.
 */
export const RESULT_POSITION = 0;
export const isResultFile = (f: Pick<FileMeta, 'dossierId' | 'componentPosition'>): boolean =>
  f.dossierId !== null && f.componentPosition === RESULT_POSITION;

const fileId = z.number({ error: 'Mã tệp phải là số' }).int().positive();
const position = z.number({ error: 'Số thứ tự thành phần phải là số' }).int().min(1).max(60);

/** One file put against one component of the checklist (position as in the dossier's components, from 1). */
export const attachmentRef = z.object({ fileId, componentPosition: position });
export type AttachmentRef = z.input<typeof attachmentRef>;

export const attachInput = z.object({
  id: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  attachments: z.array(attachmentRef).min(1, { error: 'Chưa chọn tệp nào' }).max(200),
});

export const detachInput = z.object({
  id: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  fileId,
});

export const fileRef = z.object({ id: fileId });

export const inboxView = z.object({
  items: z.array(fileMeta),
  /** The watched scan folder, or null when none is set. */
  scanFolder: z.string().nullable(),
  /** Why the scan folder cannot be read, if it cannot. */
  scanProblem: z.string().nullable(),
  /**
   * Scans the folder refused in the last day, newest first (at most 20): kept in its khong-nhan/ subfolder, each with
   * a note of the reason beside it, so the officer learns why a scan never reached the inbox.
   */
  refused: z.array(z.object({ name: z.string(), reason: z.string(), at: z.string() })),
  maxFileMb: z.number().int(),
});
export type InboxView = z.output<typeof inboxView>;

// ---------- Counter settings ----------

export const counterSettings = z.object({
  /** Absolute folder the scanner saves into; empty = no watched folder. */
  scanFolder: text(500, 'Thư mục máy quét'),
  /** Largest file accepted, megabytes (default 50). */
  maxFileMb: z
    .number({ error: 'Dung lượng tối đa phải là số' })
    .int()
    .min(1, { error: 'Dung lượng tối đa ít nhất 1 MB' })
    .max(500, { error: 'Dung lượng tối đa không quá 500 MB' }),
  /** A dossier with no movement for this many working days is "treo" (stale). */
  staleDays: z
    .number({ error: 'Số ngày phải là số' })
    .int()
    .min(1, { error: 'Số ngày ít nhất là 1' })
    .max(60, { error: 'Số ngày không quá 60' }),
  /** Minutes without use before an officer's session locks itself (the screen asks for the password again). */
  lockMinutes: z
    .number({ error: 'Số phút phải là số' })
    .int()
    .min(1, { error: 'Khóa màn hình sau ít nhất 1 phút' })
    .max(120, { error: 'Khóa màn hình sau không quá 120 phút' })
    .default(10),
});
export type CounterSettings = z.output<typeof counterSettings>;
export const COUNTER_DEFAULTS: CounterSettings = { scanFolder: '', maxFileMb: 50, staleDays: 3, lockMinutes: 10 };

// ---------- Result delivery ----------

export const DELIVERY_METHODS = ['counter', 'post'] as const;
export const deliveryInput = z
  .object({
    method: z.enum(DELIVERY_METHODS, { error: 'Hình thức nhận kết quả không hợp lệ' }),
    /** Required for post. */
    address: text(300, 'Địa chỉ nhận kết quả').pipe(noMarkup('Địa chỉ nhận kết quả')).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'post' && !v.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'Nhận qua bưu chính: cần địa chỉ nhận kết quả' });
    }
  });
export type DeliveryInput = z.input<typeof deliveryInput>;
export const delivery = z.object({ method: z.enum(DELIVERY_METHODS), address: z.string().nullable() });

// ---------- Review ----------

/** đạt / thiếu / không hợp lệ */
export const VERDICTS = ['ok', 'missing', 'invalid'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const reviewInput = z.object({
  id: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  verdicts: z
    .array(
      z
        .object({
          position,
          /** null clears a verdict. */
          verdict: z.enum(VERDICTS, { error: 'Kết quả kiểm tra không hợp lệ' }).nullable(),
          reason: text(500, 'Lý do').pipe(noMarkup('Lý do')).optional(),
        })
        .superRefine((v, ctx) => {
          if (v.verdict === 'invalid' && !v.reason) {
            ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Thành phần không hợp lệ: cần ghi rõ lý do' });
          }
        }),
    )
    .min(1)
    .max(60),
});
export type ReviewInput = z.input<typeof reviewInput>;

// ---------- Queue radar ----------

/**
 * Work states, each a set of national statuses: online (1, submitted online, waiting for acceptance), new (1 at
 * the counter, 2), inProgress (4, 6), supplement (5), ready (9), returned (10), closed (3 refused, 7 withdrawal,
 * 8 stopped), all.
 */
export const QUEUE_TABS = ['online', 'new', 'inProgress', 'supplement', 'ready', 'returned', 'closed', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/**
 * overdue; due within one working day; online past its 8-working-hour acceptance; a paper dossier accepted but not
 * handed over to the competent officer within the NĐ 118 Đ18.2 deadline (forwardLate); no movement for N working days.
 */
export const QUEUE_FLAGS = ['overdue', 'dueSoon', 'acceptanceLate', 'forwardLate', 'stale'] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

export const QUEUE_SORTS = ['received', 'due'] as const;

export const isoDay = z
  .string({ error: 'Ngày phải có dạng yyyy-mm-dd' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày phải có dạng yyyy-mm-dd' });

/** Filters of the radar; all optional, combined with AND. */
export const queueFilters = z.object({
  procedureId: text(80, 'Thủ tục').optional(),
  /** The catalogue's field (lĩnh vực) name. */
  field: text(200, 'Lĩnh vực').optional(),
  channel: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Kênh nộp hồ sơ không hợp lệ' }).optional(),
  assigneeId: z.number({ error: 'Cán bộ không hợp lệ' }).int().positive().optional(),
  /** Received from this Vietnamese calendar day, inclusive. */
  from: isoDay.optional(),
  /** Received up to this Vietnamese calendar day, inclusive. */
  to: isoDay.optional(),
  flag: z.enum(QUEUE_FLAGS, { error: 'Bộ lọc cảnh báo không hợp lệ' }).optional(),
  /**
   * Only the dossiers still to be worked on: neither decided (9 with a result, 10 returned) nor closed (3 refused,
   * 8 stopped). A withdrawal request (7) stays: the desk has yet to stop the dossier or cancel the request, which gives
   * it back to its holder. With assigneeId, "Việc của tôi".
   */
  open: z.boolean({ error: 'Bộ lọc hồ sơ đang giải quyết không hợp lệ' }).optional(),
});

// ---------- Correct and reissue ----------

export const correctionReason = requiredText(500, 'Lý do điều chỉnh').pipe(noMarkup('Lý do điều chỉnh'));

// ---------- Online packages ----------

export const IMPORT_OUTCOMES = ['imported', 'duplicate', 'invalid'] as const;
export const importReport = z.object({
  /** The package's file name as given. */
  fileName: z.string(),
  outcome: z.enum(IMPORT_OUTCOMES),
  portalDossierId: z.string().nullable(),
  dossierId: z.number().int().nullable(),
  code: z.string().nullable(),
  /** One sentence in Vietnamese: what happened. */
  message: z.string(),
  /** Per file of the package (manifest.json, each attachment): what is wrong. Empty unless invalid. */
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type ImportReport = z.output<typeof importReport>;
