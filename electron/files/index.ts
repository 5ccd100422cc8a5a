/** Attachment file store: type sniffing, safe names, pre-checks (inspection) and the content-addressed blobs. */
export { sniffType, type SniffResult, type AcceptedExt, type RejectedKind } from './sniff';
export { safeFileName } from './names';
export { inspectFile, warmUpInspector, BLANK_CHECK_PAGES, type InspectResult } from './inspect';
export {
  createFileStore,
  type FileStore,
  type IngestOptions,
  type IngestResult,
  type IngestFailureCode,
} from './store';
