import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The real printer of the printing tests: the CUPS queue DeskPDF whose cups-pdf backend writes each job as a PDF
 * file (scripts/ci-printer.sh creates it; .ci/run runs that script). Helpers to find what was printed and read it.
 */

export const QUEUE = 'DeskPDF';
const C = { ...process.env, LANG: 'C', LC_ALL: 'C' };
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', env: C });

/** The queue exists (the scheduler answers and knows DeskPDF). */
export const cupsReady = () => sh('lpstat', ['-v', QUEUE]).status === 0;

/** cups-pdf's output folder for this user: the `Out` line of cups-pdf.conf (scripts/ci-printer.sh sets it). */
function cupsPdfFolder(): string {
  if (process.env.DESK_PRINTER_OUT) return process.env.DESK_PRINTER_OUT;
  const conf = fs.existsSync('/etc/cups/cups-pdf.conf') ? fs.readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : '';
  const out = [...conf.matchAll(/^[ \t]*Out[ \t]+(.+?)\s*$/gm)].at(-1)?.[1] ?? '/var/spool/cups-pdf/${USER}';
  return out.replaceAll('${USER}', os.userInfo().username).replaceAll('${HOME}', os.homedir());
}

const jobNumber = (job: string) => Number(/-(\d+)$/.exec(job)?.[1]);

/**
 * Waits (up to 60 s) until CUPS reports the job completed and cups-pdf's file for it is there; the file's path is
 * added to `printed` (for the caller to remove at the end).
 */
export async function waitForPrinted(job: string, printed: string[]): Promise<string> {
  const folder = cupsPdfFolder();
  const suffix = `job_${jobNumber(job)}.pdf`; // cups-pdf labels every file with its job id (Label 2)
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = sh('lpstat', ['-W', 'completed', '-o', QUEUE]).stdout.split('\n').some((l) => l.startsWith(`${job} `));
    const file = fs.existsSync(folder) ? fs.readdirSync(folder).find((f) => f.endsWith(suffix)) : undefined;
    if (done && file) {
      printed.push(path.join(folder, file));
      return path.join(folder, file);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = fs.existsSync('/var/log/cups/error_log') ? fs.readFileSync('/var/log/cups/error_log', 'utf8').slice(-2000) : '';
  throw new Error(`cups-pdf wrote no file for ${job} in ${folder} within 60 s\n${sh('lpstat', ['-l', '-o', QUEUE]).stdout}\n${log}`);
}

export const textOf = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The job's attributes as the scheduler holds them (ipptool, from cups-ipp-utils). */
export function jobAttributes(job: string): Record<string, string> {
  const r = sh('ipptool', ['-tv', `ipp://localhost/jobs/${jobNumber(job)}`, 'get-job-attributes.test']);
  if (r.error || r.status === null) throw new Error(`ipptool: ${r.error?.message ?? r.stderr}`);
  return Object.fromEntries([...r.stdout.matchAll(/^\s+([a-z-]+) \([^)]+\) = (.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Share of dark pixels of page 1 rendered in grey at 30 dpi: a blank print would be 0. */
export function inkOf(pdf: string, dir: string): { width: number; height: number; ink: number } {
  const base = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-gray', '-r', '30', '-singlefile', pdf, base]);
  const pgm = fs.readFileSync(`${base}.pgm`);
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!.map(Number) as [number, number, number];
  const pixels = pgm.subarray(pgm.length - w * h);
  return { width: w, height: h, ink: pixels.filter((p) => p < 128).length / pixels.length };
}
