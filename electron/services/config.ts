import type { SecretStore } from '../mail/secrets';
import type { PrintBackend } from '../printing';

/** What a door hands the desk when it creates it. */
export interface DeskConfig {
  /** Folder holding desk.db, backups and (later) attachments. Created if missing. */
  dataDir: string;
  /** The shipped resources/ folder: fonts, procedure catalogue. */
  resourcesDir: string;
  /** The desk's only source of time; tests pass a fixed clock. */
  clock?: () => Date;
  /** Application version, reported by getSetup and /api/health. */
  version?: string;
  /** This counter (PC) for its printer profiles and the print log; default DESK_COUNTER or the computer name. */
  counter?: string;
  /** Where the SMTP password lives; default: DESK_SMTP_PASSWORD, else a 0600 file in the data folder. */
  secrets?: SecretStore;
  /** How this machine prints; default: CUPS on Linux/macOS, the Windows spooler on Windows. */
  printBackend?: PrintBackend;
}
