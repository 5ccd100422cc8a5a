import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierDetail, IntakeInput } from '../../electron/contract';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { intake, value } from '../support/desk';
import { makePdf, openCounterDesk, sha256, type CounterDesk } from '../support/counter';

/**
 * The counter's decisions on a real desk: per-component review, the reception-stage supplement request (Mẫu 02),
 * refusal (Mẫu 03), withdrawal, the one-supplement rule, and correct-and-reissue of an accepted dossier (Mẫu 01
 * version 2, version 1 kept byte for byte, the name index following the new name).
 */
// One desk for the file (its fonts load once); each test works on dossiers of its own.
let shared: CounterDesk;
beforeAll(async () => {
  shared = await openCounterDesk();
});
afterAll(() => shared.close());
const desk = async () => shared;

const TO_KHAI = 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân';
const pdfText = async (h: CounterDesk, documentId: number) => {
  const doc = value(await h.call('getDocument', { id: documentId }));
  const bytes = Buffer.from(doc.contentBase64, 'base64');
  return { bytes, doc, text: squash((await readPdf(bytes)).map((p) => p.text).join('\n')) };
};
const last = (d: DossierDetail) => d.events.at(-1)!;

describe('E. review and decisions at reception', () => {
  it('records verdicts per component, refuses "không hợp lệ" without a reason in Vietnamese', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    const components = value(await h.call('getDossier', { id: d.id })).components;
    expect(components.map((c) => c.verdict)).toEqual([null, null]);
    const second = components[1]!.name;

    h.clock.advance(5 * 60_000);
    const reviewed = value(
      await h.call('reviewComponents', {
        id: d.id,
        verdicts: [
          { position: 1, verdict: 'ok' },
          { position: 2, verdict: 'missing' },
        ],
      }),
    );
    expect(reviewed.components.map((c) => [c.position, c.verdict, c.verdictReason])).toEqual([
      [1, 'ok', null],
      [2, 'missing', 'Chưa nộp thành phần này'],
    ]);
    expect(last(reviewed)).toMatchObject({
      action: 'reviewed',
      officerName: 'Lê Thị Hoa',
      fromStatus: null,
      toStatus: null,
      note: `${TO_KHAI}: đạt; ${second}: thiếu`,
    });
    expect(reviewed.dossier.status).toBe(1);
    expect(reviewed.dossier.updatedAt).toBe(h.clock().toISOString());

    const noReason = await h.call('reviewComponents', { id: d.id, verdicts: [{ position: 2, verdict: 'invalid' }] });
    expect(noReason).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Thành phần không hợp lệ: cần ghi rõ lý do',
        details: [{ path: 'verdicts.0.reason', message: 'Thành phần không hợp lệ: cần ghi rõ lý do' }],
      },
    });
    const overHttp = await h.api('reviewComponents', { id: d.id, verdicts: [{ position: 2, verdict: 'invalid', reason: '  ' }] });
    expect(overHttp.status).toBe(400);
    const unknown = await h.call('reviewComponents', { id: d.id, verdicts: [{ position: 7, verdict: 'ok' }] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Hồ sơ không có thành phần số 7' } });
    expect(await h.call('reviewComponents', { id: 9999, verdicts: [{ position: 1, verdict: 'ok' }] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Nothing of the refused calls was written.
    expect(value(await h.call('getDossier', { id: d.id })).events.filter((e) => e.action === 'reviewed')).toHaveLength(1);

    const invalid = value(
      await h.call('reviewComponents', {
        id: d.id,
        verdicts: [
          { position: 1, verdict: null },
          { position: 2, verdict: 'invalid', reason: 'Bản sao không có chứng thực' },
        ],
      }),
    );
    expect(invalid.components.map((c) => [c.verdict, c.verdictReason])).toEqual([
      [null, null],
      ['invalid', 'Bản sao không có chứng thực'],
    ]);
    expect(last(invalid).note).toBe(`${TO_KHAI}: chưa kiểm tra; ${second}: không hợp lệ (Bản sao không có chứng thực)`);
  });

  it('asks for a supplement at reception (5, Mẫu 02 with every item), takes it back (1), and allows no second one without override', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    const items = [
      { name: 'Giấy tờ chứng minh đã ly hôn', reason: 'Bản sao chưa được chứng thực' },
      { name: 'Giấy xác nhận nơi cư trú', reason: 'Chưa nộp, cần bản chính' },
    ];
    const asked = value(
      await h.call('applyDossierAction', {
        id: d.id,
        action: { type: 'requestSupplement', stage: 'reception', items, reason: 'Hồ sơ chưa đầy đủ thành phần' },
      }),
    );
    expect(asked.dossier.status).toBe(5);
    expect(asked.lifecycle).toMatchObject({ holder: 'citizen', supplementRequests: 1 });
    expect(asked.documents.map((x) => [x.form, x.version, x.fileName])).toEqual([['02', 1, `${d.code}-mau02.pdf`]]);
    expect(last(asked)).toMatchObject({ action: 'requestSupplement', fromStatus: 1, toStatus: 5 });
    const { text, bytes, doc } = await pdfText(h, asked.documents[0]!.id);
    expect(sha256(bytes)).toBe(doc.sha256);
    for (const item of items) {
      expect(text).toContain(squash(item.name));
      expect(text).toContain(squash(item.reason));
    }
    expect(text).toContain(squash(d.code));
    expect(text).toContain(squash('NGUYỄN THỊ PHÚC'));

    const back = value(await h.call('applyDossierAction', { id: d.id, action: { type: 'supplementReceived', note: 'Đã nộp đủ' } }));
    expect(back.dossier.status).toBe(1);
    expect(last(back)).toMatchObject({ action: 'supplementReceived', fromStatus: 5, toStatus: 1 });

    const second = await h.call('applyDossierAction', {
      id: d.id,
      action: { type: 'requestSupplement', stage: 'reception', items: items.slice(0, 1), reason: 'Lại thiếu' },
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: expect.stringMatching(/chỉ được yêu cầu bổ sung một lần/) },
    });
    const unchanged = value(await h.call('getDossier', { id: d.id }));
    expect(unchanged.dossier.status).toBe(1);
    expect(unchanged.documents.filter((x) => x.form === '02')).toHaveLength(1);

    const overridden = value(
      await h.call('applyDossierAction', {
        id: d.id,
        action: {
          type: 'requestSupplement',
          stage: 'reception',
          items: items.slice(0, 1),
          reason: 'Giấy tờ nộp bổ sung bị sai tên',
          override: { reason: 'Công dân nộp nhầm giấy tờ của người khác' },
        },
      }),
    );
    expect(overridden.dossier.status).toBe(5);
    expect(overridden.lifecycle.supplementRequests).toBe(2);
    expect(last(overridden).note).toMatch(/\[vượt quy định: Công dân nộp nhầm giấy tờ của người khác\]$/);
    expect(overridden.documents.filter((x) => x.form === '02').map((x) => x.version)).toEqual([1, 2]);
  });

  it('refuses with Mẫu 03 holding the reason, and records a withdrawal', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của phường';
    const refused = value(await h.call('applyDossierAction', { id: d.id, action: { type: 'refuse', reason } }));
    expect(refused.dossier.status).toBe(3);
    expect(refused.documents.map((x) => x.form)).toEqual(['03']);
    const { text } = await pdfText(h, refused.documents[0]!.id);
    expect(text).toContain(squash(reason));
    expect(text).toContain(squash(d.code));
    expect(await h.call('applyDossierAction', { id: d.id, action: { type: 'refuse', reason } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });

    const before = value(await h.call('queueCounts', {}));
    const w = value(await h.call('createDossier', intake({ fullName: 'Trần Văn Đức' })));
    value(await h.call('acceptDossier', { id: w.id }));
    const withdrawn = value(
      await h.call('applyDossierAction', { id: w.id, action: { type: 'withdraw', reason: 'Công dân xin rút để bổ sung sau' } }),
    );
    expect(withdrawn.dossier.status).toBe(7);
    expect(last(withdrawn)).toMatchObject({ action: 'withdraw', fromStatus: 2, toStatus: 7 });
    const counts = value(await h.call('queueCounts', {}));
    expect(counts.byStatus['7']).toBe((before.byStatus['7'] ?? 0) + 1);
    expect(counts.byTab.closed).toBe(before.byTab.closed + 1);
    expect(counts.byTab.new).toBe(before.byTab.new);
    expect(value(await h.call('listQueue', { tab: 'closed' })).items.map((r) => r.id)).toEqual(expect.arrayContaining([d.id, w.id]));
  });
});

describe('F. correct and reissue', () => {
  const corrected = (over: Partial<IntakeInput['applicant']>): Omit<IntakeInput, 'channel' | 'attachments' | 'accept'> => {
    const { channel: _c, ...rest } = intake(over);
    return rest;
  };

  it('fixes name and address after acceptance: same code, event with the changes, Mẫu 01 v2, v1 kept byte for byte', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    const { document: v1, dossier: accepted } = value(await h.call('acceptDossier', { id: d.id }));
    const v1Before = value(await h.call('getDocument', { id: v1.id }));
    h.clock.advance(3_600_000);

    const newAddress = 'Thôn Tân Dân, phường Tĩnh Gia, tỉnh Thanh Hóa';
    const reason = 'Nhập sai họ tên và địa chỉ so với CCCD';
    const after = value(
      await h.call('correctDossier', { id: d.id, reason, intake: corrected({ fullName: 'Nguyễn Thị Phương', address: newAddress }) }),
    );
    expect(after.dossier).toMatchObject({
      id: d.id,
      code: d.code,
      status: 2,
      applicantName: 'Nguyễn Thị Phương',
      address: newAddress,
      receivedAt: accepted.receivedAt,
      acceptedAt: accepted.acceptedAt,
      dueAt: accepted.dueAt,
    });
    expect(last(after)).toMatchObject({
      action: 'corrected',
      fromStatus: null,
      toStatus: null,
      note:
        `${reason} — Đã sửa: họ tên: "NGUYỄN THỊ PHÚC" → "Nguyễn Thị Phương"; ` +
        `địa chỉ: "Khu phố Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa" → "${newAddress}"`,
    });
    expect(after.documents.map((x) => [x.form, x.version])).toEqual([
      ['01', 1],
      ['01', 2],
    ]);
    const v2 = after.documents[1]!;
    expect(v2.createdAt).toBe(h.clock().toISOString());
    const v2Text = (await pdfText(h, v2.id)).text;
    expect(v2Text).toContain(squash('Nguyễn Thị Phương'));
    expect(v2Text).toContain(squash(d.code));
    expect(v2Text).not.toContain(squash('NGUYỄN THỊ PHÚC'));

    const v1After = await pdfText(h, v1.id);
    expect(v1After.doc.contentBase64).toBe(v1Before.contentBase64);
    expect(sha256(v1After.bytes)).toBe(v1.sha256);
    expect(v1After.text).toContain(squash('NGUYỄN THỊ PHÚC'));

    // The name index follows: the new name is found, the old one no longer.
    const search = async (q: string) => value(await h.call('listQueue', { q, limit: 500 })).items.map((i) => i.id);
    expect(await search('nguyen thi phuong')).toContain(d.id);
    expect(await search('phuong')).toContain(d.id);
    expect(await search('nguyen thi phuc')).not.toContain(d.id);
    expect((await search('nguyen thi phuc')).length).toBeGreaterThan(0); // the other dossiers still named Phúc
    expect(await search(d.code)).toEqual([d.id]);
  });

  it('refuses a correction that changes nothing, and one of a decided dossier', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    value(await h.call('acceptDossier', { id: d.id }));
    const same = await h.call('correctDossier', { id: d.id, reason: 'Kiểm tra lại', intake: corrected({}) });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Không có thông tin nào thay đổi.' } });
    const noReason = await h.call('correctDossier', { id: d.id, reason: '', intake: corrected({ fullName: 'Nguyễn Thị Phương' }) });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [expect.objectContaining({ path: 'reason' })] } });
    const badId = await h.call('correctDossier', { id: d.id, reason: 'Sai số CCCD', intake: corrected({ idNumber: '999196001234' }) });
    expect(badId).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'intake.applicant.idNumber' }] } });
    const untouched = value(await h.call('getDossier', { id: d.id }));
    expect(untouched.events.map((e) => e.action)).toEqual(['created', 'accepted']);
    expect(untouched.documents).toHaveLength(1);

    value(
      await h.call('applyDossierAction', {
        id: d.id,
        action: { type: 'finish', result: { kind: 'granted', summary: 'Đã cấp Giấy xác nhận tình trạng hôn nhân' } },
      }),
    );
    const decided = await h.call('correctDossier', { id: d.id, reason: 'Sai tên', intake: corrected({ fullName: 'Nguyễn Thị Phương' }) });
    expect(decided).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(value(await h.call('getDossier', { id: d.id })).dossier.applicantName).toBe('NGUYỄN THỊ PHÚC');
    expect(await h.call('correctDossier', { id: 4040, reason: 'x', intake: corrected({}) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('corrects a dossier not yet accepted without issuing a slip', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', intake()));
    const after = value(
      await h.call('correctDossier', { id: d.id, reason: 'Sai số điện thoại', intake: corrected({ phone: '0987 654 321' }) }),
    );
    expect(after.dossier).toMatchObject({ status: 1, phone: '0987654321', code: d.code });
    expect(after.documents).toEqual([]);
    expect(last(after).note).toBe('Sai số điện thoại — Đã sửa: số điện thoại: "0912345678" → "0987654321"');
  });

  it('corrects the fee inputs alone: the history says old → new fee, Mẫu 01 v2 carries the new amount', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', { ...intake({}, 'trich-luc-ban-sao'), fee: { copies: 1 } }));
    value(await h.call('acceptDossier', { id: d.id }));
    const { channel: _c, ...fields } = { ...intake({}, 'trich-luc-ban-sao'), fee: { copies: 1 } };
    const before = value(await h.call('getDossier', { id: d.id }));
    expect(before.fee).toMatchObject({ amount: 8000, inputs: { copies: 1 } });
    // The same inputs again: nothing changed.
    expect(await h.call('correctDossier', { id: d.id, reason: 'Kiểm tra lại', intake: fields })).toMatchObject({
      ok: false,
      error: { message: 'Không có thông tin nào thay đổi.' },
    });

    h.clock.advance(60_000);
    const after = value(await h.call('correctDossier', { id: d.id, reason: 'Công dân xin 3 bản sao', intake: { ...fields, fee: { copies: 3 } } }));
    expect(after.fee).toMatchObject({ amount: 24000, inputs: { copies: 3 } });
    expect(last(after).note).toBe('Công dân xin 3 bản sao — Đã sửa: lệ phí: "8.000 đ (1 bản)" → "24.000 đ (3 bản)"');
    expect(after.documents.map((x) => [x.form, x.version, x.number])).toEqual([
      ['01', 1, before.documents[0]!.number],
      ['01', 2, before.documents[0]!.number],
    ]);
    const v2 = await pdfText(h, after.documents[1]!.id);
    expect(v2.text).toContain(squash('24.000'));
    expect(v2.text).toContain(squash(d.code));

    // An exemption ticked with another change: both are in the history.
    const exempt = value(
      await h.call('correctDossier', {
        id: d.id,
        reason: 'Sai số điện thoại; người nộp thuộc hộ nghèo',
        intake: { ...fields, applicant: { ...fields.applicant, phone: '0987654321' }, fee: { copies: 3, categories: ['ho_ngheo'] } },
      }),
    );
    // trich-luc-ban-sao has no exemption: the category changes nothing, the phone does.
    expect(last(exempt).note).toBe('Sai số điện thoại; người nộp thuộc hộ nghèo — Đã sửa: số điện thoại: "0912345678" → "0987654321"');
    const tthn = value(await h.call('createDossier', { ...intake({ fullName: 'Lê Văn Tâm' }), fee: {} }));
    value(await h.call('acceptDossier', { id: tthn.id }));
    const { channel: _t, ...tthnFields } = intake({ fullName: 'Lê Văn Tâm' });
    const freed = value(
      await h.call('correctDossier', { id: tthn.id, reason: 'Người nộp thuộc hộ nghèo', intake: { ...tthnFields, fee: { categories: ['ho_ngheo'] } } }),
    );
    expect(freed.fee).toMatchObject({ amount: 0, exemptedBy: 'Người thuộc hộ nghèo' });
    expect(last(freed).note).toBe('Người nộp thuộc hộ nghèo — Đã sửa: lệ phí: "15.000 đ" → "0 đ (miễn 15.000 đ: Người thuộc hộ nghèo)"');
  });

  it('corrects the channel between counter and post; an online channel is refused in Vietnamese', async () => {
    const h = await desk();
    const d = value(await h.call('createDossier', { ...intake({ fullName: 'Phạm Văn Bưu' }), accept: true }));
    const { channel: _c, ...fields } = intake({ fullName: 'Phạm Văn Bưu' });
    const post = value(await h.call('correctDossier', { id: d.id, reason: 'Hồ sơ gửi qua bưu điện, ghi nhầm kênh', intake: { ...fields, channel: 3 } }));
    expect(post.dossier.channel).toBe(3);
    expect(last(post).note).toBe('Hồ sơ gửi qua bưu điện, ghi nhầm kênh — Đã sửa: kênh nộp: "Trực tiếp" → "Qua bưu chính công ích"');
    expect(post.documents.map((x) => x.version)).toEqual([1, 2]);
    expect((await pdfText(h, post.documents[1]!.id)).text).toContain(squash('Qua bưu chính công ích'));

    const toOnline = await h.call('correctDossier', { id: d.id, reason: 'Thử', intake: { ...fields, channel: 2 } });
    expect(toOnline).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Không chuyển hồ sơ sang kênh trực tuyến được: hồ sơ trực tuyến chỉ đến từ Cổng Dịch vụ công.',
        details: [{ path: 'intake.channel' }],
      },
    });
    const online = value(await h.call('createDossier', { ...intake({ fullName: 'Đỗ Thị Mạng' }), channel: 2 }));
    const fromOnline = await h.call('correctDossier', { id: online.id, reason: 'Thử', intake: { ...intake({ fullName: 'Đỗ Thị Mạng' }), channel: 1 } });
    expect(fromOnline).toMatchObject({
      ok: false,
      error: { message: 'Hồ sơ nộp trực tuyến: kênh nộp do Cổng Dịch vụ công ghi nhận, không điều chỉnh được.' },
    });
    // The same channel given again is no change; other fields of an online dossier stay correctable.
    const fixed = value(
      await h.call('correctDossier', { id: online.id, reason: 'Sai tên', intake: { ...intake({ fullName: 'Đỗ Thị Mạnh' }), channel: 2 } }),
    );
    expect(last(fixed).note).toBe('Sai tên — Đã sửa: họ tên: "Đỗ Thị Mạng" → "Đỗ Thị Mạnh"');
  });

  it('a procedure changed: the new checklist, the fee from the same inputs, scans of a dropped component back to the inbox', async () => {
    const h = await desk();
    const form = await h.uploadOk('to-khai.pdf', await makePdf(1, 'Tờ khai'));
    const proof = await h.uploadOk('giay-ly-hon.pdf', await makePdf(2, 'Ly hôn'));
    const base = { ...intake({ fullName: 'Vũ Thị Sai' }), fee: { categories: ['ho_ngheo' as const] } };
    const d = value(
      await h.call('createDossier', {
        ...base,
        attachments: [
          { fileId: form.id, componentPosition: 1 },
          { fileId: proof.id, componentPosition: 2 },
        ],
        accept: true,
      }),
    );
    expect(d.notAccepted).toBeNull();
    const { channel: _c, ...fields } = base;

    // Rows removed by the officer: the scan follows its component (fromPosition) to its new place.
    const dropped = value(
      await h.call('correctDossier', {
        id: d.id,
        reason: 'Tờ khai ghi nhầm vào hồ sơ',
        intake: { ...fields, components: [{ name: 'Giấy tờ chứng minh đã ly hôn', originals: 0, certifiedCopies: 1, photocopies: 0, fromPosition: 2 }] },
      }),
    );
    expect(dropped.components.map((c) => c.name)).toEqual(['Giấy tờ chứng minh đã ly hôn']);
    expect(dropped.attachments.map((f) => [f.name, f.componentPosition])).toEqual([['giay-ly-hon.pdf', 1]]);
    expect(last(dropped).note).toBe(
      'Tờ khai ghi nhầm vào hồ sơ — Đã sửa: thành phần hồ sơ; trả về hộp tệp chờ 1 tệp của thành phần không còn trong danh sách: "to-khai.pdf"',
    );
    expect(value(await h.call('getFile', { id: form.id })).dossierId).toBeNull();
    expect(value(await h.call('listInbox', {})).items.map((f) => f.id)).toContain(form.id);

    // Another procedure: its own checklist from the catalogue, the exemption carried over, the due date recomputed.
    h.clock.advance(60_000);
    const moved = value(
      await h.call('correctDossier', { id: d.id, reason: 'Chọn nhầm thủ tục', intake: { ...fields, procedureId: 'khai-sinh', fee: undefined } }),
    );
    const khaiSinh = value(await h.call('listProcedures', {})).find((p) => p.id === 'khai-sinh')!;
    expect(moved.dossier.procedureId).toBe('khai-sinh');
    expect(moved.components.map((c) => c.name)).toEqual(khaiSinh.components.map((c) => c.name));
    expect(moved.fee).toMatchObject({ amount: 0, gross: 8000, exemptedBy: 'Người thuộc hộ nghèo', inputs: { categories: ['ho_ngheo'] } });
    expect(moved.attachments).toEqual([]);
    expect(last(moved).note).toBe(
      `Chọn nhầm thủ tục — Đã sửa: thủ tục: "Cấp Giấy xác nhận tình trạng hôn nhân" → "${khaiSinh.name}"; thành phần hồ sơ; ` +
        'lệ phí: "0 đ (miễn 15.000 đ: Người thuộc hộ nghèo)" → "0 đ (miễn 8.000 đ: Người thuộc hộ nghèo)"; ' +
        'trả về hộp tệp chờ 1 tệp của thành phần không còn trong danh sách: "giay-ly-hon.pdf"',
    );
    expect(moved.documents.filter((x) => x.form === '01').map((x) => x.version)).toEqual([1, 2, 3]);

    // A procedure whose fee needs the page count: refused under that field until it is given.
    const noPages = await h.call('correctDossier', { id: d.id, reason: 'Chọn nhầm thủ tục', intake: { ...fields, procedureId: 'chung-thuc-ban-sao', fee: undefined } });
    expect(noPages).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'intake.fee.pages' }] } });
    const paged = value(
      await h.call('correctDossier', { id: d.id, reason: 'Chọn nhầm thủ tục', intake: { ...fields, procedureId: 'chung-thuc-ban-sao', fee: { pages: 5, copies: 2 } } }),
    );
    expect(paged.fee).toMatchObject({ amount: 14000, inputs: { pages: 5, copies: 2 } });
    expect(last(paged).note).toContain('lệ phí: "0 đ (miễn 8.000 đ: Người thuộc hộ nghèo)" → "14.000 đ (5 trang; 2 bản)"');
  });
});
