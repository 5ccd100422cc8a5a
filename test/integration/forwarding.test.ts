import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract';
import type { Desk } from '../../electron/services/desk';
import { readPdf } from '../unit/documents/pdf-read';
import { intake, wardDesk } from '../support/desk';

/**
 * The second half of a dossier's life through the gate (as both doors call it): the desk forwards to the specialist
 * for the procedure's field, the hand-over's deadline is recorded on the control slip (Mẫu 06), only the assigned
 * specialist works on it, finishing is scored once for the on-time dashboard, and the desk returns the result.
 */
const desks: Desk[] = [];
afterEach(() => desks.splice(0).forEach((d) => d.close()));

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

interface Detail {
  dossier: { id: number; code: string; status: number; assigneeName: string | null };
  events: Array<{ action: string; note: string; officerName: string | null }>;
}

/** Tuesday 24/11/2026, 09:00 in Vietnam: a desk with its administrator, a reception officer and two specialists. */
async function ward(clockIso = '2026-11-24T02:00:00Z') {
  const w = await wardDesk(clockIso);
  desks.push(w.desk);
  const mai = await w.account('mai.nguyen', 'Nguyễn Thị Mai', 'reception', []);
  const binh = await w.account('binh.tran', 'Trần Văn Bình', 'specialist', ['Hộ tịch']);
  const dat = await w.account('dat.le', 'Lê Văn Đạt', 'specialist', ['Đất đai']);
  const call = <T = Detail>(who: Parameters<typeof w.call>[0], method: string, input: unknown) => w.call<T>(who, method, input);
  return { ...w, mai, binh, dat, call };
}

describe('forwarding to the specialist', () => {
  it('goes to the specialist of the procedure field by default, within the hand-over deadline, on the control slip', async () => {
    const w = await ward();
    const created = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake(), accept: true }); // xác nhận TTHN: Hộ tịch
    w.clock.set('2026-11-24T07:00:00Z'); // 14:00, accepted at 09:00: due the close of today
    const sent = await w.call(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'forward', to: 'specialist' } });
    expect(sent.dossier).toMatchObject({ assigneeName: 'Trần Văn Bình' });
    expect(sent.events.at(-1)).toMatchObject({ action: 'forward', note: 'Chuyển hồ sơ đến Trần Văn Bình – Công chức', officerName: 'Nguyễn Thị Mai' });

    // Only Bình works on it: Đạt (another field) is refused, a reception officer cannot finish it.
    const notHis = await w.attempt(w.dat.slot, 'applyDossierAction', { id: created.id, action: { type: 'startProcessing' } });
    expect(code(notHis)).toBe('FORBIDDEN');
    expect(notHis.ok || notHis.error.message).toMatch(/không được giao cho bạn/);
    w.clock.set('2026-11-24T08:00:00Z');
    await w.call(w.binh.slot, 'applyDossierAction', { id: created.id, action: { type: 'startProcessing' } });
    const byDesk = await w.attempt(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận TTHN số 12/2026' } } });
    expect(code(byDesk)).toBe('FORBIDDEN');

    w.clock.set('2026-11-25T03:00:00Z'); // Wednesday 10:00, before the due date (3 working days)
    const done = await w.call(w.binh.slot, 'applyDossierAction', { id: created.id, action: { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận TTHN số 12/2026' } } });
    expect(done.dossier.status).toBe(9);
    const stats = await w.call<{ totals: { early: number; onTime: number; late: number } }>(w.admin, 'onTimeStats', { year: 2026 });
    expect(stats.totals).toMatchObject({ early: 1, onTime: 0, late: 0 });

    // Mẫu 06: the hand-over to Bình with its deadline (the close of 24/11), received when he started, on time.
    const slip = await w.call<{ id: number }>(w.mai.slot, 'issueDocument', { dossierId: created.id, form: '06' });
    const pdf = await w.call<{ contentBase64: string }>(w.mai.slot, 'getDocument', { id: slip.id });
    const text = (await readPdf(Buffer.from(pdf.contentBase64, 'base64'))).map((p) => p.text).join('\n');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toMatch(/Hạn: 17 giờ 00 phút,\s*ngày 24\/11\/2026/);
    expect(text).toMatch(/Nhận: 15 giờ 00 phút,\s*ngày 24\/11\/2026/); // when Bình started
    expect(text).toContain('Đúng hạn');

    // The desk returns the result at the counter.
    w.clock.set('2026-11-25T04:00:00Z');
    const returned = await w.call(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'returnResult', method: 'counter', receivedBy: { name: 'Nguyễn Thị Phúc', proof: 'slip' } } });
    expect(returned.dossier.status).toBe(10);
  });

  it('marks a hand-over after the deadline late: accepted after 15:00, forwarded after the next morning session', async () => {
    const w = await ward('2026-11-24T08:30:00Z'); // 15:30
    const created = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake(), accept: true });
    w.clock.set('2026-11-25T05:00:00Z'); // Wednesday 12:00: past 11:30, the close of the first session
    await w.call(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'forward', to: 'specialist', recipientId: w.binh.id } });
    const slip = await w.call<{ id: number }>(w.mai.slot, 'issueDocument', { dossierId: created.id, form: '06' });
    const pdf = await w.call<{ contentBase64: string }>(w.mai.slot, 'getDocument', { id: slip.id });
    const text = (await readPdf(Buffer.from(pdf.contentBase64, 'base64'))).map((p) => p.text).join('\n');
    expect(text).toMatch(/Hạn: 11 giờ 30 phút,\s*ngày 25\/11\/2026/);
    expect(text).toContain('Quá hạn');
  });

  it('the specialist hands a dossier back to the desk officer who sent it, with the reason, and the desk forwards again', async () => {
    const w = await ward();
    const created = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake(), accept: true });
    await w.call(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'forward', to: 'specialist' } });
    await w.call(w.binh.slot, 'applyDossierAction', { id: created.id, action: { type: 'startProcessing' } });
    const back = await w.call(w.binh.slot, 'applyDossierAction', { id: created.id, action: { type: 'returnToDesk', reason: 'Hồ sơ thuộc lĩnh vực đất đai' } });
    expect(back.dossier).toMatchObject({ status: 4, assigneeName: 'Nguyễn Thị Mai' });
    expect(back.events.at(-1)).toMatchObject({ note: 'Chuyển lại hồ sơ cho Bộ phận Một cửa: Hồ sơ thuộc lĩnh vực đất đai', officerName: 'Trần Văn Bình' });
    expect((await w.attempt(w.binh.slot, 'applyDossierAction', { id: created.id, action: { type: 'startProcessing' } })).ok).toBe(false);
    const again = await w.call(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'forward', to: 'specialist', recipientId: w.dat.id } });
    expect(again.dossier.assigneeName).toBe('Lê Văn Đạt');
    const slip = await w.call<{ id: number }>(w.mai.slot, 'issueDocument', { dossierId: created.id, form: '06' });
    const pdf = await w.call<{ contentBase64: string }>(w.mai.slot, 'getDocument', { id: slip.id });
    const text = (await readPdf(Buffer.from(pdf.contentBase64, 'base64'))).map((p) => p.text).join('\n');
    expect(text).toMatch(/Chuyển lại:\s*Hồ sơ thuộc\s*lĩnh vực đất\s*đai/);
    expect(text).toContain('Lê Văn Đạt');
  });

  it('warns in the history when the body asks for a supplement more than 3 working days after receiving it', async () => {
    const w = await ward();
    const supplement = { type: 'requestSupplement', stage: 'appraisal', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: 'Bổ sung chữ ký' };
    const quick = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake(), accept: true });
    const slow = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake({ fullName: 'Trần Văn Chậm' }), accept: true });
    for (const d of [quick, slow]) await w.call(w.mai.slot, 'applyDossierAction', { id: d.id, action: { type: 'forward', to: 'specialist' } });
    w.clock.set('2026-11-27T02:00:00Z'); // Friday 09:00: 3 working days after Tuesday 09:00
    const inTime = await w.call(w.binh.slot, 'applyDossierAction', { id: quick.id, action: supplement });
    expect(inTime.events.at(-1)!.note).not.toContain('lưu ý');
    w.clock.set('2026-11-27T03:00:00Z'); // an hour later
    const late = await w.call(w.binh.slot, 'applyDossierAction', { id: slow.id, action: supplement });
    expect(late.events.at(-1)!.note).toContain('(lưu ý: yêu cầu bổ sung quá 03 ngày làm việc kể từ khi cơ quan giải quyết nhận hồ sơ)');
    expect(late.dossier.status).toBe(5);
  });

  it('refuses a recipient who is not an active specialist or leader, in Vietnamese', async () => {
    const w = await ward();
    const created = await w.call<{ id: number }>(w.mai.slot, 'createDossier', { ...intake(), accept: true });
    const toDesk = await w.attempt(w.mai.slot, 'applyDossierAction', { id: created.id, action: { type: 'forward', to: 'specialist', recipientId: w.mai.id } });
    expect(toDesk).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Người nhận phải là công chức chuyên môn hoặc lãnh đạo đang hoạt động' } });
    const specialistAccepts = await w.attempt(w.binh.slot, 'createDossier', { ...intake(), accept: true });
    expect(code(specialistAccepts)).toBe('FORBIDDEN');
  });
});
