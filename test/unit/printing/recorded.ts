import type { CommandResult } from '../../../electron/printing/cups';

/**
 * Real outputs of CUPS 2.4.2 (Debian 12, cups-pdf 3.0.1), recorded with LANG=C LC_ALL=C on 24/11/2026 against the
 * queue DeskPDF (scripts/ci-printer.sh) and a second, paused queue Quay1_HP_LaserJet; "down" = cupsd stopped.
 */
const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: '', timedOut: false });
const err = (code: number, stderr: string, stdout = ''): CommandResult => ({ code, stdout, stderr, timedOut: false });

export const RECORDED = {
  'lpstat -r running': ok('scheduler is running\n'),
  'lpstat -r down': ok('scheduler is not running\n'),

  'lpstat -e one': ok('DeskPDF\n'),
  'lpstat -e two': ok('DeskPDF\nQuay1_HP_LaserJet\n'),
  'lpstat -e none': ok(''),
  'lpstat -e down': ok(''),

  'lpstat -d default': ok('system default destination: DeskPDF\n'),
  'lpstat -d none': ok('no system default destination\n'),

  'lpstat -p idle': ok('printer DeskPDF is idle.  enabled since Tue Nov 24 06:05:50 2026\n'),
  'lpstat -p printing': ok('printer DeskPDF now printing DeskPDF-6.  enabled since Tue Nov 24 06:07:29 2026\n'),
  'lpstat -p paused': ok('printer DeskPDF disabled since Tue Nov 24 06:07:29 2026 -\n\tPaused\n'),
  'lpstat -p rejecting': ok('printer DeskPDF is idle.  enabled since Tue Nov 24 06:07:29 2026\n\tRejecting Jobs\n'),
  'lpstat -p two': ok(
    'printer DeskPDF is idle.  enabled since Tue Nov 24 06:07:58 2026\n' +
      'printer Quay1_HP_LaserJet disabled since Tue Nov 24 06:12:53 2026 -\n\tHết giấy\n',
  ),
  'lpstat -p none': err(1, 'lpstat: No destinations added.\n'),
  'lpstat -p down': err(1, 'lpstat: Scheduler is not running.\n'),

  'lp sent': ok('request id is DeskPDF-6 (1 file(s))\n'),
  'lp no such printer': err(1, 'lp: Error - The printer or class does not exist.\n'),
  // With cupsd stopped, lp cannot look the queue up and says the same as for a wrong name.
  'lp down': err(1, 'lp: Error - The printer or class does not exist.\n'),
  'lp no default': err(1, 'lp: Error - No default destination.\n'),
  'lp rejecting': err(1, 'lp: Destination "DeskPDF" is not accepting jobs.\n'),
  'lp missing file': err(1, 'lp: Error - unable to access "/tmp/pr/nope.pdf" - No such file or directory\n'),
} satisfies Record<string, CommandResult>;

/** What execFile reports when the program is not installed. */
export const NOT_INSTALLED: CommandResult = { code: 'ENOENT', stdout: '', stderr: '', timedOut: false };
export const TIMED_OUT: CommandResult = { code: null, stdout: '', stderr: '', timedOut: true };
