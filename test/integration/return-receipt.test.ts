import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../electron/services/desk';
import type { SessionSlot } from '../../electron/services/gate';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { intake, wardDesk } from '../support/desk';

/**
 * The papers of the end of a dossier's life: the receipt (BN) the desk issues when it returns the result at the
 * counter (who collected it, on what proof, the fee), none for a return by post, and Mẫu 03 after appraisal when the
 * specialist finishes with a refusal.
 */
const desks: Desk[] = [];
afterEach(() => desks.splice(0).forEach((d) => d.close()));

interface Doc {
  id: number;
  form: string;
  number: string | null;
  version: number;
  fileName: string;
  templateVersion: string;
}
interface Detail {
  dossier: { id: number; code: string; status: number };
  documents: Doc[];
}

/** Tuesday 24/11/2026, 09:00 in Vietnam: a desk with its administrator, a reception officer and a specialist. */
async function ward() {
  const w = await wardDesk('2026-11-24T02:00:00Z');
  desks.push(w.desk);
  const mai = (await w.account('mai.nguyen', 'Nguyễn Thị Mai', 'reception', [])).slot;
  const binh = (await w.account('binh.tran', 'Trần Văn Bình', 'specialist', ['Hộ tịch'])).slot;
  const call = <T = Detail>(who: SessionSlot & { password: string }, method: string, input: unknown) => w.call<T>(who, method, input);
  const act = (who: SessionSlot & { password: string }, id: number, action: unknown) => call(who, 'applyDossierAction', { id, action });
  const pdfText = async (id: number) => {
    const doc = await call<{ contentBase64: string }>(mai, 'getDocument', { id });
    return (await readPdf(Buffer.from(doc.contentBase64, 'base64'))).map((p) => p.text).join('\n');
  };
  /** Accepted, forwarded to Bình, in processing. */
  const inProcessing = async (fullName = 'NGUYỄN THỊ PHÚC') => {
    const created = await call<{ id: number }>(mai, 'createDossier', { ...intake({ fullName }), accept: true });
    await act(mai, created.id, { type: 'forward', to: 'specialist' });
    await act(binh, created.id, { type: 'startProcessing' });
    return created.id;
  };
  return { ...w, mai, binh, call, act, pdfText, inProcessing };
}

const expectAll = (text: string, strings: string[]) => {
  for (const s of strings) expect(squash(text), s).toContain(squash(s));
};

describe('the receipt for a result returned at the counter', () => {
  it('is issued, numbered and stored with the return; reprinted as the same document; refused before it', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    w.clock.set('2026-11-25T03:00:00Z'); // Wednesday 10:00
    await w.act(w.binh, id, {
      type: 'finish',
      result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân', number: '12/2026/XNTTHN', signedOn: '2026-11-25' },
    });

    // Nothing to reprint before the return.
    const early = await w.attempt(w.mai, 'issueDocument', { dossierId: id, form: 'BN' });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'Hồ sơ chưa có Giấy biên nhận trả kết quả; giấy được lập khi trả kết quả cho người nhận tại Bộ phận Một cửa.' },
    });

    w.clock.set('2026-11-26T02:30:00Z'); // Thursday 09:30
    const returned = await w.act(w.mai, id, {
      type: 'returnResult',
      method: 'counter',
      receivedBy: {
        name: '  Trần Thị Hương ',
        proof: 'slip',
        authorised: true,
        authorisation: 'Giấy ủy quyền ngày 20/11/2026, chứng thực tại UBND phường Tĩnh Gia, số 45/2026',
      },
      fee: { amount: 30_000, receiptNo: 'BL-0001234' },
    });
    expect(returned.dossier.status).toBe(10);
    const receipts = returned.documents.filter((d) => d.form === 'BN');
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt).toMatchObject({ number: '1/2026', version: 1, templateVersion: 'DESK/bien-nhan-tra-ket-qua@1' });
    expect(receipt.fileName).toBe(`${returned.dossier.code}-bien-nhan-tra-ket-qua.pdf`);

    const text = await w.pdfText(receipt.id);
    expect(/\p{M}/u.test(text)).toBe(false);
    expectAll(text, [
      'GIẤY BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Số: 1/2026',
      'Tĩnh Gia, ngày 26 tháng 11 năm 2026',
      `Mã hồ sơ: ${returned.dossier.code}`,
      'Người nộp hồ sơ: Ông/Bà NGUYỄN THỊ PHÚC',
      'Kết quả giải quyết: Giấy xác nhận tình trạng hôn nhân số 12/2026/XNTTHN ngày 25/11/2026',
      'Người nhận kết quả: Ông/Bà Trần Thị Hương',
      'Là người được ủy quyền nhận kết quả của Ông/Bà NGUYỄN THỊ PHÚC, theo văn bản ủy quyền: Giấy ủy quyền ngày 20/11/2026, chứng thực tại UBND phường Tĩnh Gia, số 45/2026',
      'Giấy tờ xuất trình: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)',
      'Phí, lệ phí đã thu: 30.000 đồng (Ba mươi nghìn đồng)',
      'Biên lai thu phí, lệ phí số: BL-0001234',
      'Thời gian trả kết quả: 09 giờ 30 phút, ngày 26/11/2026',
      'NGƯỜI NHẬN KẾT QUẢ',
      'CÁN BỘ TRẢ KẾT QUẢ',
      'Nguyễn Thị Mai', // the officer who returned it
      'Liên 1: Lưu hồ sơ tại Bộ phận Một cửa',
      'Liên 2: Giao người nhận kết quả',
    ]);

    // A reprint is the stored document.
    const again = await w.call<Doc>(w.mai, 'issueDocument', { dossierId: id, form: 'BN' });
    expect(again.id).toBe(receipt.id);

    // The next receipt of the year takes the next number.
    const other = await w.inProcessing('TRẦN VĂN ĐỨC');
    await w.act(w.binh, other, { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    const second = await w.act(w.mai, other, { type: 'returnResult', method: 'counter', receivedBy: { name: 'TRẦN VĂN ĐỨC', proof: 'id' } });
    const doc = second.documents.find((d) => d.form === 'BN')!;
    expect(doc.number).toBe('2/2026');
    const plain = await w.pdfText(doc.id);
    expectAll(plain, ['Giấy tờ xuất trình: Giấy tờ tùy thân (thay cho Giấy tiếp nhận hồ sơ và hẹn trả kết quả)']);
    for (const absent of ['ủy quyền', 'Phí, lệ phí', 'Biên lai']) expect(squash(plain)).not.toContain(squash(absent));
  });

  it('shows an exemption with its reason', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    await w.act(w.binh, id, { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    const returned = await w.act(w.mai, id, {
      type: 'returnResult',
      method: 'counter',
      receivedBy: { name: 'NGUYỄN THỊ PHÚC', proof: 'slip' },
      fee: { amount: 0, exemptReason: 'Người có công với cách mạng' },
    });
    const text = await w.pdfText(returned.documents.find((d) => d.form === 'BN')!.id);
    expectAll(text, ['Phí, lệ phí: Miễn (lý do miễn: Người có công với cách mạng)']);
    expect(squash(text)).not.toContain(squash('đã thu'));
  });

  it('issues none for a return by post', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    await w.act(w.binh, id, { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    const posted = await w.act(w.mai, id, { type: 'returnResult', method: 'post', postalItem: 'EE123456785VN' });
    expect(posted.dossier.status).toBe(10);
    expect(posted.documents.map((d) => d.form)).not.toContain('BN');
    const r = await w.attempt(w.mai, 'issueDocument', { dossierId: id, form: 'BN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('is not issued when the return is refused (no recipient named), and nothing is numbered', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    await w.act(w.binh, id, { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    const bad = await w.attempt(w.mai, 'applyDossierAction', {
      id,
      action: { type: 'returnResult', method: 'counter', receivedBy: { name: 'Trần Thị Hương', proof: 'slip', authorised: true } },
    });
    expect(bad).toMatchObject({ ok: false, error: { message: 'Người được ủy quyền nhận kết quả phải có văn bản ủy quyền' } });
    const ok = await w.act(w.mai, id, { type: 'returnResult', method: 'counter', receivedBy: { name: 'NGUYỄN THỊ PHÚC', proof: 'slip' } });
    expect(ok.documents.find((d) => d.form === 'BN')?.number).toBe('1/2026');
  });

  it('refuses an unknown form in Vietnamese', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    const r = await w.attempt(w.mai, 'issueDocument', { dossierId: id, form: '08' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(r.ok || r.error.message).toContain('Văn bản phải là Mẫu 01–06 hoặc Giấy biên nhận trả kết quả (BN)');
  });
});

describe('Mẫu 03 after appraisal', () => {
  it('is issued when the specialist finishes with a refusal, with the reason, and the receipt then tells the refusal', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    w.clock.set('2026-11-25T03:00:00Z');
    const reason = 'Người yêu cầu đang có vợ theo Giấy chứng nhận kết hôn số 21/2019, chưa ly hôn.';
    const done = await w.act(w.binh, id, {
      type: 'finish',
      result: { kind: 'rejected', summary: 'Văn bản từ chối xác nhận tình trạng hôn nhân', number: '15/UBND-TP', signedOn: '2026-11-25', reason: `  ${reason} ` },
    });
    expect(done.dossier.status).toBe(9);
    const refusals = done.documents.filter((d) => d.form === '03');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ number: '1/2026', templateVersion: 'TT03-2025/mau03@3' });
    const text = await w.pdfText(refusals[0]!.id);
    expect(/\p{M}/u.test(text)).toBe(false);
    expectAll(text, [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Tiếp nhận hồ sơ của Ông/Bà: NGUYỄN THỊ PHÚC (Trực tiếp)',
      'Thời gian tiếp nhận hồ sơ: 09 giờ 00 phút, ngày 24/11/2026',
      'Qua thẩm định, cơ quan có thẩm quyền giải quyết xác định hồ sơ của Ông/Bà không đủ điều kiện giải quyết.',
      'thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:',
      reason,
      'Kết quả giải quyết: Văn bản từ chối xác nhận tình trạng hôn nhân số 15/UBND-TP ngày 25/11/2026',
      'Hồ sơ đã nộp được trả lại cho Ông/Bà kèm theo Phiếu này.',
      'NGƯỜI LẬP PHIẾU',
      'Trần Văn Bình',
    ]);
    expect(squash(text)).not.toContain(squash('Qua xem xét'));
    expect(squash(text)).not.toContain(squash('NGƯỜI TIẾP NHẬN HỒ SƠ'));

    // The desk reprints it to hand over, and the receipt says the result was a refusal.
    const again = await w.call<Doc>(w.mai, 'issueDocument', { dossierId: id, form: '03' });
    expect(again.id).toBe(refusals[0]!.id);
    const returned = await w.act(w.mai, id, { type: 'returnResult', method: 'counter', receivedBy: { name: 'NGUYỄN THỊ PHÚC', proof: 'slip' } });
    const receipt = await w.pdfText(returned.documents.find((d) => d.form === 'BN')!.id);
    expectAll(receipt, [
      'Kết quả giải quyết: Văn bản từ chối xác nhận tình trạng hôn nhân số 15/UBND-TP ngày 25/11/2026 (hồ sơ không đủ điều kiện giải quyết)',
      `Lý do không giải quyết: ${reason}`,
    ]);
  });

  it('issues nothing for a granted finish', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    const before = (await w.call<Detail>(w.mai, 'getDossier', { id })).documents.length;
    const done = await w.act(w.binh, id, { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân' } });
    expect(done.documents).toHaveLength(before);
  });

  it('issues nothing when a rejection has no reason (the rule refuses it)', async () => {
    const w = await ward();
    const id = await w.inProcessing();
    const r = await w.attempt(w.binh, 'applyDossierAction', { id, action: { type: 'finish', result: { kind: 'rejected', summary: 'Văn bản từ chối' } } });
    expect(r).toMatchObject({ ok: false, error: { message: 'Kết quả từ chối giải quyết phải ghi rõ lý do' } });
    expect((await w.call<Detail>(w.mai, 'getDossier', { id })).documents.map((d) => d.form)).not.toContain('03');
  });
});
