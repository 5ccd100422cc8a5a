import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DeskError } from '../contract';
import { createDesk, readVersion } from '../services/desk';
import { defaultDataDir } from '../services/paths';
import { createDeskServer } from './http-server';

/** `npm run serve`: the desk behind HTTP on 127.0.0.1, serving the built renderer. Never a stack trace. */
const root = typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();

function fatal(message: string): never {
  console.error(`\nKhông khởi động được Một Cửa Desk: ${message}\n`);
  process.exit(1);
}

function main() {
  const dataDir = defaultDataDir();
  const portText = process.env.DESK_PORT ?? '4780';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`DESK_PORT="${portText}" không phải số cổng hợp lệ (0–65535).`);
  const version = readVersion(root);

  let desk: ReturnType<typeof createDesk>;
  try {
    desk = createDesk({ dataDir, resourcesDir: path.join(root, 'resources'), version });
  } catch (err) {
    fatal(err instanceof DeskError ? err.message : String((err as Error).message ?? err));
  }
  const token = randomBytes(24).toString('base64url');
  const server = createDeskServer({ desk, rendererDir: path.join(root, 'dist', 'renderer'), token, version });
  const infoFile = path.join(dataDir, 'server.json');

  server.on('error', (err: NodeJS.ErrnoException) => {
    desk.close();
    fatal(err.code === 'EADDRINUSE' ? `cổng ${port} đang được dùng; đặt DESK_PORT sang cổng khác.` : err.message);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    const origin = `http://127.0.0.1:${actual}`;
    const url = `${origin}/?token=${token}`;
    fs.writeFileSync(infoFile, JSON.stringify({ url, origin, port: actual, token, pid: process.pid, dataDir }, null, 2), {
      mode: 0o600,
    });
    console.log(`Một Cửa Desk: ${url}`);
    console.log(`Dữ liệu: ${dataDir} — nhấn Ctrl+C để dừng.`);
    void desk.warmUp().catch((err: unknown) => console.error('[desk] warm-up failed:', err));
    // The watched scan folder: new scans reach the inbox within a few seconds.
    setInterval(() => void desk.scanFolderPass().catch((err: unknown) => console.error('[desk] scan folder:', err)), 3000).unref();
    // The e-mail outbox: queued mail goes out (or waits for its next attempt) every few seconds.
    setInterval(() => void desk.processOutbox().catch((err: unknown) => console.error('[desk] outbox:', err)), 5000).unref();
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    try {
      fs.rmSync(infoFile, { force: true });
    } finally {
      desk.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
