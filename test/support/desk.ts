import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDesk, type Desk } from '../../electron/services/desk';
import { deskGate, type SessionSlot } from '../../electron/services/gate';
import type { IntakeInput, Result } from '../../electron/contract';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESOURCES = path.join(ROOT, 'resources');

export function tempDir(prefix = 'desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A settable clock: tests move time explicitly, never sleep. */
export function manualClock(iso: string) {
  let now = new Date(iso);
  const clock = () => new Date(now);
  clock.set = (next: string) => void (now = new Date(next));
  clock.advance = (ms: number) => void (now = new Date(now.getTime() + ms));
  return clock;
}

export function openTestDesk(clockIso = '2026-11-24T02:15:00Z', dataDir = tempDir()) {
  const clock = manualClock(clockIso);
  const desk: Desk = createDesk({ dataDir, resourcesDir: RESOURCES, clock, version: 'test' });
  return { desk, dataDir, clock };
}

export const SETUP = {
  agency: {
    agencyCode: '000.00.16.H56',
    agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia',
    parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
    placeName: 'Tĩnh Gia',
    provinceName: 'Thanh Hóa',
    adminUnitCode: '16561',
    address: 'Phường Tĩnh Gia, tỉnh Thanh Hóa',
    phone: '0237 3862 000',
    email: '',
  },
  officer: { fullName: 'Lê Thị Hoa', title: 'Công chức Bộ phận Một cửa', username: 'hoa.le', password: 'MotCua2026' },
};

/** Signs the first-run administrator in through the HTTP door; the session cookie to send with every later call. */
export async function signInOverHttp(
  origin: string,
  token: string,
  credentials: { username: string; password: string } = SETUP.officer,
): Promise<string> {
  const r = await fetch(`${origin}/api/signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': token },
    body: JSON.stringify({ username: credentials.username, password: credentials.password }),
  });
  const cookie = r.headers.get('set-cookie')?.split(';')[0];
  if (!r.ok || !cookie) throw new Error(`sign-in failed (${r.status}): ${await r.text()}`);
  return cookie;
}

export const intake = (overrides: Partial<IntakeInput['applicant']> = {}, procedureId = 'xac-nhan-tthn'): IntakeInput => ({
  procedureId,
  channel: 1,
  applicant: {
    fullName: 'NGUYỄN THỊ PHÚC',
    idKind: 'cccd',
    idNumber: '038196001234',
    phone: '+84 912 345 678',
    email: 'phuc@example.vn',
    address: 'Khu phố Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa',
    ...overrides,
  },
});

/** Unwraps an envelope in a test, failing with the desk's own message. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`);
  return r.value;
}

/** A door's session slot (main's, or a browser's cookie), with the password its officer types when the screen locks. */
export function sessionSlot(password: string = SETUP.officer.password): SessionSlot & { password: string; token: string | null } {
  const s = { password, token: null as string | null, get: () => s.token, set: (t: string | null) => void (s.token = t) };
  return s;
}

/** A set-up desk behind the gate both doors use, with its administrator signed in at `admin`. */
export async function signedInDesk(clockIso = '2026-11-24T02:00:00Z') {
  const t = openTestDesk(clockIso);
  value(await t.desk.setupDesk(SETUP));
  const gate = deskGate(t.desk, 'browser');
  const admin = sessionSlot();
  value(await gate.call(admin, 'signIn', { username: SETUP.officer.username, password: SETUP.officer.password }));
  return { ...t, gate, admin };
}

type Officer = SessionSlot & { password: string };

/**
 * A signed-in desk with its officers: `account` has the administrator create one (temporary password), who signs in
 * and sets their own; `call` unwraps a call made as an officer, typing the password again when a jump of the test's
 * clock locked the session (as the officer would).
 */
export async function wardDesk(clockIso = '2026-11-24T02:00:00Z') {
  const t = await signedInDesk(clockIso);
  const { gate, admin } = t;
  const account = async (username: string, fullName: string, role: string, fields: string[]) => {
    const created = value(
      await gate.call(admin, 'saveAccount', { username, fullName, title: role === 'specialist' ? 'Công chức' : '', unit: '', fields, role, active: true, password: 'TamThoi2026' }),
    ) as { id: number };
    const slot = sessionSlot(`Moi2026-${fullName.length}x`);
    value(await gate.call(slot, 'signIn', { username, password: 'TamThoi2026' }));
    value(await gate.call(slot, 'changePassword', { current: 'TamThoi2026', next: slot.password }));
    return { id: created.id, slot };
  };
  const attempt = async (who: Officer, method: string, input: unknown) => {
    const r = await gate.call(who, method, input);
    if (r.ok || r.error.code !== 'SESSION_LOCKED') return r;
    value(await gate.call(who, 'unlockSession', { password: who.password }));
    return gate.call(who, method, input);
  };
  const call = async <T>(who: Officer, method: string, input: unknown) => value((await attempt(who, method, input)) as Result<T>);
  return { ...t, account, attempt, call };
}
