import { randomBytes } from 'node:crypto';
import {
  DeskError,
  ROLE_NAMES,
  type Access,
  type Account,
  type RoleName,
  type SaveAccountInput,
  type SessionView,
} from '../contract';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../core/password';
import type { Db } from '../db/connection';
import type { Door, OfficerRow, OfficersRepo } from '../db/officers-repo';
import type { Actor } from './actor';

/** Wrong passwords in a row before an account rests, and how long it rests. */
export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

interface Session {
  officerId: number;
  door: Door;
  lastSeen: number;
  locked: boolean;
}

export interface AuthDeps {
  db: Db;
  officers: OfficersRepo;
  clock: () => Date;
  /** Minutes without a call before a session locks (the counter setting). */
  lockMinutes: () => number;
}

const hhmm = (ms: number) =>
  new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(ms);

/** A role's name inside a sentence: its first letter small, "Một cửa" kept as the name it is. */
const inSentence = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const badCredentials = () =>
  new DeskError('VALIDATION', 'Tên đăng nhập hoặc mật khẩu không đúng.', [
    { path: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  ]);

/**
 * Officers' sign-in and sessions. Sessions live in memory (a restart signs everyone out, which is what a desk PC
 * expects); each is an opaque random token held by a door (main, or an HttpOnly cookie), never by page script.
 * Wrong passwords are counted per account: after MAX_FAILURES it rests for LOCKOUT_MINUTES, and every attempt is in
 * the sign-in log. An unknown username costs the same hashing time as a known one.
 */
export function authService(deps: AuthDeps) {
  const { officers, clock } = deps;
  const sessions = new Map<string, Session>();
  const now = () => clock().getTime();

  const officerOf = (o: OfficerRow) => ({
    id: o.id,
    username: o.username ?? '',
    fullName: o.fullName,
    title: o.title,
    unit: o.unit,
    fields: o.fields,
    role: o.role,
  });

  const view = (s: Session, o: OfficerRow): SessionView => ({
    officer: officerOf(o),
    locked: s.locked,
    lockMinutes: deps.lockMinutes(),
    mustChangePassword: o.mustChangePassword,
  });

  /** The session behind a token, locked if it sat idle too long; null when there is none (or its officer left). */
  const live = (token: string | null): { s: Session; o: OfficerRow } | null => {
    const s = token ? sessions.get(token) : undefined;
    if (!s) return null;
    const o = officers.byId(s.officerId);
    if (!o || !o.active || !o.passwordHash) {
      sessions.delete(token!);
      return null;
    }
    if (!s.locked && now() - s.lastSeen > deps.lockMinutes() * 60_000) s.locked = true;
    return { s, o };
  };

  /** Counts a wrong password; the account rests after MAX_FAILURES. True when it is now resting. */
  const countFailure = (o: OfficerRow): boolean => {
    const failures = o.failedSignIns + 1;
    if (failures >= MAX_FAILURES) {
      officers.setFailures(o.id, 0, now() + LOCKOUT_MINUTES * 60_000);
      return true;
    }
    officers.setFailures(o.id, failures, null);
    return false;
  };

  const resting = (o: OfficerRow) => o.lockedUntil !== null && o.lockedUntil > now();
  const restingError = (o: OfficerRow) =>
    new DeskError(
      'FORBIDDEN',
      `Tài khoản tạm khóa do nhập sai mật khẩu ${MAX_FAILURES} lần; hãy thử lại sau ${hhmm(o.lockedUntil!)} hoặc nhờ quản trị viên đặt lại mật khẩu.`,
    );

  const endSessionsOf = (officerId: number) => {
    for (const [token, s] of sessions) if (s.officerId === officerId) sessions.delete(token);
  };

  /** A password hash for a new or reset account, after the strength check. */
  const freshHash = async (password: string, username: string): Promise<string> => {
    const problem = passwordProblem(password, username);
    if (problem) throw new DeskError('VALIDATION', problem, [{ path: 'password', message: problem }]);
    return hashPassword(password);
  };

  const toAccount = (o: OfficerRow): Account => ({
    ...officerOf(o),
    active: o.active,
    hasPassword: o.passwordHash !== null,
    lockedUntil: resting(o) ? new Date(o.lockedUntil!).toISOString() : null,
    mustChangePassword: o.mustChangePassword,
  });

  return {
    async signIn(input: { username: string; password: string }, door: Door): Promise<{ token: string; view: SessionView }> {
      const o = officers.byUsername(input.username);
      if (!o || !o.passwordHash) {
        await verifyPassword(input.password, null);
        officers.log(now(), input.username, null, 'unknown', door);
        throw badCredentials();
      }
      if (resting(o)) {
        officers.log(now(), input.username, o.id, 'locked', door);
        throw restingError(o);
      }
      const right = await verifyPassword(input.password, o.passwordHash);
      if (!right) {
        const rests = countFailure(o);
        officers.log(now(), input.username, o.id, 'bad_password', door);
        if (rests) throw restingError(officers.byId(o.id)!);
        throw badCredentials();
      }
      if (!o.active) {
        officers.log(now(), input.username, o.id, 'inactive', door);
        throw new DeskError('FORBIDDEN', 'Tài khoản đã ngừng hoạt động; hãy liên hệ quản trị viên.');
      }
      officers.setFailures(o.id, 0, null);
      if (needsRehash(o.passwordHash)) officers.setPassword(o.id, await hashPassword(input.password), o.mustChangePassword, now());
      officers.log(now(), o.username ?? input.username, o.id, 'ok', door);
      const token = randomBytes(32).toString('base64url');
      const s: Session = { officerId: o.id, door, lastSeen: now(), locked: false };
      sessions.set(token, s);
      return { token, view: view(s, officers.byId(o.id)!) };
    },

    /** The session's view (null when signed out); reading it does not count as use. */
    session(token: string | null): SessionView | null {
      const found = live(token);
      return found ? view(found.s, found.o) : null;
    },

    /**
     * The officer a call may run as, or the reason it may not: no session, locked, a password to change first, or a
     * role the method is not for. A call that passes counts as use (the idle clock restarts).
     */
    admit(token: string | null, access: Exclude<Access, 'public' | 'session'>): Actor {
      const found = live(token);
      if (!found) throw new DeskError('SIGN_IN_REQUIRED', 'Hãy đăng nhập để tiếp tục làm việc.');
      const { s, o } = found;
      if (s.locked) throw new DeskError('SESSION_LOCKED', 'Màn hình đã khóa; hãy nhập mật khẩu để tiếp tục.');
      if (o.mustChangePassword) throw new DeskError('FORBIDDEN', 'Hãy đổi mật khẩu trước khi làm việc.');
      if (access !== 'signedIn' && !access.includes(o.role)) {
        const who = access.map((r) => inSentence(ROLE_NAMES[r])).join(', ');
        throw new DeskError('FORBIDDEN', `Chức năng này dành cho ${who}; tài khoản của bạn là ${inSentence(ROLE_NAMES[o.role])}.`, {
          role: o.role,
        });
      }
      s.lastSeen = now();
      return { officerId: o.id, role: o.role };
    },

    lock(token: string | null): SessionView | null {
      const found = live(token);
      if (!found) return null;
      found.s.locked = true;
      return view(found.s, found.o);
    },

    async unlock(token: string | null, password: string): Promise<SessionView> {
      const found = live(token);
      if (!found) throw new DeskError('SIGN_IN_REQUIRED', 'Phiên làm việc đã hết; hãy đăng nhập lại.');
      const { s, o } = found;
      if (!(await verifyPassword(password, o.passwordHash))) {
        const rests = countFailure(o);
        officers.log(now(), o.username ?? '', o.id, 'unlock_failed', s.door);
        if (rests) {
          endSessionsOf(o.id);
          throw restingError(officers.byId(o.id)!);
        }
        throw new DeskError('VALIDATION', 'Mật khẩu không đúng.', [{ path: 'password', message: 'Mật khẩu không đúng.' }]);
      }
      officers.setFailures(o.id, 0, null);
      officers.log(now(), o.username ?? '', o.id, 'unlock', s.door);
      s.locked = false;
      s.lastSeen = now();
      return view(s, officers.byId(o.id)!);
    },

    signOut(token: string | null): void {
      const s = token ? sessions.get(token) : undefined;
      if (!s) return;
      sessions.delete(token!);
      const o = officers.byId(s.officerId);
      officers.log(now(), o?.username ?? '', s.officerId, 'signed_out', s.door);
    },

    async changePassword(token: string | null, input: { current: string; next: string }): Promise<SessionView> {
      const found = live(token);
      if (!found) throw new DeskError('SIGN_IN_REQUIRED', 'Hãy đăng nhập để đổi mật khẩu.');
      if (found.s.locked) throw new DeskError('SESSION_LOCKED', 'Màn hình đã khóa; hãy nhập mật khẩu để tiếp tục.');
      const { o } = found;
      if (!(await verifyPassword(input.current, o.passwordHash))) {
        throw new DeskError('VALIDATION', 'Mật khẩu hiện tại không đúng.', [{ path: 'current', message: 'Mật khẩu hiện tại không đúng.' }]);
      }
      const problem = passwordProblem(input.next, o.username ?? '');
      if (problem) throw new DeskError('VALIDATION', problem, [{ path: 'next', message: problem }]);
      if (input.next === input.current) {
        const same = 'Mật khẩu mới phải khác mật khẩu hiện tại.';
        throw new DeskError('VALIDATION', same, [{ path: 'next', message: same }]);
      }
      officers.setPassword(o.id, await hashPassword(input.next), false, now());
      found.s.lastSeen = now();
      return view(found.s, officers.byId(o.id)!);
    },

    freshHash,

    accounts: (): Account[] => officers.all().map(toAccount),

    /**
     * Adds or edits an account. Usernames are unique (ignoring case); the last active administrator cannot be
     * demoted or switched off; a password set here is temporary (changed at the next sign-in). Switching an account
     * off or resetting its password ends its open sessions.
     */
    async saveAccount(input: SaveAccountInput & { fields: string[] }): Promise<Account> {
      const at = now();
      const clash = officers.byUsername(input.username);
      if (clash && clash.id !== input.id) {
        throw new DeskError('CONFLICT', `Tên đăng nhập "${input.username}" đã có người dùng.`, [
          { path: 'username', message: 'Tên đăng nhập đã có người dùng' },
        ]);
      }
      const fields = {
        username: input.username,
        fullName: input.fullName,
        title: input.title ?? '',
        unit: input.unit ?? '',
        fields: input.fields,
        role: input.role as RoleName,
        active: input.active,
      };
      const hash = input.password ? await freshHash(input.password, input.username) : null;
      if (input.id === undefined) {
        if (!hash) throw new DeskError('VALIDATION', 'Hãy đặt mật khẩu ban đầu cho tài khoản mới.', [{ path: 'password', message: 'Hãy đặt mật khẩu ban đầu' }]);
        const id = officers.add(fields, hash, true, at);
        return toAccount(officers.byId(id)!);
      }
      const before = officers.byId(input.id);
      if (!before) throw new DeskError('NOT_FOUND', `Không tìm thấy tài khoản số ${input.id}`);
      deps.db
        .transaction(() => {
          officers.update(before.id, fields, at);
          if (hash) officers.setPassword(before.id, hash, true, at);
          if (officers.activeAdmins() === 0) {
            throw new DeskError('INVALID_STATE', 'Phải còn ít nhất một quản trị viên đang hoạt động.', [
              { path: 'role', message: 'Phải còn ít nhất một quản trị viên đang hoạt động' },
            ]);
          }
        })
        .immediate();
      if (!fields.active || hash || before.role !== fields.role) endSessionsOf(before.id);
      return toAccount(officers.byId(before.id)!);
    },

    signInLog: (limit: number) =>
      officers.signInLog(limit).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),

    /** Sessions open now (for the doors' tests and the administrator's view). */
    openSessions: () => sessions.size,
  };
}

export type AuthService = ReturnType<typeof authService>;
