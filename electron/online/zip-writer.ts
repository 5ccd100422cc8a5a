import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import type { OnlineManifestInput } from '../contract/online';
import { MANIFEST_NAME } from './package-reader';

export interface ZipEntryInput {
  /** Path inside the ZIP, "/" between folders ("documents/x.pdf"); written NFC with the UTF-8 flag. */
  name: string;
  /** A string is written as UTF-8. */
  data: Buffer | string;
  /** Defaults to the time of the call. */
  mtime?: Date;
  /** Deflate (default) or store; already-compressed data (JPEG, most PDFs) gains little either way. */
  compress?: boolean;
}

export interface WrittenZip {
  path: string;
  bytes: number;
  /** Hex SHA-256 of the file as written. */
  sha256: string;
}

/**
 * Builds a ZIP with yazl.
 * - Without `outPath`: resolves with the ZIP's bytes.
 * - With `outPath`: streams to a temp file next to it, fsyncs, renames over `outPath` (then fsyncs the folder
 *   where the platform allows), and resolves with its path, size and SHA-256. A reader never sees half a file; on
 *   failure the temp file is removed and `outPath` is untouched.
 * Rejects on an empty, absolute or ".." name and on two names equal after NFC.
 */
export function writeZip(entries: readonly ZipEntryInput[]): Promise<Buffer>;
export function writeZip(entries: readonly ZipEntryInput[], outPath: string): Promise<WrittenZip>;
export async function writeZip(entries: readonly ZipEntryInput[], outPath?: string): Promise<Buffer | WrittenZip> {
  const zip = buildYazl(entries);
  if (outPath === undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  return writeAtomically(zip, outPath);
}

function buildYazl(entries: readonly ZipEntryInput[]): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  const now = new Date();
  const names = new Set<string>();
  for (const e of entries) {
    const name = e.name.normalize('NFC');
    if (names.has(name)) throw new Error(`writeZip: duplicate entry name ${JSON.stringify(name)}`);
    names.add(name);
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    // yazl validates the name (empty, absolute, "..") and throws synchronously.
    zip.addBuffer(data, name, { mtime: e.mtime ?? now, compress: e.compress ?? true });
  }
  zip.end();
  return zip;
}

async function writeAtomically(zip: yazl.ZipFile, outPath: string): Promise<WrittenZip> {
  const target = path.resolve(outPath);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  const fh = await fs.promises.open(tmp, 'wx');
  try {
    try {
      for await (const chunk of zip.outputStream) {
        const buf = chunk as Buffer;
        await fh.write(buf);
        hash.update(buf);
        bytes += buf.length;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
  return { path: target, bytes, sha256: hash.digest('hex') };
}

/** Makes the rename durable on POSIX; Windows cannot open a folder for fsync, and NTFS journals the rename. */
async function syncDir(dir: string): Promise<void> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * An online dossier package: manifest.json (pretty JSON, written as given — this does not validate; openPackage
 * is the judge) followed by the files in insertion order, all at the root. For tests, the benchmark and
 * `desk import` demos.
 */
export async function buildOnlinePackage(manifest: OnlineManifestInput, files: Record<string, Buffer>): Promise<Buffer> {
  return writeZip([
    { name: MANIFEST_NAME, data: `${JSON.stringify(manifest, null, 2)}\n` },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ]);
}
