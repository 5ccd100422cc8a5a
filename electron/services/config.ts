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
}
