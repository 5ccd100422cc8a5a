import { describe, expect, it } from 'vitest';
import {
  CUPS_MESSAGES,
  cupsPrintBackend,
  execRunner,
  parseDefaultPrinter,
  parsePrinterNames,
  parsePrinterStates,
  parseRequestId,
  type CommandResult,
} from '../../../electron/printing/cups';
import type { PrintJob } from '../../../electron/printing/backend';
import { NOT_INSTALLED, RECORDED, TIMED_OUT } from './recorded';

type Key = keyof typeof RECORDED;

/** Replays recorded outputs: `answers` maps "lpstat -r" / "lp" to a recording; every call is kept. */
function replay(answers: Record<string, Key | CommandResult>) {
  const calls: { file: string; args: readonly string[]; timeoutMs: number }[] = [];
  const run = async (file: string, args: readonly string[], timeoutMs: number) => {
    calls.push({ file, args, timeoutMs });
    const answer = answers[file === 'lp' ? 'lp' : `${file} ${args.join(' ')}`];
    if (answer === undefined) throw new Error(`unexpected command: ${file} ${args.join(' ')}`);
    return typeof answer === 'string' ? RECORDED[answer] : answer;
  };
  return { backend: cupsPrintBackend({ run }), calls };
}

const JOB: PrintJob = { printer: 'DeskPDF', copies: 2, paper: 'A5', title: 'Mau 01 000.00.16.H56-261124-0001-mau01.pdf' };

describe('lpstat parsing (LANG=C, CUPS 2.4)', () => {
  it('reads the destinations, the default and the states', () => {
    expect(parsePrinterNames(RECORDED['lpstat -e two'].stdout)).toEqual(['DeskPDF', 'Quay1_HP_LaserJet']);
    expect(parsePrinterNames(RECORDED['lpstat -e none'].stdout)).toEqual([]);
    expect(parseDefaultPrinter(RECORDED['lpstat -d default'].stdout)).toBe('DeskPDF');
    expect(parseDefaultPrinter(RECORDED['lpstat -d none'].stdout)).toBeNull();
    expect([...parsePrinterStates(RECORDED['lpstat -p two'].stdout)]).toEqual([
      ['DeskPDF', 'idle'],
      ['Quay1_HP_LaserJet', 'disabled'],
    ]);
    expect(parsePrinterStates(RECORDED['lpstat -p printing'].stdout).get('DeskPDF')).toBe('printing');
    expect(parsePrinterStates(RECORDED['lpstat -p paused'].stdout).get('DeskPDF')).toBe('disabled');
    expect(parsePrinterStates(RECORDED['lpstat -p rejecting'].stdout).get('DeskPDF')).toBe('rejecting');
    expect(parsePrinterStates(RECORDED['lpstat -p none'].stdout).size).toBe(0);
  });

  it('reads the job id of lp', () => {
    expect(parseRequestId(RECORDED['lp sent'].stdout)).toBe('DeskPDF-6');
    expect(parseRequestId('request id is Quay1_HP_LaserJet-1234 (1 file(s))\n')).toBe('Quay1_HP_LaserJet-1234');
    expect(parseRequestId('')).toBeNull();
  });
});

describe('listing printers', () => {
  it('lists names with the default and each state', async () => {
    const { backend } = replay({
      'lpstat -r': 'lpstat -r running',
      'lpstat -e': 'lpstat -e two',
      'lpstat -d': 'lpstat -d default',
      'lpstat -p': 'lpstat -p two',
    });
    expect(await backend.list()).toEqual({
      printers: [
        { name: 'DeskPDF', isDefault: true, state: 'idle' },
        { name: 'Quay1_HP_LaserJet', isDefault: false, state: 'disabled' },
      ],
      problem: null,
    });
  });

  it('says why the list is empty, in Vietnamese', async () => {
    expect(await replay({ 'lpstat -r': NOT_INSTALLED }).backend.list()).toEqual({ printers: [], problem: CUPS_MESSAGES.notInstalled });
    expect(CUPS_MESSAGES.notInstalled).toMatch(/^Máy này chưa cài CUPS/);
    expect(await replay({ 'lpstat -r': 'lpstat -r down' }).backend.list()).toEqual({ printers: [], problem: CUPS_MESSAGES.schedulerDown });
    expect((await replay({ 'lpstat -r': TIMED_OUT }).backend.list()).problem).toBe(CUPS_MESSAGES.timeout(10));
    const none = replay({ 'lpstat -r': 'lpstat -r running', 'lpstat -e': 'lpstat -e none', 'lpstat -d': 'lpstat -d none', 'lpstat -p': 'lpstat -p none' });
    expect(await none.backend.list()).toEqual({ printers: [], problem: CUPS_MESSAGES.noPrinters });
  });
});

describe('printing a file', () => {
  it('runs lp without a shell, with printer, copies, paper and title, and returns the job id', async () => {
    const { backend, calls } = replay({ lp: 'lp sent' });
    expect(await backend.print('/tmp/desk/print-x/slip.pdf', JOB)).toEqual({ job: 'DeskPDF-6', printer: 'DeskPDF' });
    expect(calls).toEqual([
      {
        file: 'lp',
        args: ['-d', 'DeskPDF', '-n', '2', '-o', 'media=A5', '-t', JOB.title, '--', '/tmp/desk/print-x/slip.pdf'],
        timeoutMs: 30_000,
      },
    ]);
  });

  it('resolves the default printer first, so the log names the printer that got the job', async () => {
    const { backend, calls } = replay({ 'lpstat -d': 'lpstat -d default', lp: 'lp sent' });
    expect(await backend.print('/tmp/f.pdf', { ...JOB, printer: null })).toEqual({ job: 'DeskPDF-6', printer: 'DeskPDF' });
    expect(calls.map((c) => c.args[0])).toEqual(['-d', '-d']);
    expect(calls[1]!.args.slice(0, 2)).toEqual(['-d', 'DeskPDF']);
  });

  it('maps each failure to a message the officer can act on', async () => {
    const fails = (answers: Record<string, Key | CommandResult>, job = JOB) => replay(answers).backend.print('/tmp/f.pdf', job);

    await expect(fails({ lp: NOT_INSTALLED })).rejects.toMatchObject({ code: 'NOT_CONFIGURED', message: CUPS_MESSAGES.notInstalled });
    await expect(fails({ 'lpstat -d': NOT_INSTALLED }, { ...JOB, printer: null })).rejects.toMatchObject({
      message: CUPS_MESSAGES.notInstalled,
    });
    await expect(fails({ lp: 'lp no such printer', 'lpstat -r': 'lpstat -r running' }, { ...JOB, printer: 'KhongCoMayIn' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không có máy in "KhongCoMayIn" trên máy này. Hãy chọn lại máy in trong Cài đặt in.',
    });
    // Same words from lp when cupsd is stopped: the scheduler's state tells them apart.
    await expect(fails({ lp: 'lp down', 'lpstat -r': 'lpstat -r down' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: CUPS_MESSAGES.schedulerDown,
    });
    await expect(fails({ 'lpstat -d': 'lpstat -d none', 'lpstat -r': 'lpstat -r running' }, { ...JOB, printer: null })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message: CUPS_MESSAGES.noDefault,
    });
    await expect(fails({ 'lpstat -d': 'lpstat -d none', 'lpstat -r': 'lpstat -r down' }, { ...JOB, printer: null })).rejects.toMatchObject({
      message: CUPS_MESSAGES.schedulerDown,
    });
    await expect(fails({ lp: 'lp rejecting' })).rejects.toMatchObject({ message: CUPS_MESSAGES.notAccepting('DeskPDF') });
    await expect(fails({ lp: TIMED_OUT })).rejects.toMatchObject({ message: CUPS_MESSAGES.timeout(30) });
    await expect(fails({ lp: 'lp missing file' })).rejects.toMatchObject({
      message:
        'Không gửi được lệnh in tới máy in "DeskPDF" (unable to access "/tmp/pr/nope.pdf" - No such file or directory). ' +
        'Hãy kiểm tra máy in rồi in lại.',
    });
  });
});

describe('the command runner', () => {
  it('reports a missing program, a time-out and runs with LANG=C', async () => {
    expect(await execRunner('desk-no-such-program', [], 5_000)).toMatchObject({ code: 'ENOENT', timedOut: false });
    const slow = await execRunner(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], 300);
    expect(slow.timedOut).toBe(true);
    const env = await execRunner(process.execPath, ['-e', 'console.log(process.env.LANG + " " + process.env.LC_ALL)'], 5_000);
    expect(env).toMatchObject({ code: 0, stdout: 'C C\n' });
    // Arguments reach the program as they are: no shell to interpret them.
    const args = await execRunner(process.execPath, ['-e', 'console.log(process.argv[1])', '$(echo hi); rm -rf x'], 5_000);
    expect(args.stdout).toBe('$(echo hi); rm -rf x\n');
  });
});
