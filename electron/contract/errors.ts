/** Typed error codes that cross every door. Messages are Vietnamese, for the officer. */
export const ERROR_CODES = [
  'VALIDATION', // input does not match the contract's schema
  'NOT_FOUND',
  'CONFLICT', // e.g. a unique value already used
  'NOT_CONFIGURED', // first-run setup not done yet
  'ALREADY_CONFIGURED',
  'INVALID_STATE', // the dossier's status does not allow this action
  'LIMIT_REACHED', // a rule's limit (one supplement request, one extension) without the override it needs
  'DB_TOO_NEW', // the database was written by a newer version of the desk
  'UNAUTHORIZED', // desk server: missing or wrong token
  'SIGN_IN_REQUIRED', // no officer signed in at this door
  'SESSION_LOCKED', // the session locked itself after inactivity: unlock with the password
  'FORBIDDEN', // foreign Host or Origin; or the officer's role may not do this
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };

/** Thrown inside the desk; turned into an envelope at the desk's edge, never sent across a process as-is. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DeskError';
  }

  toShape(): DeskErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
