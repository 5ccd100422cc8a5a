import { z } from 'zod';
import { noMarkup, personName, requiredText, text } from './primitives';

/**
 * Officers' accounts and sessions. A session belongs to a door (the app window, a browser), never to the renderer's
 * script: the token lives in main (per window) or in an HttpOnly cookie, and the session methods below are served by
 * the door's gate, not by the desk (see services/gate.ts).
 */
export const ROLES = ['reception', 'specialist', 'leader', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];
export const ROLE_NAMES: Readonly<Record<RoleName, string>> = {
  reception: 'Cán bộ tiếp nhận (Một cửa)',
  specialist: 'Công chức chuyên môn',
  leader: 'Lãnh đạo',
  admin: 'Quản trị viên',
};

export const username = requiredText(40, 'Tên đăng nhập').pipe(
  z.string().regex(/^[a-zA-Z0-9._-]+$/, { error: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -' }),
);
/** Checked for strength by the desk (core/password), which also knows the username. */
export const password = z.string({ error: 'Mật khẩu: phải là chuỗi ký tự' }).max(128, { error: 'Mật khẩu tối đa 128 ký tự' });

export const signInInput = z.object({ username, password: password.min(1, { error: 'Hãy nhập mật khẩu' }) });
export const unlockInput = z.object({ password: password.min(1, { error: 'Hãy nhập mật khẩu' }) });
export const changePasswordInput = z.object({
  current: password.min(1, { error: 'Hãy nhập mật khẩu hiện tại' }),
  next: password,
});

export const sessionOfficer = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  title: z.string(),
  unit: z.string(),
  fields: z.array(z.string()),
  role: z.enum(ROLES),
});
export type SessionOfficer = z.output<typeof sessionOfficer>;

export const sessionView = z.object({
  officer: sessionOfficer,
  locked: z.boolean(),
  /** Minutes without use before the window locks itself (and the door locks the session). */
  lockMinutes: z.number().int(),
  mustChangePassword: z.boolean(),
});
export type SessionView = z.output<typeof sessionView>;

/** What the renderer asks first: no session (sign in), or the session, possibly locked. */
export const sessionState = z.object({ session: sessionView.nullable() });

// ---------- accounts (administrator) ----------

export const account = sessionOfficer.extend({
  active: z.boolean(),
  hasPassword: z.boolean(),
  /** Locked after repeated wrong passwords, until this instant. */
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Account = z.output<typeof account>;

export const saveAccountInput = z.object({
  /** Absent: a new account. */
  id: z.number().int().positive().optional(),
  username,
  fullName: personName,
  title: text(100, 'Chức danh').pipe(noMarkup('Chức danh')),
  unit: text(200, 'Đơn vị, bộ phận').pipe(noMarkup('Đơn vị, bộ phận')),
  fields: z.array(requiredText(200, 'Lĩnh vực')).max(40),
  role: z.enum(ROLES, { error: 'Vai trò không hợp lệ' }),
  active: z.boolean(),
  /** Required for a new account; for an existing one it resets the password (the officer changes it at next sign-in). */
  password: password.optional(),
});
export type SaveAccountInput = z.input<typeof saveAccountInput>;

export const accountsView = z.object({ accounts: z.array(account) });

export const signInLogEntry = z.object({
  at: z.string(),
  username: z.string(),
  officerName: z.string().nullable(),
  outcome: z.string(),
  door: z.string(),
});
export const signInLog = z.object({ entries: z.array(signInLogEntry) });

/** The first administrator's account, created with the agency at first run (or on the first start of an older desk). */
export const adminAccountInput = z.object({ username, password });
