import { execFile } from 'node:child_process';
import { DeskError, type ErrorCode } from '../contract/errors';
import type { PrintBackend, PrintJob, PrinterInfo } from './backend';

/**
 * Printing through CUPS (Linux, and macOS, which ships the same lp/lpstat): the PDF goes to the spooler as it is,
 * so the printed slip is exactly the stored one. Commands run through execFile (never a shell) with LANG=C, because
 * their output is parsed, and with time limits, because a hung spooler must not hang the counter.
 */

export interface CommandResult {
  /** 0 on success, the exit status, or a spawn error code such as 'ENOENT' (the program is not installed) */
  code: number | string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}
export type CommandRunner = (file: string, args: readonly string[], timeoutMs: number) => Promise<CommandResult>;

/** Runs a program without a shell; never rejects (failures are in the result). */
export const execRunner: CommandRunner = (file, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 1024 * 1024,
        windowsHide: true,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
      },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr, timedOut: false });
        resolve({ code: err.code ?? null, stdout: stdout ?? '', stderr: stderr ?? '', timedOut: err.killed === true });
      },
    );
  });

// ---------- Parsing (LANG=C output of CUPS 2.4) ----------

/** `lpstat -e`: one destination per line. */
export const parsePrinterNames = (stdout: string): string[] =>
  stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** `lpstat -d`: "system default destination: DeskPDF" or "no system default destination". */
export const parseDefaultPrinter = (stdout: string): string | null =>
  /^system default destination: (\S+)/m.exec(stdout)?.[1] ?? null;

/**
 * `lpstat -p`: "printer X is idle.  enabled since …", "printer X now printing X-6.  enabled since …",
 * "printer X disabled since … -" followed by tab-indented lines (the reason, or "Rejecting Jobs").
 */
export function parsePrinterStates(stdout: string): Map<string, string> {
  const states = new Map<string, string>();
  let current: string | null = null;
  for (const line of stdout.split('\n')) {
    const head = /^printer (\S+) (?:is (idle)|now (printing) |(disabled) since)/.exec(line);
    if (head) {
      current = head[1]!;
      states.set(current, head[2] ?? head[3] ?? head[4]!);
    } else if (current !== null && /^\s+Rejecting Jobs\s*$/.test(line)) {
      // Enabled but not accepting: a print would be refused, which is what the officer needs to see.
      states.set(current, 'rejecting');
    } else if (!/^\s/.test(line)) {
      current = null;
    }
  }
  return states;
}

/** `lp`: "request id is DeskPDF-12 (1 file(s))". */
export const parseRequestId = (stdout: string): string | null => /request id is (\S+) \(/.exec(stdout)?.[1] ?? null;

// ---------- What the officer reads ----------

export const CUPS_MESSAGES = {
  notInstalled:
    'Máy này chưa cài CUPS (hệ thống in của Linux) nên phần mềm không in thẳng ra máy in được. Hãy nhờ quản trị cài ' +
    'gói "cups", hoặc tắt "In ngay" trong Cài đặt in để in qua hộp thoại in.',
  schedulerDown:
    'Dịch vụ in CUPS của máy này đang không chạy. Hãy khởi động lại máy tính hoặc nhờ quản trị bật dịch vụ "cups", ' +
    'rồi in lại.',
  noDefault: 'Máy này chưa đặt máy in mặc định. Hãy chọn máy in cho quầy trong Cài đặt in.',
  noPrinters: 'Máy này chưa có máy in nào. Hãy cài máy in trong phần cài đặt máy in của hệ điều hành.',
  noSuchPrinter: (name: string) =>
    `Không có máy in "${name}" trên máy này. Hãy chọn lại máy in trong Cài đặt in.`,
  notAccepting: (name: string) =>
    `Máy in "${name}" đang tạm ngừng nhận lệnh in. Hãy bật lại máy in (hoặc hàng đợi in) rồi in lại.`,
  timeout: (seconds: number) =>
    `Hệ thống in không trả lời sau ${seconds} giây. Hãy kiểm tra máy in và dịch vụ in rồi in lại.`,
  failed: (name: string, detail: string) =>
    `Không gửi được lệnh in tới máy in "${name}"${detail ? ` (${detail})` : ''}. Hãy kiểm tra máy in rồi in lại.`,
};

/** The system's own words without the program's prefix, kept in the log next to ours. */
const detailOf = (r: CommandResult) =>
  (r.stderr || r.stdout)
    .trim()
    .split('\n')[0]!
    .replace(/^(lp|lpstat): /, '')
    .replace(/^Error - /, '')
    .slice(0, 200);

export interface CupsOptions {
  run?: CommandRunner;
  lpstatTimeoutMs?: number;
  lpTimeoutMs?: number;
}

export function cupsPrintBackend(options: CupsOptions = {}): PrintBackend {
  const run = options.run ?? execRunner;
  const lpstatMs = options.lpstatTimeoutMs ?? 10_000;
  const lpMs = options.lpTimeoutMs ?? 30_000;
  const fail = (code: ErrorCode, message: string, details?: unknown) => new DeskError(code, message, details);

  const lpstat = (flag: string) => run('lpstat', [flag], lpstatMs);
  const schedulerRunning = async () => /^scheduler is running/m.test((await lpstat('-r')).stdout);

  /** Turns a failed lp into the officer's message. */
  const lpFailure = async (r: CommandResult, printer: string): Promise<DeskError> => {
    const detail = detailOf(r);
    if (r.code === 'ENOENT') return fail('NOT_CONFIGURED', CUPS_MESSAGES.notInstalled);
    if (r.timedOut) return fail('INTERNAL', CUPS_MESSAGES.timeout(Math.round(lpMs / 1000)), { printer });
    if (/Scheduler not responding|Unable to connect|Connection refused/i.test(detail)) {
      return fail('INTERNAL', CUPS_MESSAGES.schedulerDown, { printer, detail });
    }
    // lp says the same when the scheduler is down (it cannot look the queue up): ask the scheduler which one it is.
    if (/printer or class does not exist/i.test(detail)) {
      return (await schedulerRunning())
        ? fail('NOT_FOUND', CUPS_MESSAGES.noSuchPrinter(printer), { printer, detail })
        : fail('INTERNAL', CUPS_MESSAGES.schedulerDown, { printer, detail });
    }
    if (/not accepting jobs/i.test(detail)) return fail('INTERNAL', CUPS_MESSAGES.notAccepting(printer), { printer, detail });
    return fail('INTERNAL', CUPS_MESSAGES.failed(printer, detail), { printer, detail });
  };

  return {
    system: 'cups',

    async list() {
      const state = await lpstat('-r');
      if (state.code === 'ENOENT') return { printers: [], problem: CUPS_MESSAGES.notInstalled };
      if (state.timedOut) return { printers: [], problem: CUPS_MESSAGES.timeout(Math.round(lpstatMs / 1000)) };
      if (!/^scheduler is running/m.test(state.stdout)) return { printers: [], problem: CUPS_MESSAGES.schedulerDown };
      const [names, def, states] = await Promise.all([lpstat('-e'), lpstat('-d'), lpstat('-p')]);
      const defaultName = parseDefaultPrinter(def.stdout);
      const stateOf = parsePrinterStates(states.stdout);
      const printers: PrinterInfo[] = parsePrinterNames(names.stdout).map((name) => ({
        name,
        isDefault: name === defaultName,
        state: stateOf.get(name) ?? '',
      }));
      return { printers, problem: printers.length > 0 ? null : CUPS_MESSAGES.noPrinters };
    },

    async print(file: string, job: PrintJob) {
      let printer = job.printer;
      if (printer === null) {
        // Resolved here so that the log names the printer that really got the job.
        const def = await lpstat('-d');
        if (def.code === 'ENOENT') throw fail('NOT_CONFIGURED', CUPS_MESSAGES.notInstalled);
        printer = parseDefaultPrinter(def.stdout);
        if (printer === null) {
          throw (await schedulerRunning())
            ? fail('NOT_CONFIGURED', CUPS_MESSAGES.noDefault)
            : fail('INTERNAL', CUPS_MESSAGES.schedulerDown);
        }
      }
      const args = ['-d', printer, '-n', String(job.copies), '-o', `media=${job.paper}`, '-t', job.title, '--', file];
      const r = await run('lp', args, lpMs);
      if (r.code !== 0) throw await lpFailure(r, printer);
      return { job: parseRequestId(r.stdout), printer };
    },
  };
}
