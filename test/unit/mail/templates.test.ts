import { describe, expect, it } from 'vitest';
import { MAIL_KINDS, type MailKind } from '../../../electron/contract/documents';
import { lookupUrlFor, renderMail, type MailData } from '../../../electron/mail/templates';

const base = (kind: MailKind, over: Partial<MailData> = {}): MailData => ({
  kind,
  agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia',
  agencyAddress: 'Phường Tĩnh Gia, tỉnh Thanh Hóa',
  agencyPhone: '0237 3862 000',
  code: '000.00.16.H56-261124-0001',
  applicantName: 'NGUYỄN THỊ PHÚC',
  procedureName: 'Cấp bản sao trích lục hộ tịch',
  dueAt: new Date('2026-11-27T09:30:00Z'), // 16 giờ 30 phút, ngày 27/11/2026 in Vietnam
  newDueAt: new Date('2026-12-02T01:00:00Z'), // 08 giờ 00 phút, ngày 02/12/2026
  reason: 'Thiếu bản sao giấy khai sinh',
  lookupUrl: 'https://dichvucong.gov.vn/tra-cuu?ma=000.00.16.H56-261124-0001',
  ...over,
});

const EXPECT: Record<MailKind, { subject: RegExp; body: RegExp[] }> = {
  slip: { subject: /^Đã tiếp nhận hồ sơ 000\.00\.16\.H56-261124-0001 – /, body: [/Mẫu 01/, /16 giờ 30 phút, ngày 27\/11\/2026/, /tra cứu/] },
  supplement: { subject: /^Yêu cầu bổ sung, hoàn thiện hồ sơ /, body: [/Mẫu 02/, /Nội dung cần bổ sung:\nThiếu bản sao giấy khai sinh/, /mang theo/] },
  refusal: { subject: /^Thông báo từ chối tiếp nhận hồ sơ /, body: [/Mẫu 03/, /Lý do: Thiếu bản sao giấy khai sinh/] },
  apology: { subject: /^Thư xin lỗi và hẹn lại thời gian trả kết quả hồ sơ /, body: [/Mẫu 04/, /xin lỗi/, /08 giờ 00 phút, ngày 02\/12\/2026/] },
  stop: { subject: /^Thông báo dừng giải quyết hồ sơ /, body: [/Mẫu 05/, /Lý do: Thiếu bản sao giấy khai sinh/] },
  resultReady: { subject: /^Đã có kết quả hồ sơ /, body: [/đến nhận kết quả/, /Phường Tĩnh Gia, tỉnh Thanh Hóa/, /mang theo Giấy tiếp nhận hồ sơ/] },
};

describe('mail templates', () => {
  it.each(MAIL_KINDS)('%s: Vietnamese subject and body with the dossier, NFC, HTML alternative', (kind) => {
    const m = renderMail(base(kind));
    expect(m.subject).toMatch(EXPECT[kind].subject);
    expect(m.subject).toContain('000.00.16.H56-261124-0001');
    expect(m.text).toContain('Kính gửi Ông/Bà NGUYỄN THỊ PHÚC,');
    expect(m.text).toContain('- Mã hồ sơ: 000.00.16.H56-261124-0001');
    expect(m.text).toContain('- Thủ tục: Cấp bản sao trích lục hộ tịch');
    expect(m.text).toContain('Điện thoại: 0237 3862 000');
    for (const re of EXPECT[kind].body) expect(m.text).toMatch(re);
    expect(m.text).toBe(m.text.normalize('NFC'));
    expect(m.subject).toBe(m.subject.normalize('NFC'));
    expect(m.html).toContain('<html lang="vi">');
    expect(m.html).toContain('NGUYỄN THỊ PHÚC');
    expect(m.text).not.toMatch(/\{\w+\}/); // no placeholder left unfilled
  });

  it('writes decomposed input (NFD from some keyboards) as NFC', () => {
    const m = renderMail(base('slip', { applicantName: 'NGUYỄN THỊ PHÚC'.normalize('NFD') }));
    expect(m.text).toContain('NGUYỄN THỊ PHÚC'.normalize('NFC'));
  });

  it('drops a line whose value is missing, and says the counter instead of a lookup address', () => {
    const m = renderMail(base('slip', { agencyPhone: '', lookupUrl: '' }));
    expect(m.text).not.toContain('Điện thoại:');
    expect(m.text).toContain('tại Bộ phận Một cửa');
    expect(m.text).not.toContain('https://');
  });

  it('keeps markup literal in the text and escaped in the HTML', () => {
    const evil = '<script>alert("x")</script> & {code}';
    const m = renderMail(base('refusal', { reason: evil, applicantName: '<b>Lan</b>' }));
    expect(m.text).toContain(`Lý do: ${evil}`); // "{code}" inside a value is not filled again
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<b>');
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {code}');
    expect(m.html).toContain('&lt;b&gt;Lan&lt;/b&gt;');
  });

  it('never lets a value break the subject line (no header injection)', () => {
    const m = renderMail(base('slip', { code: 'ABC\r\nBcc: victim@example.com', agencyName: 'Trung tâm\nX-Evil: 1' }));
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toBe('Đã tiếp nhận hồ sơ ABC Bcc: victim@example.com – Trung tâm X-Evil: 1');
  });

  it('apology without a new date still apologises, without an empty date', () => {
    const m = renderMail(base('apology', { newDueAt: null }));
    expect(m.text).toContain('chân thành xin lỗi Ông/Bà vì sự chậm trễ này.');
    expect(m.text).not.toContain('hẹn lại thời gian trả kết quả:');
  });

  it('builds the lookup address as the slip QR does', () => {
    expect(lookupUrlFor('https://x.vn/?ma={code}', 'A B')).toBe('https://x.vn/?ma=A%20B');
    expect(lookupUrlFor('https://x.vn/tra-cuu', 'A1')).toBe('https://x.vn/tra-cuu?ma=A1');
    expect(lookupUrlFor('  ', 'A1')).toBe('');
  });
});
