import {
  DeskError,
  METHOD_ACCESS,
  contract,
  dispatch,
  fail,
  isMethodName,
  validationError,
  type Access,
  type DeskImpl,
  type Result,
  type SessionMethod,
} from '../contract';
import type { Door } from '../db/officers-repo';
import { actAs, type Actor } from './actor';
import type { AuthService } from './auth';

/** Where a door keeps its session token: a cookie of one browser, or main's slot for the app window. */
export interface SessionSlot {
  get(): string | null;
  set(token: string | null): void;
}

const refusal = (err: unknown): Result<never> => {
  if (err instanceof DeskError) return { ok: false, error: err.toShape() };
  return fail('INTERNAL', 'Lỗi nội bộ của phần mềm', String(err));
};

/**
 * The gate every door calls through: the session methods are served here (the token never reaches page script), and
 * every other method is checked against METHOD_ACCESS before the desk sees it, then runs as the signed-in officer.
 * A method missing from the table is refused (deny by default).
 */
export function deskGate(desk: DeskImpl & { auth: AuthService }, door: Door) {
  const { auth } = desk;

  const session = async (slot: SessionSlot, method: SessionMethod, raw: unknown): Promise<Result<unknown>> => {
    const parsed = contract[method].input.safeParse(raw ?? {});
    if (!parsed.success) return validationError(parsed.error);
    const input = parsed.data as Record<string, string>;
    try {
      switch (method) {
        case 'signIn': {
          auth.signOut(slot.get()); // one officer per door: a new sign-in ends the previous session
          const { token, view } = await auth.signIn({ username: input.username!, password: input.password! }, door);
          slot.set(token);
          return { ok: true, value: view };
        }
        case 'signOut':
          auth.signOut(slot.get());
          slot.set(null);
          return { ok: true, value: { signedOut: true } };
        case 'getSession':
          return { ok: true, value: { session: auth.session(slot.get()) } };
        case 'lockSession':
          return { ok: true, value: { session: auth.lock(slot.get()) } };
        case 'unlockSession':
          return { ok: true, value: await auth.unlock(slot.get(), input.password!) };
        case 'changePassword':
          return { ok: true, value: await auth.changePassword(slot.get(), { current: input.current!, next: input.next! }) };
      }
    } catch (err) {
      // A session ended by the lockout leaves the door: the next screen is the sign-in.
      if (err instanceof DeskError && err.code === 'SIGN_IN_REQUIRED') slot.set(null);
      return refusal(err);
    }
  };

  return {
    /** One contract call through this door. */
    async call(slot: SessionSlot, method: unknown, raw: unknown): Promise<Result<unknown>> {
      if (!isMethodName(method)) return dispatch(desk, method, raw);
      const access: Access | undefined = (METHOD_ACCESS as Partial<Record<string, Access>>)[method];
      if (access === undefined) return fail('FORBIDDEN', `Chức năng "${method}" chưa được phân quyền nên bị từ chối.`);
      if (access === 'session') return session(slot, method as SessionMethod, raw);
      if (access === 'public') {
        const viewer = auth.session(slot.get());
        return viewer && !viewer.locked
          ? actAs({ officerId: viewer.officer.id, role: viewer.officer.role }, () => dispatch(desk, method, raw))
          : dispatch(desk, method, raw);
      }
      let actor: Actor;
      try {
        actor = auth.admit(slot.get(), access);
      } catch (err) {
        return refusal(err);
      }
      return actAs(actor, () => dispatch(desk, method, raw));
    },

    /** For the byte routes (uploads, files, PDFs): the officer they run as, or the refusal to send back. */
    admit(slot: SessionSlot, access: Exclude<Access, 'public' | 'session'> = 'signedIn'): Result<Actor> {
      try {
        return { ok: true, value: auth.admit(slot.get(), access) };
      } catch (err) {
        return refusal(err);
      }
    },

    /** Runs a byte route's work as the admitted officer. */
    as: actAs,
  };
}

export type DeskGate = ReturnType<typeof deskGate>;
