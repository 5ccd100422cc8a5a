import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_ACCESS, METHOD_NAMES, type Result } from '../../electron/contract';
import { DB_FILE_NAME } from '../../electron/db/connection';
import { deskGate } from '../../electron/services/gate';
import type { Desk } from '../../electron/services/desk';
import { SETUP, intake, openTestDesk, sessionSlot, signedInDesk, value } from '../support/desk';

/**
 * Officers' accounts, sessions and roles through the gate every door uses (the IPC and HTTP doors only add where the
 * token is kept: main's slot, or an HttpOnly cookie — see server.test.ts). Real desk, real SQLite, real scrypt.
 */
const desks: Desk[] = [];
afterEach(() => {
  desks.splice(0).forEach((d) => d.close());
});

const slot = () => sessionSlot();

async function configured(clockIso?: string) {
  const t = await signedInDesk(clockIso);
  desks.push(t.desk);
  return t;
}

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const message = (r: Result<unknown>) => (r.ok ? '' : r.error.message);

describe('access table', () => {
  it('names every contract method (a method without an entry would be refused: deny by default)', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...METHOD_NAMES].sort());
    // Only the first-run methods are open before sign-in.
    const open = Object.entries(METHOD_ACCESS).filter(([, a]) => a === 'public').map(([m]) => m);
    expect(open.sort()).toEqual(['createAdminAccount', 'getSetup', 'setupDesk']);
  });
});

describe('sign-in', () => {
  it('stores a scrypt hash, never the password; refuses a weak first password in Vietnamese', async () => {
    const t = openTestDesk();
    desks.push(t.desk);
    const weak = await t.desk.setupDesk({ ...SETUP, officer: { ...SETUP.officer, password: 'hoa.le123' } });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'officer.password' }] } });
    expect(message(weak)).toBe('Mật khẩu không được chứa tên đăng nhập');
    expect(message(await t.desk.setupDesk({ ...SETUP, officer: { ...SETUP.officer, password: 'ngan1' } }))).toMatch(/ít nhất 8 ký tự/);
    value(await t.desk.setupDesk(SETUP));
    const db = new Database(path.join(t.dataDir, DB_FILE_NAME), { readonly: true });
    const stored = db.prepare(`SELECT password_hash AS h FROM officers`).pluck().get() as string;
    db.close();
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(SETUP.officer.password);
  });

  it('rests an account after five wrong passwords, logs every attempt, and answers an unknown name the same way', async () => {
    const { gate, clock, admin } = await configured();
    const door = slot();
    const unknown = await gate.call(door, 'signIn', { username: 'khong.co', password: 'Abcdef123' });
    const wrong = await gate.call(door, 'signIn', { username: SETUP.officer.username, password: 'Abcdef123' });
    expect(message(unknown)).toBe(message(wrong)); // nothing tells a guesser which names exist
    for (let i = 0; i < 3; i++) await gate.call(door, 'signIn', { username: SETUP.officer.username, password: 'Abcdef123' });
    const fifth = await gate.call(door, 'signIn', { username: SETUP.officer.username, password: 'Abcdef123' });
    expect(code(fifth)).toBe('FORBIDDEN');
    expect(message(fifth)).toMatch(/tạm khóa do nhập sai mật khẩu 5 lần; hãy thử lại sau 09:15/);
    // Resting: even the right password waits.
    const right = { username: SETUP.officer.username, password: SETUP.officer.password };
    expect(code(await gate.call(door, 'signIn', right))).toBe('FORBIDDEN');
    expect(door.token).toBeNull();
    clock.set('2026-11-24T02:16:00Z');
    expect(code(await gate.call(door, 'signIn', right))).toBe('ok');
    expect(door.token).toMatch(/^[\w-]{43}$/);

    value(await gate.call(admin, 'unlockSession', { password: SETUP.officer.password })); // idle for 16 minutes
    const log = value(await gate.call(admin, 'listSignInLog', {})) as { entries: Array<{ outcome: string; username: string }> };
    expect(log.entries.map((e) => e.outcome).reverse()).toEqual(['ok', 'unknown', 'bad_password', 'bad_password', 'bad_password', 'bad_password', 'bad_password', 'locked', 'ok', 'unlock']);
  });

  it('locks a session idle past the setting; unlocking needs the password; sign-out ends it', async () => {
    const { gate, clock, admin } = await configured();
    expect(code(await gate.call(admin, 'queueCounts', {}))).toBe('ok');
    clock.set('2026-11-24T02:11:00Z'); // 11 minutes later, the default lock is 10
    const idle = await gate.call(admin, 'queueCounts', {});
    expect(code(idle)).toBe('SESSION_LOCKED');
    expect(message(idle)).toBe('Màn hình đã khóa; hãy nhập mật khẩu để tiếp tục.');
    expect(value(await gate.call(admin, 'getSession', {}))).toMatchObject({ session: { locked: true, officer: { fullName: 'Lê Thị Hoa' } } });
    expect(code(await gate.call(admin, 'unlockSession', { password: 'Sai123456' }))).toBe('VALIDATION');
    expect(code(await gate.call(admin, 'unlockSession', { password: SETUP.officer.password }))).toBe('ok');
    expect(code(await gate.call(admin, 'queueCounts', {}))).toBe('ok');
    value(await gate.call(admin, 'signOut', {}));
    expect(admin.token).toBeNull();
    expect(code(await gate.call(admin, 'queueCounts', {}))).toBe('SIGN_IN_REQUIRED');
  });
});

describe('accounts and roles', () => {
  it('an administrator adds a specialist; the temporary password is changed first; the role limits what the desk does', async () => {
    const { gate, admin } = await configured();
    const added = value(
      await gate.call(admin, 'saveAccount', {
        username: 'binh.tran',
        fullName: 'Trần Văn Bình',
        title: 'Công chức Tư pháp - Hộ tịch',
        unit: 'Tư pháp - Hộ tịch',
        fields: ['Hộ tịch'],
        role: 'specialist',
        active: true,
        password: 'TamThoi2026',
      }),
    ) as { id: number; mustChangePassword: boolean };
    expect(added.mustChangePassword).toBe(true);
    const taken = await gate.call(admin, 'saveAccount', { username: 'BINH.TRAN', fullName: 'Trần Bình', title: '', unit: '', fields: [], role: 'reception', active: true, password: 'MatKhau2026' });
    expect(code(taken)).toBe('CONFLICT');

    const binh = slot();
    const session = value(await gate.call(binh, 'signIn', { username: 'binh.tran', password: 'TamThoi2026' })) as { mustChangePassword: boolean };
    expect(session.mustChangePassword).toBe(true);
    expect(message(await gate.call(binh, 'listQueue', {}))).toBe('Hãy đổi mật khẩu trước khi làm việc.');
    expect(code(await gate.call(binh, 'changePassword', { current: 'TamThoi2026', next: 'TamThoi2026' }))).toBe('VALIDATION');
    value(await gate.call(binh, 'changePassword', { current: 'TamThoi2026', next: 'HoTich2026' }));

    expect(code(await gate.call(binh, 'listQueue', {}))).toBe('ok');
    const intakeAsSpecialist = await gate.call(binh, 'createDossier', intake());
    expect(code(intakeAsSpecialist)).toBe('FORBIDDEN');
    expect(message(intakeAsSpecialist)).toBe(
      'Chức năng này dành cho cán bộ tiếp nhận (Một cửa), lãnh đạo, quản trị viên; tài khoản của bạn là công chức chuyên môn.',
    );
    expect(code(await gate.call(binh, 'saveAccount', { username: 'x.y', fullName: 'X Y', title: '', unit: '', fields: [], role: 'admin', active: true, password: 'MatKhau2026' }))).toBe('FORBIDDEN');
    expect(code(await gate.call(binh, 'saveMailSettings', {}))).toBe('FORBIDDEN');

    // What the desk records is the signed-in officer's, not the local administrator's.
    const created = value(await gate.call(admin, 'createDossier', { ...intake(), accept: true })) as { id: number };
    const detail = value(await gate.call(admin, 'getDossier', { id: created.id })) as { events: Array<{ officerName: string | null }> };
    expect(detail.events.at(-1)?.officerName).toBe('Lê Thị Hoa');
  });

  it('keeps one active administrator: the last cannot be demoted or switched off; switching off ends the sessions', async () => {
    const { gate, admin, desk } = await configured();
    const self = (value(await gate.call(admin, 'listAccounts', {})) as { accounts: Array<{ id: number }> }).accounts[0]!;
    const base = { id: self.id, username: SETUP.officer.username, fullName: SETUP.officer.fullName, title: SETUP.officer.title, unit: '', fields: [] };
    const demote = await gate.call(admin, 'saveAccount', { ...base, role: 'reception', active: true });
    expect(code(demote)).toBe('INVALID_STATE');
    expect(message(demote)).toBe('Phải còn ít nhất một quản trị viên đang hoạt động.');
    expect(code(await gate.call(admin, 'saveAccount', { ...base, role: 'admin', active: false }))).toBe('INVALID_STATE');

    const other = value(await gate.call(admin, 'saveAccount', { username: 'mai.nguyen', fullName: 'Nguyễn Thị Mai', title: '', unit: '', fields: [], role: 'reception', active: true, password: 'TiepNhan2026' })) as { id: number };
    const mai = slot();
    value(await gate.call(mai, 'signIn', { username: 'mai.nguyen', password: 'TiepNhan2026' }));
    value(await gate.call(admin, 'saveAccount', { id: other.id, username: 'mai.nguyen', fullName: 'Nguyễn Thị Mai', title: '', unit: '', fields: [], role: 'reception', active: false }));
    expect(code(await gate.call(mai, 'listQueue', {}))).toBe('SIGN_IN_REQUIRED');
    expect(code(await gate.call(mai, 'signIn', { username: 'mai.nguyen', password: 'TiepNhan2026' }))).toBe('FORBIDDEN');
    // Switched-off officers leave the officer pickers.
    expect((value(await desk.listOfficers({})) as Array<{ fullName: string }>).map((o) => o.fullName)).toEqual(['Lê Thị Hoa']);
  });

  it('a desk set up before accounts existed asks for the administrator account first, once', async () => {
    const t = openTestDesk();
    desks.push(t.desk);
    value(await t.desk.setupDesk(SETUP));
    const db = new Database(path.join(t.dataDir, DB_FILE_NAME));
    db.exec(`UPDATE officers SET username = NULL, password_hash = NULL`); // as migration 005 leaves an older desk
    db.close();
    expect(value(await t.desk.getSetup({}))).toMatchObject({ configured: true, needsAccount: true });
    const gate = deskGate(t.desk, 'browser');
    const door = slot();
    expect(code(await gate.call(door, 'createAdminAccount', { username: 'hoa.le', password: 'yeu' }))).toBe('VALIDATION');
    expect(value(await gate.call(door, 'createAdminAccount', { username: 'hoa.le', password: 'MotCua2026' }))).toMatchObject({ needsAccount: false });
    expect(code(await gate.call(door, 'createAdminAccount', { username: 'ke.gian', password: 'KeGian2026' }))).toBe('ALREADY_CONFIGURED');
    expect(code(await gate.call(door, 'signIn', { username: 'hoa.le', password: 'MotCua2026' }))).toBe('ok');
  });
});
