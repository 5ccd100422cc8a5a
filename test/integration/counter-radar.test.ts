import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_TABS, type QueueQuery, type QueueRow, type QueueTab } from '../../electron/contract';
import { DB_FILE_NAME, type Db } from '../../electron/db/connection';
import { queueRepo, type RadarFilter } from '../../electron/db/queue-repo';
import { createWorkCalendar, forwardingDeadline, OFFICIAL_HOLIDAY_YEARS } from '../../electron/core/calendar';
import { forwardLateThreshold } from '../../electron/services/radar';
import { intake, value } from '../support/desk';
import { onlinePackage, openCounterDesk, type CounterDesk } from '../support/counter';

/**
 * The queue radar on a real desk: work-state tabs and their trigger-kept counts through a series of transitions,
 * the four flags on a moving clock, every filter, both sorts with keyset paging, search inside a tab, and the
 * query plan of a tab page.
 */
let open: CounterDesk[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});
async function desk(clockIso?: string) {
  const h = await openCounterDesk({ clockIso });
  open.push(h);
  return h;
}

const TAB_STATUSES: Record<Exclude<QueueTab, 'all'>, number[]> = {
  online: [1],
  new: [1, 2],
  inProgress: [4, 6],
  supplement: [5],
  ready: [9],
  returned: [10],
  closed: [3, 7, 8],
};

/** Every row of a query, walking the cursor. */
async function all(h: CounterDesk, query: QueueQuery): Promise<QueueRow[]> {
  const rows: QueueRow[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = value(await h.call('listQueue', { ...query, cursor }));
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}
const ids = (rows: QueueRow[]) => rows.map((r) => r.id);

/** byTab equals what each tab lists, what the table holds, and every listed row is in its tab's statuses. */
async function expectCounts(h: CounterDesk, expected: Partial<Record<QueueTab, number>>) {
  const counts = value(await h.call('queueCounts', {}));
  const listed: Record<string, number> = {};
  for (const tab of QUEUE_TABS) {
    const rows = await all(h, { tab, limit: 3 });
    listed[tab] = rows.length;
    if (tab === 'all') continue;
    for (const r of rows) {
      expect(TAB_STATUSES[tab], `${r.code} (status ${r.status}) in ${tab}`).toContain(r.status);
      if (tab === 'online') expect(r.channel).toBe(2);
      if (tab === 'new' && r.status === 1) expect(r.channel).not.toBe(2);
    }
  }
  expect(counts.byTab).toEqual(listed);
  const real = Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;
  for (const { tab, n } of h.sql<{ tab: QueueTab; n: number }>('SELECT work_tab AS tab, count(*) AS n FROM dossiers GROUP BY 1')) {
    real[tab] = n;
    real.all += n;
  }
  expect(counts.byTab).toEqual(real);
  expect(counts.total).toBe(real.all);
  expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(real.all);
  expect(counts.byTab).toEqual({ ...Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])), ...expected });
}

const act = async (h: CounterDesk, id: number, action: unknown) =>
  value(await h.call('applyDossierAction', { id, action } as never)).dossier.status;

describe('G. queue radar', () => {
  it('keeps tabs and their counts right through every kind of transition', async () => {
    const h = await desk();
    await expectCounts(h, {});
    const c1 = value(await h.call('createDossier', intake()));
    await expectCounts(h, { new: 1, all: 1 });
    value(await h.call('acceptDossier', { id: c1.id }));
    await expectCounts(h, { new: 1, all: 1 });

    const c2 = value(await h.call('createDossier', intake({ fullName: 'Trần Văn Đức' })));
    expect(
      await act(h, c2.id, { type: 'requestSupplement', stage: 'reception', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: 'Chưa đủ' }),
    ).toBe(5);
    await expectCounts(h, { new: 1, supplement: 1, all: 2 });

    const c3 = value(await h.call('createDossier', intake({ fullName: 'Lê Đức Anh' })));
    expect(await act(h, c3.id, { type: 'refuse', reason: 'Không thuộc thẩm quyền' })).toBe(3);
    const c4 = value(await h.call('createDossier', intake({ fullName: 'Phạm Thị Hoa' }), ));
    value(await h.call('acceptDossier', { id: c4.id }));
    expect(await act(h, c4.id, { type: 'withdraw' })).toBe(7);
    await expectCounts(h, { new: 1, supplement: 1, closed: 2, all: 4 });

    const pkg = await onlinePackage({ submittedAt: '2026-11-24T08:00:00+07:00' });
    const imported = value((await h.importZip('goi.zip', pkg.zip)).body);
    expect(imported.outcome).toBe('imported');
    await expectCounts(h, { online: 1, new: 1, supplement: 1, closed: 2, all: 5 });
    value(await h.call('acceptDossier', { id: imported.dossierId! }));
    await expectCounts(h, { new: 2, supplement: 1, closed: 2, all: 5 });

    expect(await act(h, c1.id, { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp – Hộ tịch' })).toBe(2);
    expect(await act(h, c1.id, { type: 'startProcessing' })).toBe(4);
    await expectCounts(h, { new: 1, inProgress: 1, supplement: 1, closed: 2, all: 5 });
    expect(await act(h, c1.id, { type: 'requestFinancialObligation', description: 'Nộp lệ phí' })).toBe(6);
    await expectCounts(h, { new: 1, inProgress: 1, supplement: 1, closed: 2, all: 5 });
    expect(await act(h, c1.id, { type: 'obligationFulfilled' })).toBe(4);
    expect(await act(h, c1.id, { type: 'finish', result: { kind: 'granted', summary: 'Đã cấp giấy xác nhận' } })).toBe(9);
    await expectCounts(h, { new: 1, ready: 1, supplement: 1, closed: 2, all: 5 });
    expect(await act(h, c1.id, { type: 'returnResult', method: 'counter', receivedBy: { name: 'Nguyễn Thị Phúc', proof: 'slip' } })).toBe(10);
    expect(await act(h, c2.id, { type: 'supplementReceived' })).toBe(1);
    await expectCounts(h, { new: 2, returned: 1, closed: 2, all: 5 });
    expect(await act(h, c2.id, { type: 'stop', reason: 'Công dân không bổ sung' })).toBe(8);
    await expectCounts(h, { new: 1, returned: 1, closed: 3, all: 5 });
  });

  it('flags overdue, due soon, online acceptance late and stale from the clock, and filters by each flag', async () => {
    // Monday 23/11 23:30 and Tuesday 24/11 00:30, Vietnamese time: two days for the period filter.
    const h = await desk('2026-11-23T16:30:00Z');
    const lateNight = value(await h.call('createDossier', intake({ fullName: 'Đinh Văn Khuya' })));
    h.clock.set('2026-11-23T17:30:00Z');
    const earlyMorning = value(await h.call('createDossier', intake({ fullName: 'Đinh Văn Sớm' })));
    h.clock.set('2026-11-24T02:15:00Z'); // Tuesday 09:15

    const a = value(await h.call('createDossier', { ...intake({ fullName: 'Hồ Văn Ba Ngày' }), accept: true }));
    const b = value(await h.call('createDossier', { ...intake({ fullName: 'Hồ Thị Trong Ngày' }, 'ket-hon'), accept: true }));
    const c = value(await h.call('createDossier', intake({ fullName: 'Vũ Văn Chứng' }, 'chung-thuc-ban-sao')));
    expect(a.dueAt).toBe('2026-11-27T02:15:00.000Z'); // 3 working days: Friday 09:15
    expect(new Date(b.dueAt!).getTime()).toBeLessThan(new Date('2026-11-25T02:15:00Z').getTime());

    // Submitted Monday 09:00: 8 working hours end Tuesday 09:00, a quarter of an hour ago.
    const late = value((await h.importZip('muon.zip', (await onlinePackage({ submittedAt: '2026-11-23T09:00:00+07:00', fullName: 'Lý Văn Muộn' })).zip)).body);
    const fresh = value((await h.importZip('moi.zip', (await onlinePackage({ submittedAt: '2026-11-24T08:00:00+07:00', fullName: 'Lý Văn Mới' })).zip)).body);
    expect([late.outcome, fresh.outcome]).toEqual(['imported', 'imported']);

    const row = async (id: number) => (await all(h, {})).find((r) => r.id === id)!;
    expect(await row(late.dossierId!)).toMatchObject({
      flags: ['acceptanceLate'],
      acceptanceDeadline: '2026-11-24T02:00:00.000Z',
      remainingWorkingMinutes: -15,
    });
    // Tuesday 09:15 → Wednesday 08:00: 135 + 210 + 60 working minutes.
    expect(await row(fresh.dossierId!)).toMatchObject({ flags: [], acceptanceDeadline: '2026-11-25T01:00:00.000Z', remainingWorkingMinutes: 405 });
    expect((await row(b.id)).flags).toEqual(['dueSoon']);
    expect(await row(a.id)).toMatchObject({ flags: [], remainingWorkingMinutes: 3 * 8 * 60 });
    expect(ids(await all(h, { flag: 'acceptanceLate' }))).toEqual([late.dossierId]);
    expect(ids(await all(h, { flag: 'dueSoon' }))).toEqual([b.id]);
    expect(ids(await all(h, { flag: 'overdue' }))).toEqual([]);
    expect(ids(await all(h, { tab: 'online', flag: 'acceptanceLate' }))).toEqual([late.dossierId]);
    expect(ids(await all(h, { tab: 'new', flag: 'acceptanceLate' }))).toEqual([]);

    // Filters.
    const officers = value(await h.call('listOfficers', {}));
    expect(officers).toEqual([
      { id: expect.any(Number), fullName: 'Lê Thị Hoa', title: 'Công chức Bộ phận Một cửa', role: 'admin', unit: '', fields: [] },
    ]);
    const sorted = (xs: Array<number | null>) => [...xs].sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(ids(await all(h, { procedureId: 'ket-hon' }))).toEqual([b.id]);
    expect(ids(await all(h, { field: 'Chứng thực' }))).toEqual([c.id]);
    expect(sorted(ids(await all(h, { field: 'Hộ tịch' })))).toEqual(
      sorted([lateNight.id, earlyMorning.id, a.id, b.id, late.dossierId, fresh.dossierId]),
    );
    expect(ids(await all(h, { field: 'Hộ tịch', procedureId: 'chung-thuc-ban-sao' }))).toEqual([]);
    expect(ids(await all(h, { field: 'Không có lĩnh vực này' }))).toEqual([]);
    expect(sorted(ids(await all(h, { channel: 2 })))).toEqual(sorted([late.dossierId, fresh.dossierId]));
    expect(sorted(ids(await all(h, { assigneeId: officers[0]!.id })))).toEqual(sorted([a.id, b.id]));
    expect(ids(await all(h, { assigneeId: officers[0]!.id + 100 }))).toEqual([]);
    expect(sorted(ids(await all(h, { from: '2026-11-23', to: '2026-11-23' })))).toEqual(sorted([lateNight.id, late.dossierId]));
    expect(ids(await all(h, { from: '2026-11-24', to: '2026-11-24' }))).toContain(earlyMorning.id);
    expect(ids(await all(h, { from: '2026-11-24' }))).not.toContain(lateNight.id);
    expect(ids(await all(h, { to: '2026-11-23', tab: 'new' }))).toEqual([lateNight.id]);
    expect(ids(await all(h, { from: '2026-11-25' }))).toEqual([]);
    expect(await h.call('listQueue', { from: '24/11/2026' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Ngày phải có dạng yyyy-mm-dd' } });
    // A day that is not on the calendar is refused, not silently dropped (which would list every dossier).
    expect(await h.call('listQueue', { from: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Ngày 2026-02-30 không có trên lịch', details: [{ path: 'from' }] },
    });
    expect(await h.call('listQueue', { to: '2026-13-01' })).toMatchObject({ ok: false, error: { details: [{ path: 'to' }] } });
    expect(await h.call('listQueue', { flag: 'urgent' as never })).toMatchObject({ ok: false, error: { message: 'Bộ lọc cảnh báo không hợp lệ' } });

    // Friday 08:15: A is due at 09:15 (one working hour left), B is past its day. Both were accepted on Tuesday and
    // never handed over (due by Tuesday 17:00): forwardLate too.
    h.clock.set('2026-11-27T01:15:00Z');
    expect(await row(a.id)).toMatchObject({ flags: ['dueSoon', 'forwardLate'], remainingWorkingMinutes: 60 });
    expect((await row(b.id)).flags).toContain('overdue');
    expect((await row(b.id)).remainingWorkingMinutes).toBeLessThan(0);
    expect(ids(await all(h, { flag: 'dueSoon' }))).toEqual([a.id]);
    expect(ids(await all(h, { flag: 'overdue' }))).toEqual([b.id]);

    // Friday 10:00: A is overdue too; everything untouched since Tuesday 09:15 has been still for three working days.
    h.clock.set('2026-11-27T03:00:00Z');
    expect((await row(a.id)).flags).toEqual(['overdue', 'forwardLate', 'stale']);
    expect(sorted(ids(await all(h, { flag: 'overdue' })))).toEqual(sorted([a.id, b.id]));
    const stale = ids(await all(h, { flag: 'stale' }));
    expect(stale).toEqual(expect.arrayContaining([a.id, b.id, c.id, lateNight.id, earlyMorning.id]));
    for (const r of await all(h, {})) expect(r.flags.includes('stale'), r.code).toBe(stale.includes(r.id));

    // A movement (a review) restarts the stale clock; the threshold follows the counter setting.
    value(await h.call('reviewComponents', { id: c.id, verdicts: [{ position: 1, verdict: 'ok' }] }));
    expect(ids(await all(h, { flag: 'stale' }))).not.toContain(c.id);
    h.clock.set('2026-11-30T03:30:00Z'); // Monday 10:30: one working day and a half hour after the review
    expect(ids(await all(h, { flag: 'stale' }))).not.toContain(c.id);
    value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 1 }));
    expect(ids(await all(h, { flag: 'stale' }))).toContain(c.id);
  });

  it('flags paper dossiers not handed over by the NĐ 118 Đ18.2 deadline (forwardLate), and filters by it', async () => {
    // Tuesday 24/11/2026 09:00 in Vietnam.
    const h = await desk('2026-11-24T02:00:00Z');
    const accepted = async (fullName: string, channel: 1 | 3 = 1) =>
      value(await h.call('createDossier', { ...intake({ fullName }), channel, accept: true })).id;
    const counter = await accepted('Đỗ Văn Quầy');
    const post = await accepted('Đỗ Thị Bưu', 3);
    const inTime = await accepted('Đỗ Văn Kịp');
    const forwardedLate = await accepted('Đỗ Văn Chậm');
    const returned = await accepted('Đỗ Thị Trả Lại');
    const notAccepted = value(await h.call('createDossier', intake({ fullName: 'Đỗ Văn Chưa Nhận' }))).id;
    const pkg = await onlinePackage({ submittedAt: '2026-11-24T08:00:00+07:00', fullName: 'Đỗ Văn Mạng' });
    const online = value((await h.importZip('mang.zip', pkg.zip)).body).dossierId!;
    value(await h.call('acceptDossier', { id: online }));
    const forward = { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp – Hộ tịch' };

    h.clock.set('2026-11-24T07:00:00Z'); // 14:00: handed over the same day
    expect(await act(h, inTime, forward)).toBe(2);
    expect(await act(h, returned, forward)).toBe(2);
    expect(await act(h, returned, { type: 'returnToDesk', reason: 'Thiếu bản chính để đối chiếu' })).toBe(2);
    h.clock.set('2026-11-24T08:30:00Z'); // 15:30: the next working day's first session
    const afternoon = await accepted('Đỗ Thị Chiều');
    h.clock.set('2026-11-24T10:30:00Z'); // 17:30, after hours: counted from Wednesday's opening, the same day's close
    const evening = await accepted('Đỗ Văn Tối');

    const flagged = async () => (await all(h, {})).filter((r) => r.flags.includes('forwardLate')).map((r) => r.id).sort();
    const filtered = async (query: QueueQuery = {}) => ids(await all(h, { ...query, flag: 'forwardLate' })).sort();
    const sorted = (xs: number[]) => [...xs].sort();

    // Tuesday 17:00 is the deadline of the morning's acceptances: not yet passed at 17:00 itself.
    h.clock.set('2026-11-24T10:00:00Z');
    expect(await flagged()).toEqual([]);
    expect(await filtered()).toEqual([]);
    h.clock.set('2026-11-24T10:01:00Z'); // 17:01
    expect(await flagged()).toEqual(sorted([counter, post, forwardedLate]));
    expect(await filtered()).toEqual(sorted([counter, post, forwardedLate]));

    // Wednesday 08:00: handed over late is still handed over (the control slip records the lateness).
    h.clock.set('2026-11-25T01:00:00Z');
    expect(await act(h, forwardedLate, forward)).toBe(2);
    expect(await flagged()).toEqual(sorted([counter, post]));

    // Wednesday 11:30 closes the first session: the 15:30 acceptance is late after it, the 17:30 one at 17:00.
    h.clock.set('2026-11-25T04:29:00Z');
    expect(await filtered()).toEqual(sorted([counter, post]));
    h.clock.set('2026-11-25T04:31:00Z');
    const rows = await all(h, {});
    const flagsOf = (id: number) => rows.find((r) => r.id === id)!.flags;
    expect(flagsOf(afternoon)).toEqual(['forwardLate']);
    for (const id of [inTime, forwardedLate, returned, notAccepted, online, evening]) expect(flagsOf(id)).not.toContain('forwardLate');
    expect(await filtered()).toEqual(sorted([counter, post, afternoon]));
    for (const r of rows) expect(r.flags.includes('forwardLate'), r.code).toBe((await filtered()).includes(r.id));
    // With other filters, tabs and sorts: the same rows; never in another work state.
    expect(await filtered({ tab: 'new' })).toEqual(sorted([counter, post, afternoon]));
    expect(await filtered({ tab: 'new', sort: 'due', direction: 'asc' })).toEqual(sorted([counter, post, afternoon]));
    expect(await filtered({ tab: 'inProgress' })).toEqual([]);
    expect(await filtered({ channel: 3 })).toEqual([post]);
    expect(await filtered({ channel: 2 })).toEqual([]);
    expect(await filtered({ q: 'do thi' })).toEqual(sorted([post, afternoon]));
    h.clock.set('2026-11-25T10:01:00Z'); // Wednesday 17:01
    expect(await filtered()).toEqual(sorted([counter, post, afternoon, evening]));
    // Processing started (4): no longer waiting at the desk.
    expect(await act(h, counter, forward)).toBe(2);
    expect(await act(h, counter, { type: 'startProcessing' })).toBe(4);
    expect(await filtered()).toEqual(sorted([post, afternoon, evening]));
  });

  it('counts the forwardLate deadline over weekends and holidays (Friday after 15:00; 30/4–3/5)', async () => {
    // Friday 27/11/2026 16:00: due Monday 30/11 at 11:30.
    const h = await desk('2026-11-27T09:00:00Z');
    const friday = value(await h.call('createDossier', { ...intake({ fullName: 'Mai Văn Thứ Sáu' }), accept: true })).id;
    const flagged = async () => ids(await all(h, { flag: 'forwardLate' }));
    const flagsOf = async (id: number) => (await all(h, {})).find((r) => r.id === id)!.flags;
    for (const at of ['2026-11-28T10:00:00Z', '2026-11-29T10:00:00Z', '2026-11-30T04:29:00Z']) {
      h.clock.set(at);
      expect(await flagged(), at).toEqual([]);
      expect(await flagsOf(friday), at).not.toContain('forwardLate');
    }
    h.clock.set('2026-11-30T04:31:00Z');
    expect(await flagged()).toEqual([friday]);
    expect(await flagsOf(friday)).toContain('forwardLate');

    // Wednesday 29/04/2026 15:30: 30/4 and 1/5 are holidays, 2–3/5 the weekend: due Monday 04/05 at 11:30.
    const g = await desk('2026-04-29T08:30:00Z');
    const beforeHoliday = value(await g.call('createDossier', { ...intake({ fullName: 'Mai Thị Lễ' }), accept: true })).id;
    for (const at of ['2026-04-30T10:30:00Z', '2026-05-01T10:30:00Z', '2026-05-03T10:30:00Z', '2026-05-04T04:29:00Z']) {
      g.clock.set(at);
      expect(ids(await all(g, { flag: 'forwardLate' })), at).toEqual([]);
    }
    g.clock.set('2026-05-04T04:31:00Z');
    expect(ids(await all(g, { flag: 'forwardLate' }))).toEqual([beforeHoliday]);
    expect((await all(g, {})).find((r) => r.id === beforeHoliday)!.flags).toContain('forwardLate');
  });

  it('finds the forwardLate threshold exactly: accepted before it ⇔ the hand-over deadline has passed', () => {
    const cal = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
    const late = (acceptedAt: number, now: Date) => forwardingDeadline(cal, new Date(acceptedAt)).getTime() < now.getTime();
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const nows = [
      '2026-11-24T10:00:00Z', // Tuesday 17:00, a deadline instant
      '2026-11-24T10:00:00.001Z',
      '2026-05-04T04:30:00Z', // Monday 11:30 after 30/4–3/5
      '2026-02-23T00:00:00Z', // the first morning after Tết, before the opening
      '2026-01-10T03:00:00Z', // the working Saturday
      '2026-09-03T04:31:00Z',
      ...Array.from({ length: 40 }, () => new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 360 * 86_400_000)).toISOString()),
    ];
    for (const iso of nows) {
      const now = new Date(iso);
      const t = forwardLateThreshold(cal, now);
      // Exact to the millisecond: the instant before is late, the threshold itself is not.
      expect(late(t - 1, now), iso).toBe(true);
      expect(late(t, now), iso).toBe(false);
      for (let i = 0; i < 200; i++) {
        const acceptedAt = now.getTime() - Math.floor(rnd() * 80 * 86_400_000);
        expect(acceptedAt < t, `${iso} accepted ${new Date(acceptedAt).toISOString()}`).toBe(late(acceptedAt, now));
      }
    }
  });

  it('sorts by reception or due date and pages through both without gaps or repeats; a foreign cursor restarts', async () => {
    const h = await desk('2026-11-24T01:00:00Z');
    const procedures = ['xac-nhan-tthn', 'ket-hon', 'dang-ky-lai-khai-sinh', 'chung-thuc-hop-dong'];
    const created: number[] = [];
    for (let i = 0; i < 22; i++) {
      // Pairs share an instant, so the id breaks ties.
      if (i % 2 === 0) h.clock.advance(7 * 60_000);
      const d = value(await h.call('createDossier', intake({ fullName: `Người Thứ ${i}` }, procedures[i % procedures.length])));
      created.push(d.id);
      if (i % 3 !== 0) value(await h.call('acceptDossier', { id: d.id }));
    }
    const rows = await all(h, { limit: 500 });
    expect(rows).toHaveLength(22);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const t = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());
    const cmp = (key: (r: QueueRow) => number | null, dir: 1 | -1) => (x: number, y: number) => {
      const a = key(byId.get(x)!);
      const b = key(byId.get(y)!);
      // No due date (not accepted yet) comes last whichever the direction; ties by id in the same direction.
      if (a === null || b === null) return a === b ? (x - y) * dir : a === null ? 1 : -1;
      if (a !== b) return (a - b) * dir;
      return (x - y) * dir;
    };
    const expectOrder = (key: (r: QueueRow) => number | null, dir: 1 | -1) => [...created].sort(cmp(key, dir));
    const dueCount = rows.filter((r) => r.dueAt !== null).length;
    expect(dueCount).toBeGreaterThan(5);
    expect(new Set(rows.filter((r) => r.dueAt !== null).map((r) => r.dueAt)).size).toBeLessThan(dueCount); // ties exist

    const walk = async (query: QueueQuery, limit = 4) => {
      const pages: number[][] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = value(await h.call('listQueue', { ...query, limit, cursor }));
        pages.push(ids(page.items));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(pages.length).toBeGreaterThan(2);
      const flat = pages.flat();
      expect(new Set(flat).size).toBe(flat.length);
      return flat;
    };
    expect(await walk({})).toEqual(expectOrder((r) => t(r.receivedAt), -1));
    expect(await walk({ sort: 'received', direction: 'asc' })).toEqual(expectOrder((r) => t(r.receivedAt), 1));
    expect(await walk({ sort: 'due' })).toEqual(expectOrder((r) => t(r.dueAt), 1));
    expect(await walk({ sort: 'due', direction: 'desc' })).toEqual(expectOrder((r) => t(r.dueAt), -1));
    const newTab = await walk({ tab: 'new', sort: 'due' });
    expect(newTab).toEqual(expectOrder((r) => t(r.dueAt), 1));

    // The dossiers without a due date (every third, never accepted) close the list in both directions, and paging
    // crosses from the dated to the undated ones wherever the boundary falls: inside a page (4), at a page's end
    // (7: the last dated row ends page 2, the next page is all undated), on every row (1), or on a cursor that sits
    // on an undated row.
    const undated = rows.filter((r) => r.dueAt === null).map((r) => r.id);
    expect(undated).toHaveLength(8);
    expect(dueCount).toBe(14);
    for (const direction of ['asc', 'desc'] as const) {
      const dir = direction === 'asc' ? 1 : -1;
      const expected = expectOrder((r) => t(r.dueAt), dir);
      expect(expected.slice(-8).sort()).toEqual([...undated].sort());
      expect(expected.slice(-8)).toEqual([...undated].sort((x, y) => (x - y) * dir));
      for (const limit of [4, 7, 1, 3]) expect(await walk({ sort: 'due', direction }, limit), `${direction} by ${limit}`).toEqual(expected);
      expect(await walk({ tab: 'new', sort: 'due', direction }, 7)).toEqual(expected);
    }
    const firstPage = value(await h.call('listQueue', { sort: 'due', limit: 3 }));
    expect(firstPage.items.every((r) => r.dueAt !== null)).toBe(true);
    const pageAtEnd = value(await h.call('listQueue', { sort: 'due', limit: 14 }));
    expect(pageAtEnd.items.every((r) => r.dueAt !== null)).toBe(true);
    const rest = value(await h.call('listQueue', { sort: 'due', limit: 100, cursor: pageAtEnd.nextCursor! }));
    expect(ids(rest.items)).toEqual([...undated].sort((x, y) => x - y));
    expect(rest.nextCursor).toBeNull();

    // A cursor from the reception order means nothing to the due order: the page starts over.
    const received = value(await h.call('listQueue', { limit: 4 }));
    const due = value(await h.call('listQueue', { sort: 'due', limit: 4 }));
    const foreign = value(await h.call('listQueue', { sort: 'due', limit: 4, cursor: received.nextCursor! }));
    expect(ids(foreign.items)).toEqual(ids(due.items));
    const garbage = value(await h.call('listQueue', { limit: 4, cursor: 'xyz.1.2' }));
    expect(ids(garbage.items)).toEqual(ids(received.items));
  });

  it('sorts the online tab by the acceptance limit it shows in the due column, and pages through it', async () => {
    // Monday 30/11/2026 10:00 in Vietnam.
    const h = await desk('2026-11-30T03:00:00Z');
    const submitted = [
      '2026-11-27T16:00:00+07:00', // Friday 16:00 → Monday 16:00
      '2026-11-28T10:00:00+07:00', // Saturday: counted from Monday's opening → Monday 17:00
      '2026-11-29T09:00:00+07:00', // Sunday: the same limit as Saturday's, received later
      '2026-11-26T09:00:00+07:00', // Thursday: imported after the others, the earliest limit (Friday 09:00)
      '2026-11-30T08:00:00+07:00', // Monday 08:00 → Tuesday 08:00
      '2026-11-27T16:00:00+07:00', // the same instant as the first: the id breaks the tie
    ];
    const online: number[] = [];
    for (const [i, at] of submitted.entries()) {
      const pkg = await onlinePackage({ submittedAt: at, fullName: `Trực Tuyến ${i}` });
      online.push(value((await h.importZip(`g${i}.zip`, pkg.zip)).body).dossierId!);
    }
    // Counter dossiers with due dates in the other tabs do not enter the online tab's order.
    value(await h.call('createDossier', { ...intake({ fullName: 'Quầy Có Hạn' }), accept: true }));
    const rows = await all(h, { tab: 'online', limit: 500 });
    expect(rows.every((r) => r.dueAt === null && r.acceptanceDeadline !== null)).toBe(true);
    const limitOf = new Map(rows.map((r) => [r.id, r.acceptanceDeadline!]));
    expect(online.map((id) => limitOf.get(id))).toEqual([
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-27T02:00:00.000Z',
      '2026-12-01T01:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ]);
    const [fri, sat, sun, thu, mon, fri2] = online as [number, number, number, number, number, number];
    const ascending = [thu, fri, fri2, sat, sun, mon];
    for (const limit of [1, 2, 4, 100]) {
      const walk = async (direction: 'asc' | 'desc') => {
        const out: number[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 20; guard++) {
          const page = value(await h.call('listQueue', { tab: 'online', sort: 'due', direction, limit, cursor }));
          out.push(...ids(page.items));
          if (!page.nextCursor) return out;
          cursor = page.nextCursor;
        }
        throw new Error('cursor never ended');
      };
      expect(await walk('asc'), `by ${limit}`).toEqual(ascending);
      expect(await walk('desc'), `by ${limit}`).toEqual([...ascending].reverse());
      // The acceptance limits the rows show are in order.
      const shown = (await walk('asc')).map((id) => limitOf.get(id)!);
      expect(shown).toEqual([...shown].sort());
    }
    // The acceptanceLate flag lists only online dossiers too: ordered the same way, whatever the tab.
    const late = ids(await all(h, { flag: 'acceptanceLate', sort: 'due', limit: 2 }));
    expect(late).toEqual(ascending.filter((id) => new Date(limitOf.get(id)!).getTime() < new Date('2026-11-30T03:00:00Z').getTime()));
    expect(late).toEqual([thu]);
  });

  it('"Việc của tôi": open: true keeps an officer\'s work still to be done, nearest deadline first, paged by the desk', async () => {
    // Tuesday 24/11/2026 09:00 in Vietnam.
    const h = await desk('2026-11-24T02:00:00Z');
    const admin = value(await h.call('listOfficers', {}))[0]!.id;
    const me = (
      value(
        await h.call('saveAccount', {
          username: 'tu.phap', fullName: 'Trần Văn Tư', title: 'Công chức Tư pháp – Hộ tịch', unit: '', fields: ['Hộ tịch'],
          role: 'specialist', active: true, password: 'TamThoi2026',
        } as never),
      ) as { id: number }
    ).id;
    const accepted = async (fullName: string, procedure?: string) => {
      h.clock.advance(60_000);
      return value(await h.call('createDossier', { ...intake({ fullName }, procedure), accept: true })).id;
    };
    const forward = { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp – Hộ tịch' };
    // Forwarded to the Hộ tịch specialist, who becomes the assignee, then taken to each status.
    const handed = async (fullName: string, steps: unknown[], procedure?: string) => {
      const id = await accepted(fullName, procedure);
      expect(await act(h, id, forward)).toBe(2);
      for (const step of steps) await act(h, id, step);
      return id;
    };
    const start = { type: 'startProcessing' };
    const finish = { type: 'finish', result: { kind: 'granted', summary: 'Đã cấp' } };
    const waiting = await handed('Việc Mới Chuyển', []);
    const urgent = await handed('Việc Kết Hôn', [start], 'ket-hon');
    const obligation = await handed('Việc Nghĩa Vụ', [start, { type: 'requestFinancialObligation', description: 'Nộp lệ phí' }]);
    const supplement = await handed('Việc Chờ Bổ Sung', [
      start,
      { type: 'requestSupplement', stage: 'appraisal', items: [{ name: 'Tờ khai', reason: 'Thiếu' }], reason: 'Chưa đủ' },
    ]);
    const withdrawing = await handed('Việc Xin Rút', [{ type: 'withdraw', reason: 'Công dân xin rút' }]);
    const stopped = await handed('Việc Đã Dừng', [{ type: 'withdraw' }, { type: 'stop', reason: 'Công dân đã rút hồ sơ' }]);
    const finished = await handed('Việc Đã Xong', [start, finish]);
    const returned = await handed('Việc Đã Trả', [finish, { type: 'returnResult', method: 'counter', receivedBy: { name: 'Người Nhận', proof: 'slip' } }]);
    const atDesk = await accepted('Việc Ở Quầy'); // accepted, not forwarded: the accepting officer's
    const refused = value(await h.call('createDossier', intake({ fullName: 'Việc Từ Chối' }))).id;
    expect(await act(h, refused, { type: 'refuse', reason: 'Không thuộc thẩm quyền' })).toBe(3);
    const notAccepted = value(await h.call('createDossier', intake({ fullName: 'Chưa Tiếp Nhận' }))).id;
    const statusOf = new Map((await all(h, { limit: 500 })).map((r) => [r.id, r.status]));
    expect([waiting, urgent, obligation, supplement, withdrawing, stopped, finished, returned].map((id) => statusOf.get(id))).toEqual([
      2, 4, 6, 5, 7, 8, 9, 10,
    ]);

    const everything = await all(h, { assigneeId: me, limit: 500 });
    expect(ids(everything).sort()).toEqual([waiting, urgent, obligation, supplement, withdrawing, stopped, finished, returned].sort());
    const open = [waiting, urgent, obligation, supplement, withdrawing];
    const dueOf = new Map(everything.map((r) => [r.id, r.dueAt === null ? null : new Date(r.dueAt).getTime()]));
    const byDue = (dir: 1 | -1) =>
      [...open].sort((x, y) => {
        const a = dueOf.get(x)!;
        const b = dueOf.get(y)!;
        if (a === null || b === null) return a === b ? (x - y) * dir : a === null ? 1 : -1;
        return a === b ? (x - y) * dir : (a - b) * dir;
      });
    expect(byDue(1)[0]).toBe(urgent); // marriage registration: due the same working day
    for (const limit of [1, 2, 100]) {
      expect(ids(await all(h, { assigneeId: me, open: true, sort: 'due', direction: 'asc', limit })), `by ${limit}`).toEqual(byDue(1));
      expect(ids(await all(h, { assigneeId: me, open: true, sort: 'due', direction: 'desc', limit }))).toEqual(byDue(-1));
      expect(ids(await all(h, { assigneeId: me, open: true, limit }))).toEqual([...open].sort((x, y) => y - x));
    }
    // The other filters still apply; open alone is the same rule over everyone's dossiers.
    expect(ids(await all(h, { assigneeId: me, open: true, tab: 'closed' }))).toEqual([withdrawing]);
    expect(ids(await all(h, { assigneeId: me, open: true, q: 'viec xin' }))).toEqual([withdrawing]);
    expect(ids(await all(h, { assigneeId: admin, open: true }))).toEqual([atDesk]);
    expect(ids(await all(h, { open: true })).sort()).toEqual([...open, atDesk, notAccepted].sort());
    expect(ids(await all(h, { open: false })).sort()).toEqual(ids(await all(h, {})).sort());
    expect(await h.call('listQueue', { open: 'yes' as never })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A cancelled withdrawal gives the dossier back to its holder, still in the same officer's work.
    expect(await act(h, withdrawing, { type: 'cancelWithdrawal', reason: 'Công dân đổi ý' })).toBe(2);
    expect(ids(await all(h, { assigneeId: me, open: true, sort: 'due' }))).toContain(withdrawing);
  });

  it('searches inside a tab by folded name, code and CCCD', async () => {
    const h = await desk();
    const inNew = value(await h.call('createDossier', intake({ fullName: 'Nguyễn Văn Đông' })));
    const inSupplement = value(await h.call('createDossier', intake({ fullName: 'Nguyễn Thị Đào' })));
    await act(h, inSupplement.id, {
      type: 'requestSupplement',
      stage: 'reception',
      items: [{ name: 'Tờ khai', reason: 'Thiếu' }],
      reason: 'Chưa đủ',
    });
    const other = value(await h.call('createDossier', intake({ fullName: 'Trần Thị Đào', idNumber: '038185000111' })));
    const q = async (query: QueueQuery) => ids(value(await h.call('listQueue', query)).items);
    expect(await q({ q: 'nguyen' })).toEqual([inSupplement.id, inNew.id]);
    expect(await q({ q: 'nguyen', tab: 'supplement' })).toEqual([inSupplement.id]);
    expect(await q({ q: 'nguyen', tab: 'new' })).toEqual([inNew.id]);
    expect(await q({ q: 'dao', tab: 'new' })).toEqual([other.id]);
    expect(await q({ q: 'dao', tab: 'closed' })).toEqual([]);
    expect(await q({ q: inSupplement.code, tab: 'supplement' })).toEqual([inSupplement.id]);
    expect(await q({ q: inSupplement.code, tab: 'new' })).toEqual([]);
    expect(await q({ q: '038185', tab: 'new' })).toEqual([other.id]);
    expect(await h.call('listQueue', { tab: 'archive' as never })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Thẻ hàng đợi không hợp lệ' },
    });
  });

  it('reads a tab page through the index dossiers_tab_received (query plan of the SQL the repository runs)', async () => {
    const h = await desk();
    for (let i = 0; i < 5; i++) value(await h.call('createDossier', intake({ fullName: `Người ${i}` })));
    const ro = new Database(path.join(h.dataDir, DB_FILE_NAME), { readonly: true });
    try {
      const ran: Array<{ sql: string; params: unknown[] }> = [];
      const spy = {
        prepare: (sql: string) => {
          const stmt = ro.prepare(sql);
          return { all: (...params: unknown[]) => (ran.push({ sql, params }), stmt.all(...params)) };
        },
      } as unknown as Db;
      const repo = queueRepo(spy);
      const none: RadarFilter = {
        tab: null, status: null, procedureIds: null, channel: null, assigneeId: null, receivedFrom: null,
        receivedBefore: null, dueBefore: null, dueFrom: null, runningOnly: false, onlineReceivedBefore: null, staleBefore: null,
        forwardAcceptedBefore: null, openOnly: false,
      };
      const plan = (i: number) =>
        (ro.prepare(`EXPLAIN QUERY PLAN ${ran[i]!.sql}`).all(...ran[i]!.params) as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' | ');

      expect(repo.page({ ...none, tab: 'new' }, { sort: 'received', direction: 'desc' }, null, 50)).toHaveLength(5);
      expect(repo.page({ ...none, tab: 'new' }, { sort: 'received', direction: 'desc' }, { key: Date.now() * 2, id: 1e9 }, 50)).toHaveLength(5);
      repo.page({ ...none, tab: 'inProgress' }, { sort: 'due', direction: 'asc' }, { key: 1, id: 1 }, 50);
      expect(ran[0]!.sql).toMatch(/d\.work_tab = \?/);
      expect(plan(0)).toMatch(/SEARCH d USING (COVERING )?INDEX dossiers_tab_received \(work_tab=\?\)/);
      // The next page seeks to the cursor inside the index (keyset), rather than walking the tab from its top.
      expect(plan(1)).toMatch(/SEARCH d USING (COVERING )?INDEX dossiers_tab_received \(work_tab=\? AND \(?received_at/);
      expect(plan(2)).toMatch(/SEARCH d USING (COVERING )?INDEX dossiers_tab_due \(work_tab=\? AND/);
      for (const i of [0, 1, 2]) expect(plan(i)).not.toMatch(/TEMP B-TREE|SCAN d\b/);
      // forwardLate walks the accepted dossiers (status 2, a few per mille) in reception order, and looks up each one's
      // events by dossier; no index of its own.
      const fl = ran.length; // the due page above ran twice: its dated rows, then (the tab being empty) the undated
      expect(fl).toBe(4);
      repo.page({ ...none, forwardAcceptedBefore: Date.now() }, { sort: 'received', direction: 'desc' }, null, 50);
      expect(ran[fl]!.sql).toMatch(/d\.accepted_at < \?/);
      expect(plan(fl)).toMatch(/SEARCH d USING (COVERING )?INDEX dossiers_status_received \(status=\?\)/);
      expect(plan(fl)).toMatch(/SEARCH e USING (COVERING )?INDEX events_dossier \(dossier_id=\?\)/);
      expect(plan(fl)).not.toMatch(/TEMP B-TREE|SCAN d\b|SCAN e\b/);

      // Due order, no due date last: the dated rows seek inside the due index past its NULLs (first page and next),
      // then, while the page is not full, the undated ones are an equality range of the same index, in id order.
      const plans = (read: () => unknown) => {
        const from = ran.length;
        read();
        return ran.slice(from).map((r, k) => `${/due_at IS NULL/.test(r.sql) ? 'undated' : 'dated'}: ${plan(from + k)}`);
      };
      const INDEX = 'SEARCH d USING (?:COVERING )?INDEX';
      const expectPlans = (read: () => unknown, expected: RegExp[]) => {
        const got = plans(read);
        expect(got).toHaveLength(expected.length);
        got.forEach((p, i) => {
          expect(p).toMatch(expected[i]!);
          expect(p).not.toMatch(/TEMP B-TREE|SCAN d\b/);
        });
      };
      expectPlans(() => repo.page({ ...none, tab: 'new' }, { sort: 'due', direction: 'asc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_tab_due \\(work_tab=\\? AND due_at>\\?\\)`),
        new RegExp(`^undated: ${INDEX} dossiers_tab_due \\(work_tab=\\? AND due_at=\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none, tab: 'new' }, { sort: 'due', direction: 'asc' }, { key: 1, id: 1 }, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_tab_due \\(work_tab=\\? AND \\(?due_at`),
        new RegExp(`^undated: ${INDEX} dossiers_tab_due \\(work_tab=\\? AND due_at=\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none, tab: 'new' }, { sort: 'due', direction: 'desc' }, { key: null, id: 1e9 }, 50), [
        new RegExp(`^undated: ${INDEX} dossiers_tab_due \\(work_tab=\\? AND due_at=\\? AND (?:rowid|id)<\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none }, { sort: 'due', direction: 'asc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_due \\(due_at>\\?\\)`),
        new RegExp(`^undated: ${INDEX} dossiers_due \\(due_at=\\?\\)`),
      ]);
      // The online tab sorted by due date is ordered by its acceptance limit: its reception index, one range.
      expectPlans(() => repo.page({ ...none, tab: 'online' }, { sort: 'due', direction: 'asc' }, { key: 1, id: 1 }, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_tab_received \\(work_tab=\\? AND \\(?received_at`),
      ]);
      // "Việc của tôi" (an officer's open work, by due date or reception) and the officer filter: the assignee's
      // indexes (migration 006), never the whole table.
      const mine = { ...none, assigneeId: 1, openOnly: true };
      expectPlans(() => repo.page(mine, { sort: 'due', direction: 'asc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_open_assignee_due \\(assignee_id=\\? AND due_at>\\?\\)`),
        new RegExp(`^undated: ${INDEX} dossiers_open_assignee_due \\(assignee_id=\\? AND due_at=\\?\\)`),
      ]);
      expectPlans(() => repo.page(mine, { sort: 'due', direction: 'asc' }, { key: 1, id: 1 }, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_open_assignee_due \\(assignee_id=\\? AND \\(?due_at`),
        new RegExp(`^undated: ${INDEX} dossiers_open_assignee_due \\(assignee_id=\\? AND due_at=\\?\\)`),
      ]);
      expectPlans(() => repo.page(mine, { sort: 'received', direction: 'desc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_open_assignee_received \\(assignee_id=\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none, assigneeId: 1 }, { sort: 'received', direction: 'desc' }, { key: Date.now(), id: 1e9 }, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_assignee_received \\(assignee_id=\\? AND \\(?received_at`),
      ]);
      // An officer in one work state, and an officer by due date (migration 007, named by the repository): the
      // officer and the state are one index range, never all of the officer's years of dossiers.
      expectPlans(() => repo.page({ ...none, assigneeId: 1, tab: 'returned' }, { sort: 'received', direction: 'desc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_assignee_tab_received \\(assignee_id=\\? AND work_tab=\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none, assigneeId: 1, tab: 'inProgress' }, { sort: 'due', direction: 'asc' }, { key: 1, id: 1 }, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_assignee_tab_due \\(assignee_id=\\? AND work_tab=\\? AND \\(?due_at`),
        new RegExp(`^undated: ${INDEX} dossiers_assignee_tab_due \\(assignee_id=\\? AND work_tab=\\? AND due_at=\\?\\)`),
      ]);
      expectPlans(() => repo.page({ ...none, assigneeId: 1 }, { sort: 'due', direction: 'desc' }, null, 50), [
        new RegExp(`^dated: ${INDEX} dossiers_assignee_due \\(assignee_id=\\? AND due_at>\\?\\)`),
        new RegExp(`^undated: ${INDEX} dossiers_assignee_due \\(assignee_id=\\? AND due_at=\\?\\)`),
      ]);
      // The stale mark over all work states: a walk of its own partial index (only the statuses a dossier can hang in),
      // newest first, with the last movement read from the index; never a sort.
      const stale = plans(() => repo.page({ ...none, staleBefore: Date.now() }, { sort: 'received', direction: 'desc' }, null, 50));
      expect(stale).toHaveLength(1);
      expect(stale[0]).toMatch(/^dated: SCAN d USING INDEX dossiers_stale_received \|/);
      expect(stale[0]).not.toMatch(/TEMP B-TREE/);

      // Every combination of the filters that choose a named index, in both directions and from three cursors, with
      // the other filters in turn, runs: a named index never meets a query SQLite cannot answer with it.
      const now = Date.now();
      const others: Array<Partial<RadarFilter>> = [{}, { status: 5 }, { channel: 2 }, { receivedFrom: 1, receivedBefore: now }];
      const marks: Array<Partial<RadarFilter>> = [
        {},
        { runningOnly: true, dueBefore: now },
        { runningOnly: true, dueFrom: now, dueBefore: now + 86_400_000 },
        { onlineReceivedBefore: now },
        { staleBefore: now },
        { forwardAcceptedBefore: now },
      ];
      let combinations = 0;
      for (const tab of [null, ...QUEUE_TABS.filter((t): t is Exclude<QueueTab, 'all'> => t !== 'all')])
        for (const assigneeId of [null, 1])
          for (const openOnly of [false, true])
            for (const procedureIds of [null, [], ['x']])
              for (const mark of marks)
                for (const sort of ['received', 'due'] as const)
                  for (const direction of ['asc', 'desc'] as const)
                    for (const after of [null, { key: 1, id: 1 }, { key: null, id: 1e9 }]) {
                      const f = { ...none, tab, assigneeId, openOnly, procedureIds, ...mark, ...others[combinations % others.length] };
                      expect(() => repo.page(f, { sort, direction }, after, 10), JSON.stringify(f)).not.toThrow();
                      combinations++;
                    }
      expect(combinations).toBe(8 * 2 * 2 * 3 * 6 * 2 * 2 * 3);
    } finally {
      ro.close();
    }
  });
});
