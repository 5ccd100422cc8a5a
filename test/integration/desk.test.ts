import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import { DB_FILE_NAME } from '../../electron/db/connection';
import type { Desk } from '../../electron/services/desk';
import { SETUP, intake, openTestDesk, value } from '../support/desk';

let open: Desk[] = [];
afterEach(() => {
  open.forEach((d) => d.close());
  open = [];
});

function setupDesk(clockIso?: string) {
  const t = openTestDesk(clockIso);
  open.push(t.desk);
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatch(t.desk, method, input) as Promise<Result<MethodOutput<M>>>;
  return { ...t, call };
}

async function configured(clockIso?: string) {
  const t = setupDesk(clockIso);
  value(await t.call('setupDesk', SETUP));
  return t;
}

describe('first run', () => {
  it('offers Tĩnh Gia defaults, refuses work before setup, and sets up once', async () => {
    const { call } = setupDesk();
    const state = value(await call('getSetup', {}));
    expect(state.configured).toBe(false);
    expect(state.defaults.agencyName).toBe('Trung tâm Phục vụ hành chính công phường Tĩnh Gia');
    expect(state.defaults.provinceName).toBe('Thanh Hóa');
    const early = await call('createDossier', intake());
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });

    const after = value(await call('setupDesk', SETUP));
    expect(after).toMatchObject({ configured: true, officer: { fullName: 'Lê Thị Hoa' } });
    expect(await call('setupDesk', SETUP)).toMatchObject({ ok: false, error: { code: 'ALREADY_CONFIGURED' } });
  });

  it('keeps agency changes dated: a dossier keeps the name in force when it was received', async () => {
    const { call, clock } = await configured();
    const before = value(await call('createDossier', intake()));
    clock.advance(60_000);
    value(await call('updateAgency', { ...SETUP.agency, agencyName: 'Trung tâm PVHCC phường Tĩnh Gia (mới)' }));
    expect(value(await call('getSetup', {})).agency?.agencyName).toBe('Trung tâm PVHCC phường Tĩnh Gia (mới)');
    const accepted = value(await call('acceptDossier', { id: before.id }));
    expect(accepted.dossier.agencyCode).toBe(SETUP.agency.agencyCode);
  });
});

describe('intake', () => {
  it('saves the dossier with its code, components from the catalogue and a first event', async () => {
    const { call } = await configured('2026-11-24T02:15:00Z'); // 09:15 in Tĩnh Gia
    const d = value(await call('createDossier', intake()));
    expect(d.code).toBe('000.00.16.H56-261124-0001');
    expect(d.status).toBe(1);
    expect(d.phone).toBe('0912345678');
    expect(d.applicantName).toBe('NGUYỄN THỊ PHÚC');
    const detail = value(await call('getDossier', { id: d.id }));
    expect(detail.components.map((c) => c.name)).toContain('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ action: 'created', fromStatus: null, toStatus: 1, officerName: 'Lê Thị Hoa' });
  });

  it('numbers dossiers per day and restarts the sequence on a new Vietnamese day', async () => {
    const { call, clock } = await configured('2026-11-24T02:15:00Z');
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(value(await call('createDossier', intake())).code);
    clock.set('2026-11-24T17:05:00Z'); // 00:05 on 25/11 in Vietnam
    codes.push(value(await call('createDossier', intake())).code);
    expect(codes).toEqual([
      '000.00.16.H56-261124-0001',
      '000.00.16.H56-261124-0002',
      '000.00.16.H56-261124-0003',
      '000.00.16.H56-261125-0001',
    ]);
  });

  it('stores NFD input as NFC', async () => {
    const { call } = await configured();
    const d = value(await call('createDossier', intake({ fullName: 'Trần Văn Đức'.normalize('NFD') })));
    expect(d.applicantName).toBe('Trần Văn Đức');
    expect(d.applicantName).toBe(d.applicantName.normalize('NFC'));
  });

  it.each([
    ['a CCCD of the wrong length', { idNumber: '03819600123' }, 'applicant.idNumber', /12 chữ số/],
    ['a CCCD with an unknown province', { idNumber: '999196001234' }, 'applicant.idNumber', /Mã tỉnh/],
    ['a name with <script>', { fullName: '<script>alert(1)</script>' }, 'applicant.fullName', /< hoặc >/],
    ['an empty name', { fullName: '   ' }, 'applicant.fullName', /không được để trống/],
    ['a bad e-mail', { email: 'phuc@' }, 'applicant.email', /E-mail không hợp lệ/],
    ['a bad phone', { phone: '0123' }, 'applicant.phone', /Số điện thoại không hợp lệ/],
  ])('refuses %s with a Vietnamese message on the field, saving nothing', async (_label, bad, field, message) => {
    const { call } = await configured();
    const r = await call('createDossier', intake(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(message);
    expect(r.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    expect(value(await call('queueCounts', {})).total).toBe(0);
  });

  it('refuses an unknown procedure and an unknown channel', async () => {
    const { call } = await configured();
    expect(await call('createDossier', intake({}, 'khong-co'))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('createDossier', { ...intake(), channel: 9 as 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('acceptance and the slip', () => {
  it('"Tiếp nhận" moves 1 → 2, sets the due date, records the event and stores Mẫu 01', async () => {
    const { call, dataDir } = await configured('2026-11-24T02:15:00Z');
    const d = value(await call('createDossier', intake()));
    const { dossier, document } = value(await call('acceptDossier', { id: d.id }));
    expect(dossier.status).toBe(2);
    expect(dossier.acceptedAt).toBe('2026-11-24T02:15:00.000Z');
    expect(dossier.dueAt).toBe('2026-11-27T02:15:00.000Z'); // 3 working days: 09:15 on Friday 27/11
    expect(document).toMatchObject({ form: '01', version: 1, fileName: `${d.code}-mau01.pdf` });

    const content = value(await call('getDocument', { id: document.id }));
    const bytes = Buffer.from(content.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);

    const detail = value(await call('getDossier', { id: d.id }));
    expect(detail.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 1],
      ['accepted', 1, 2],
    ]);
    expect(detail.documents).toHaveLength(1);

    expect(await call('acceptDossier', { id: d.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await call('acceptDossier', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    db.close();
  });
});

describe('queue and search', () => {
  async function withPeople() {
    const t = await configured();
    const people = ['NGUYỄN THỊ PHÚC', 'Trần Văn Đức', 'Lê Đức Anh', 'Nguyễn Thị Phương', 'Phạm Thị Hoa'];
    const ids: number[] = [];
    for (const fullName of people) {
      ids.push(value(await t.call('createDossier', intake({ fullName }))).id);
      t.clock.advance(60_000);
    }
    return { ...t, ids };
  }

  it('folds diacritics and đ: "duc" finds Đức, "nguyen thi phuc" finds NGUYỄN THỊ PHÚC', async () => {
    const { call } = await withPeople();
    const names = async (q: string) => value(await call('listQueue', { q })).items.map((i) => i.applicantName);
    expect(await names('duc')).toEqual(['Lê Đức Anh', 'Trần Văn Đức']);
    expect(await names('nguyen thi phuc')).toEqual(['NGUYỄN THỊ PHÚC']);
    expect(await names('Nguyễn Thị Ph')).toEqual(['Nguyễn Thị Phương', 'NGUYỄN THỊ PHÚC']);
    expect(await names('zzz')).toEqual([]);
  });

  it('finds by code prefix, CCCD and phone', async () => {
    const { call } = await withPeople();
    const first = value(await call('listQueue', {})).items.at(-1)!;
    expect(value(await call('listQueue', { q: first.code })).items.map((i) => i.id)).toEqual([first.id]);
    expect(value(await call('listQueue', { q: '038196' })).items).toHaveLength(5);
    expect(value(await call('listQueue', { q: '0912 345' })).items).toHaveLength(5);
  });

  it('pages with keyset cursors, newest first, without gaps or repeats, and filters by status', async () => {
    const { call, ids } = await withPeople();
    value(await call('acceptDossier', { id: ids[0]! }));
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = value(await call('listQueue', { limit: 2, cursor }));
      seen.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect(value(await call('listQueue', { status: 2 })).items.map((i) => i.id)).toEqual([ids[0]]);
    expect(value(await call('queueCounts', {}))).toMatchObject({ total: 5, byStatus: { '1': 4, '2': 1 }, byTab: { new: 5, all: 5 } });
  });

  it('uses indexes for every queue query, never a full scan or OFFSET', async () => {
    const { dataDir } = await withPeople();
    const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const page = plan(
      `SELECT d.id FROM dossiers d WHERE d.status = ? AND (d.received_at, d.id) < (?, ?) ORDER BY d.received_at DESC, d.id DESC LIMIT 100`,
      1, 1e15, 1e15,
    );
    expect(page).toMatch(/USING (COVERING )?INDEX dossiers_status_received/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    const all = plan(`SELECT d.id FROM dossiers d WHERE (d.received_at, d.id) < (?, ?) ORDER BY d.received_at DESC, d.id DESC LIMIT 100`, 1e15, 1e15);
    expect(all).toMatch(/INDEX dossiers_received/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT id FROM dossiers WHERE id_number >= ? AND id_number < ?`, '0', '1')).toMatch(/INDEX dossiers_id_number/);
    db.close();
  });
});
