import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import type { Desk } from '../../electron/services/desk';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { RESOURCES, SETUP, intake, openTestDesk, value } from '../support/desk';

/** The domain rules as the desk applies them: calendar, fees, lifecycle, catalogue versions. */
let open: Desk[] = [];
afterEach(() => {
  open.forEach((d) => d.close());
  open = [];
});

async function configured(clockIso: string) {
  const t = openTestDesk(clockIso);
  open.push(t.desk);
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatch(t.desk, method, input) as Promise<Result<MethodOutput<M>>>;
  value(await call('setupDesk', SETUP));
  return { ...t, call };
}

describe('due dates follow the holiday table', () => {
  it('a 3-working-day dossier accepted on Friday 13/02/2026 is due after Tết (14–22/02)', async () => {
    const { call } = await configured('2026-02-13T02:00:00Z'); // 09:00 Friday in Tĩnh Gia
    const d = value(await call('createDossier', intake()));
    const { dossier } = value(await call('acceptDossier', { id: d.id }));
    // 09:00 Fri 13/02 + 24 working hours: the rest of Friday (6 h), Mon 23/02 – Tue 24/02 (16 h), 2 h into Wed 25/02
    expect(dossier.dueAt).toBe('2026-02-25T02:00:00.000Z');
  });

  it('counts the working Saturday 10/01/2026 and skips the compensatory Monday 27/04/2026', async () => {
    const { call } = await configured('2026-01-09T09:00:00Z'); // 16:00 Friday 09/01
    const due = value(await call('computeDue', { receivedAt: '2026-01-09T16:00:00+07:00', workingDays: 0 }));
    expect(due.dueAt).toBe('2026-01-10T10:00:00.000Z'); // same-day procedure after 15:00 → Saturday 10/01 (working), 17:00
    const gioTo = value(await call('computeDue', { receivedAt: '2026-04-24T16:00:00+07:00', procedure: '2.000815' }));
    expect(gioTo.dueAt).toBe('2026-04-28T10:00:00.000Z'); // Fri after 15:00 → not Mon 27/04 (compensatory) → Tue 28/04
  });

  it('shows and confirms the holiday table; a proposal for 2027 comes from the lunar calendar', async () => {
    const { call } = await configured('2026-11-24T02:00:00Z');
    const y2026 = value(await call('getHolidays', { year: 2026 }));
    expect(y2026.table.status).toBe('official');
    expect(y2026.workingDays).toBe(250);
    expect(y2026.offPeriods.map((p) => p.from)).toContain('2026-02-14');
    const proposal = value(await call('proposeHolidays', { year: 2027 }));
    expect(proposal.table.status).toBe('proposed');
    expect(proposal.table.entries.some((e) => e.date === '2027-04-16')).toBe(true); // Giỗ Tổ 10/3 âm lịch 2027
    const saved = value(await call('saveHolidays', { table: proposal.table }));
    expect(saved).toMatchObject({ stored: true, table: { status: 'confirmed', confirmedBy: 'Lê Thị Hoa' } });
    expect(value(await call('getHolidays', { year: 2027 })).table.status).toBe('confirmed');
    const broken = await call('saveHolidays', { table: { ...proposal.table, entries: [{ date: '2026-13-40', kind: 'holiday', name: 'x' }] } });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('fees', () => {
  it('previews the fee live and prints the amount in words on Mẫu 01', async () => {
    const { call } = await configured('2026-11-24T02:00:00Z');
    const preview = value(await call('previewIntake', { procedureId: 'chung-thuc-ban-sao', fee: { pages: 3, copies: 2 } }));
    expect(preview.fee).toMatchObject({ amount: 10_000, words: 'Mười nghìn đồng' });
    expect(value(await call('previewIntake', { procedureId: 'chung-thuc-ban-sao' })).feeProblem?.message).toMatch(/trang/);
    const d = value(await call('createDossier', { ...intake({}, 'chung-thuc-ban-sao'), fee: { pages: 3, copies: 2 } }));
    const { document } = value(await call('acceptDossier', { id: d.id }));
    const pdf = value(await call('getDocument', { id: document.id }));
    const text = squash((await readPdf(Buffer.from(pdf.contentBase64, 'base64'))).map((p) => p.text).join(''));
    expect(text).toContain(squash('10.000 đồng (Mười nghìn đồng)'));
    expect(value(await call('getDossier', { id: d.id })).fee?.amount).toBe(10_000);
  });
});

describe('lifecycle through the desk', () => {
  it('one supplement request; a second needs an override with its reason; every step is an event', async () => {
    const { call } = await configured('2026-11-24T02:00:00Z');
    const d = value(await call('createDossier', intake()));
    const ask = { type: 'requestSupplement' as const, stage: 'reception' as const, reason: 'Hồ sơ chưa đầy đủ', items: [{ name: 'Tờ khai', reason: 'Chưa ký' }] };
    const first = value(await call('applyDossierAction', { id: d.id, action: ask }));
    expect(first.dossier.status).toBe(5);
    value(await call('applyDossierAction', { id: d.id, action: { type: 'supplementReceived' } }));
    const second = await call('applyDossierAction', { id: d.id, action: ask });
    expect(second).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    const overridden = value(
      await call('applyDossierAction', { id: d.id, action: { ...ask, override: { reason: 'Công dân nộp nhầm tờ khai khác' } } }),
    );
    expect(overridden.lifecycle.supplementRequests).toBe(2);
    expect(overridden.events.map((e) => e.action)).toEqual(['created', 'requestSupplement', 'supplementReceived', 'requestSupplement']);
    expect(overridden.events.at(-1)?.note).toBeTruthy();
  });

  it('forward, finish and return; stop is refused after the decision; overdue is computed', async () => {
    const { call, clock } = await configured('2026-11-24T02:00:00Z');
    const d = value(await call('createDossier', intake()));
    value(await call('acceptDossier', { id: d.id }));
    value(await call('applyDossierAction', { id: d.id, action: { type: 'forward', to: 'specialist' } }));
    clock.set('2026-12-10T02:00:00Z'); // long past the 3-working-day limit
    const late = value(await call('getDossier', { id: d.id }));
    expect(late.lifecycle).toMatchObject({ overdue: true, holder: 'specialist', decided: false });
    value(await call('applyDossierAction', { id: d.id, action: { type: 'startProcessing' } }));
    value(await call('applyDossierAction', { id: d.id, action: { type: 'finish', result: { kind: 'granted', summary: 'Đã cấp giấy xác nhận' } } }));
    const stop = await call('applyDossierAction', { id: d.id, action: { type: 'stop', reason: 'Công dân xin dừng' } });
    expect(stop).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const returned = value(await call('applyDossierAction', { id: d.id, action: { type: 'returnResult', method: 'counter', receivedBy: { name: 'Nguyễn Thị Phúc', proof: 'slip' } } }));
    expect(returned.dossier.status).toBe(10);
    expect(returned.lifecycle).toMatchObject({ decided: true, overdue: false, verdict: 'late' });
    expect(returned.actions).toEqual([]);
  });
});

describe('on time as QĐ 766 scores it', () => {
  it('a same-day certification finished that afternoon is on time; a 3-day dossier finished next day is early', async () => {
    const { call, clock } = await configured('2026-11-24T02:00:00Z'); // 09:00
    const sameDay = value(await call('createDossier', { ...intake({}, 'chung-thuc-chu-ky') }));
    const threeDays = value(await call('createDossier', intake()));
    for (const id of [sameDay.id, threeDays.id]) value(await call('acceptDossier', { id }));
    clock.set('2026-11-24T08:00:00Z'); // 15:00
    const finish = { type: 'finish' as const, result: { kind: 'granted' as const, summary: 'Đã chứng thực' } };
    expect(value(await call('applyDossierAction', { id: sameDay.id, action: finish })).lifecycle.verdict).toBe('on_time');
    clock.set('2026-11-25T03:00:00Z');
    expect(value(await call('applyDossierAction', { id: threeDays.id, action: finish })).lifecycle.verdict).toBe('early');
  });
});

describe('catalogue versions', () => {
  it('imports a newer catalogue with a report, and a dossier keeps the rules it was received under', async () => {
    const { call, clock } = await configured('2026-11-24T02:00:00Z');
    const before = value(await call('createDossier', intake()));
    const shipped = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'catalogue', 'procedures.json'), 'utf8'));
    const tthn = shipped.procedures.find((p: { id: string }) => p.id === 'xac-nhan-tthn');
    tthn.timeLimit = { kind: 'working_days', days: 5, sameDayCutoff: null };
    shipped.version = '2099-01-01.1';
    const dry = value(await call('importCatalogue', { json: JSON.stringify(shipped), apply: false }));
    expect(dry).toMatchObject({ valid: true, applied: false, order: 'newer', version: '2099-01-01.1' });
    expect(dry.changes.join(' ')).toMatch(/xác nhận tình trạng hôn nhân/i);
    expect(value(await call('importCatalogue', { json: JSON.stringify(shipped), apply: true })).applied).toBe(true);
    expect(value(await call('exportCatalogue', {})).version).toBe('2099-01-01.1');

    const after = value(await call('createDossier', intake()));
    clock.advance(60_000);
    const a = value(await call('acceptDossier', { id: before.id })).dossier;
    const b = value(await call('acceptDossier', { id: after.id })).dossier;
    // both accepted at the same minute: the old dossier keeps 3 working days, the new one gets 5
    expect(new Date(b.dueAt!).getTime() - new Date(a.dueAt!).getTime()).toBeGreaterThan(0);

    const bad = value(await call('importCatalogue', { json: '{"schemaVersion":1,"version":"x","procedures":[{}]}', apply: true }));
    expect(bad.valid).toBe(false);
    expect(bad.applied).toBe(false);
    expect(bad.problems.length).toBeGreaterThan(0);
  });
});

describe('CCCD', () => {
  it('checks structure, province and birth-year/gender consistency, in Vietnamese', async () => {
    const { call } = await configured('2026-11-24T02:00:00Z');
    expect(value(await call('checkCccd', { number: '038196001234', birthYear: 1996, gender: 'female' }))).toMatchObject({
      valid: true, provinceName: 'Thanh Hóa', gender: 'female', birthYear: 1996,
    });
    const wrong = value(await call('checkCccd', { number: '038196001234', birthYear: 1996, gender: 'male' }));
    expect(wrong.valid).toBe(false);
    expect(wrong.problem).toMatch(/giới tính|Nam|Nữ/);
    const intakeWrong = await call('createDossier', { ...intake(), birthYear: 2001 });
    expect(intakeWrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
