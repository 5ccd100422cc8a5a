import { FORM_TITLES, type MailKind } from '../contract/documents';
import { formatVnSlipTime } from '../core/vntime';
import { qrPayload } from '../documents/qr';

/** What a citizen's e-mail says. Times are instants, written in Vietnam time. */
export interface MailData {
  kind: MailKind;
  agencyName: string;
  agencyAddress: string;
  agencyPhone: string;
  code: string;
  applicantName: string;
  procedureName: string;
  dueAt?: Date | null;
  newDueAt?: Date | null;
  reason?: string;
  lookupUrl?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Key = 'agencyName' | 'agencyAddress' | 'agencyPhone' | 'code' | 'applicantName' | 'procedureName' | 'dueAt' | 'newDueAt' | 'reason' | 'lookupUrl';

/**
 * A body line. A plain string is dropped when a value it names is empty (no "Điện thoại: " with nothing after it);
 * `{ unless }` is the line said instead when that value is missing.
 */
type Line = string | { unless: Key; text: string };

interface Template {
  subject: string;
  /** Paragraphs; each is lines joined by a line break. */
  body: Line[][];
}

const GREETING: Line[] = ['Kính gửi Ông/Bà {applicantName},'];
const DOSSIER: Line[] = ['- Thủ tục: {procedureName}', '- Mã hồ sơ: {code}'];
const LOOKUP: Line[] = [
  'Ông/Bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ {code} tại: {lookupUrl}',
  { unless: 'lookupUrl', text: 'Ông/Bà có thể hỏi tình trạng hồ sơ bằng mã hồ sơ {code} tại Bộ phận Một cửa.' },
];
const SIGNATURE: Line[][] = [
  ['Trân trọng,', '{agencyName}', 'Địa chỉ: {agencyAddress}', 'Điện thoại: {agencyPhone}'],
  ['Thư này được gửi tự động từ Bộ phận Một cửa. Nếu cần hỗ trợ, xin liên hệ theo số điện thoại hoặc địa chỉ trên.'],
];

/** The Vietnamese e-mails, one per kind (Mẫu 01–05 travel as the attached PDF; "result ready" has none). */
export const MAIL_TEMPLATES: Readonly<Record<MailKind, Template>> = {
  slip: {
    subject: 'Đã tiếp nhận hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['{agencyName} đã tiếp nhận hồ sơ của Ông/Bà:', ...DOSSIER, '- Thời gian hẹn trả kết quả: {dueAt}'],
      [`${FORM_TITLES['01']} (Mẫu 01) được đính kèm thư này. Xin giữ giấy này để nhận kết quả.`],
      LOOKUP,
      ...SIGNATURE,
    ],
  },
  supplement: {
    subject: 'Yêu cầu bổ sung, hoàn thiện hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['Hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện trước khi giải quyết:', ...DOSSIER],
      ['Nội dung cần bổ sung:', '{reason}'],
      [
        `Chi tiết giấy tờ cần mang đến có trong ${FORM_TITLES['02']} (Mẫu 02) đính kèm thư này. ` +
          'Khi đến bổ sung, xin mang theo các giấy tờ đó và báo mã hồ sơ {code}.',
      ],
      ...SIGNATURE,
    ],
  },
  refusal: {
    subject: 'Thông báo từ chối tiếp nhận hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['{agencyName} từ chối tiếp nhận, giải quyết hồ sơ của Ông/Bà:', ...DOSSIER],
      ['Lý do: {reason}'],
      [`${FORM_TITLES['03']} (Mẫu 03) được đính kèm thư này.`],
      ...SIGNATURE,
    ],
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại thời gian trả kết quả hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['Hồ sơ của Ông/Bà chưa giải quyết xong đúng hẹn:', ...DOSSIER, '- Thời gian đã hẹn: {dueAt}'],
      ['Lý do: {reason}'],
      [
        '{agencyName} chân thành xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả: {newDueAt}.',
        { unless: 'newDueAt', text: '{agencyName} chân thành xin lỗi Ông/Bà vì sự chậm trễ này.' },
      ],
      [`${FORM_TITLES['04']} (Mẫu 04) được đính kèm thư này.`],
      LOOKUP,
      ...SIGNATURE,
    ],
  },
  stop: {
    subject: 'Thông báo dừng giải quyết hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['{agencyName} thông báo dừng giải quyết hồ sơ của Ông/Bà:', ...DOSSIER],
      ['Lý do: {reason}'],
      [`${FORM_TITLES['05']} (Mẫu 05) được đính kèm thư này.`],
      ...SIGNATURE,
    ],
  },
  resultReady: {
    subject: 'Đã có kết quả hồ sơ {code} – {agencyName}',
    body: [
      GREETING,
      ['Hồ sơ của Ông/Bà đã có kết quả:', ...DOSSIER, '- Thời gian hẹn trả kết quả: {dueAt}'],
      [
        'Mời Ông/Bà đến nhận kết quả tại Bộ phận Một cửa – {agencyName}, địa chỉ: {agencyAddress}, trong giờ làm việc kể từ khi nhận được thư này.',
        `Khi đến, xin mang theo ${FORM_TITLES['01']} (Mẫu 01) và giấy tờ tùy thân. ` +
          'Nếu nhờ người khác nhận thay, người đó cần mang theo giấy ủy quyền.',
      ],
      LOOKUP,
      ...SIGNATURE,
    ],
  },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Control characters other than line breaks never reach a mail (no hidden text, no header tricks). */
const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();

/** One line for a header: CR/LF and tabs become a space, so a value can never start a new header. */
export const headerSafe = (s: string): string =>
  clean(s)
    .replace(/[\n\t\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

function values(d: MailData): Record<Key, string> {
  const when = (at: Date | null | undefined) => (at ? formatVnSlipTime(at) : '');
  return {
    agencyName: clean(d.agencyName),
    agencyAddress: clean(d.agencyAddress),
    agencyPhone: clean(d.agencyPhone),
    code: clean(d.code),
    applicantName: clean(d.applicantName),
    procedureName: clean(d.procedureName),
    dueAt: when(d.dueAt),
    newDueAt: when(d.newDueAt),
    reason: clean(d.reason ?? ''),
    lookupUrl: clean(d.lookupUrl ?? ''),
  };
}

/** Fills placeholders in one pass: a value containing "{code}" is written as is, never filled again. */
const fill = (template: string, v: Record<Key, string>, oneLine: boolean): string =>
  template.replace(PLACEHOLDER, (_, key: string) => {
    const value = v[key as Key] ?? '';
    return oneLine ? headerSafe(value) : value;
  });

const names = (template: string): Key[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as Key);

function renderLine(line: Line, v: Record<Key, string>): string | null {
  if (typeof line === 'string') return names(line).every((k) => v[k] !== '') ? fill(line, v, false) : null;
  return v[line.unless] === '' ? fill(line.text, v, false) : null;
}

/** The e-mail of a kind: subject (one line), plain text, and the same text as escaped HTML. */
export function renderMail(data: MailData): RenderedMail {
  const template = MAIL_TEMPLATES[data.kind];
  const v = values(data);
  const subject = headerSafe(fill(template.subject, v, true));
  const text = template.body
    .map((para) => para.map((l) => renderLine(l, v)).filter((l): l is string => l !== null).join('\n'))
    .filter((para) => para !== '')
    .join('\n\n')
    .normalize('NFC');
  return { subject, text, html: textToHtml(text, subject) };
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The HTML alternative, derived from the stored plain text (so what was queued is exactly what is sent): paragraphs
 * and line breaks only, every character of the text escaped.
 */
export function textToHtml(text: string, subject: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
  return (
    '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(subject)}</title>\n</head>\n` +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a">\n' +
    `${paragraphs}\n</body>\n</html>\n`
  );
}

/** The dossier's lookup address, by the same rule as the slip's QR code (empty settings: no address). */
export const lookupUrlFor = (template: string, code: string): string =>
  template.trim() === '' ? '' : qrPayload(code, template);
