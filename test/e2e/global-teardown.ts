import fs from 'node:fs';

/** Stops the desk server started by global-setup.ts and removes its temp data directory. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.DESK_E2E_PID);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  const dir = process.env.DESK_E2E_DATA_DIR;
  if (dir && !process.env.DESK_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
