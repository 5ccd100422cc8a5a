/**
 * Password hashing with scrypt (memory-hard, in Node's crypto: no native add-on to build for Electron). The stored
 * string names its parameters, so they can be raised later and old hashes still verify:
 *   scrypt$<log2 N>$<r>$<p>$<salt base64url>$<hash base64url>
 * N = 2^15, r = 8 → 32 MiB and ~0.1 s per try on an office PC: slow for a guesser, unnoticed at sign-in.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

const scrypt = (password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** logN;
    const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 };
    scryptCb(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for a stored value that is not a hash this module wrote. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await scrypt(password, randomBytes(16), LOG_N, R, P); // same cost, so a missing account is not faster
    return false;
  }
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await scrypt(password, Buffer.from(parts[4]!, 'base64url'), logN, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash made with weaker parameters than today's: re-hash it at the next successful sign-in. */
export const needsRehash = (stored: string): boolean => {
  const [kind, logN, r] = stored.split('$');
  return kind !== 'scrypt' || Number(logN) < LOG_N || Number(r) < R;
};

/** Vietnamese reason a new password is not acceptable, or null. */
export function passwordProblem(password: string, username = ''): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự';
  if (password.length > 128) return 'Mật khẩu tối đa 128 ký tự';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'Mật khẩu phải có cả chữ và số';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập';
  return null;
}
