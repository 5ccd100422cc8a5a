import type { TFunction } from 'i18next';
import type { FileMeta } from '../../../../electron/contract';

/** 1 234 567 bytes → "1,2 MB"; 2 048 → "2 KB" (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10).toString().replace('.', ',')} MB`;
}

const ACCEPTED_EXT = /\.(pdf|jpe?g|png)$/i;

/**
 * What the screen can refuse without sending the bytes: an empty file, a name that is plainly not a scan, a file over
 * the desk's limit. The desk checks again from the bytes (an .exe renamed .pdf is refused there, with its message).
 */
export function precheckScan(file: File, maxMb: number, t: TFunction): string | null {
  if (file.size === 0) return t('intake.fileEmpty');
  if (!ACCEPTED_EXT.test(file.name) && !/^(application\/pdf|image\/jpeg|image\/png)$/.test(file.type)) return t('intake.fileType');
  if (file.size > maxMb * 1024 * 1024) return t('intake.fileTooBig', { size: formatSize(file.size), max: maxMb });
  return null;
}

/** Total pages of a component's files. */
export const totalPages = (files: readonly FileMeta[]): number => files.reduce((n, f) => n + f.pages, 0);

/** The files a drag carries (none for a drag of text or of an element of the page). */
export const dragHasFiles = (e: { dataTransfer: DataTransfer | null }): boolean =>
  e.dataTransfer !== null && [...e.dataTransfer.types].includes('Files');
