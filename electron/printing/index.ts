import { noPrintBackend, type PrintBackend } from './backend';
import { cupsPrintBackend } from './cups';
import { windowsPrintBackend } from './windows';

export { jobTitle, noPrintBackend, NO_DIRECT_PRINTING, type PrintBackend, type PrintJob, type PrinterInfo } from './backend';
export { cupsPrintBackend, CUPS_MESSAGES, type CommandRunner, type CommandResult } from './cups';
export { windowsPrintBackend } from './windows';

/** The way this machine prints without a dialog: CUPS on Linux and macOS, the spooler on Windows, otherwise none. */
export function systemPrintBackend(platform: NodeJS.Platform = process.platform): PrintBackend {
  if (platform === 'win32') return windowsPrintBackend();
  if (platform === 'linux' || platform === 'darwin') return cupsPrintBackend();
  return noPrintBackend;
}
