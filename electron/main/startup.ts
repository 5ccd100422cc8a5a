/** What the officer is told when the desk cannot start (unit-tested). */

export interface StartupFailure {
  title: string;
  message: string;
}

const codeOf = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;

const messageOf = (err: unknown): string =>
  err instanceof Error ? err.message : typeof err === 'string' ? err : 'Lỗi không xác định';

export function describeStartupFailure(err: unknown): StartupFailure {
  if (codeOf(err) === 'DB_TOO_NEW') {
    // The desk's own Vietnamese message says which version wrote the database and what to do.
    return { title: 'Một Cửa Desk — cơ sở dữ liệu mới hơn phần mềm', message: messageOf(err) };
  }
  return {
    title: 'Một Cửa Desk — không khởi động được',
    message: `Không mở được dữ liệu của bàn một cửa: ${messageOf(err)}\nHãy báo cho quản trị viên.`,
  };
}
