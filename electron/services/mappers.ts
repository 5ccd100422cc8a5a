import {
  CHANNEL_NAMES,
  type Agency,
  type ChannelCode,
  type Dossier,
  type DocumentMeta,
  type FileMeta,
  type Procedure,
  type QueueRow,
} from '../contract';
import type { DocumentDbRow } from '../db/documents-repo';
import type { ComponentDbRow, DossierDbRow } from '../db/dossiers-repo';
import type { FileDbRow } from '../db/files-repo';
import type { QueueDbRow } from '../db/queue-repo';
import type { AgencyRow } from '../db/settings-repo';
import type { FormHeaderData } from '../documents';
import type { SlipData } from '../documents/slip';

/** Database rows (epoch ms) to contract values (ISO instants). */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const toAgency = ({ id: _id, validFrom, ...rest }: AgencyRow): Agency => ({ ...rest, updatedAt: iso(validFrom) });

/** What the radar computes for a row (flags, working time left); a dossier's own view leaves them empty. */
type RowExtras = Pick<QueueRow, 'flags' | 'remainingWorkingMinutes' | 'acceptanceDeadline'>;
const NO_EXTRAS: RowExtras = { flags: [], remainingWorkingMinutes: null, acceptanceDeadline: null };

export const toQueueRow = (r: QueueDbRow, extras: RowExtras = NO_EXTRAS): QueueRow => ({
  id: r.id,
  code: r.code,
  status: r.status,
  channel: r.channel,
  applicantName: r.applicantName,
  idNumber: r.idNumber,
  phone: r.phone,
  procedureId: r.procedureId,
  procedureName: r.procedureName,
  receivedAt: iso(r.receivedAt),
  dueAt: isoOrNull(r.dueAt),
  field: r.field,
  assigneeName: r.assigneeName,
  updatedAt: iso(r.updatedAt),
  ...extras,
});

export const toDossier = (r: DossierDbRow): Dossier => ({
  ...toQueueRow(r),
  agencyCode: r.agencyCode,
  idKind: r.idKind,
  email: r.email,
  address: r.address,
  ownerName: r.ownerName,
  sets: r.sets,
  note: r.note,
  acceptedAt: isoOrNull(r.acceptedAt),
  delivery: { method: r.deliveryMethod, address: r.deliveryAddress },
  portalDossierId: r.portalDossierId,
  register: r.registerYear !== null && r.registerNo !== null ? { year: r.registerYear, no: r.registerNo } : null,
  birthYear: r.birthYear,
  gender: r.gender,
});

export const toFileMeta = (f: FileDbRow): FileMeta => ({
  id: f.id,
  sha256: f.sha256,
  name: f.name,
  mime: f.mime,
  size: f.size,
  pages: f.pages,
  source: f.source,
  dossierId: f.dossierId,
  componentPosition: f.componentPosition,
  createdAt: iso(f.createdAt),
  createdBy: f.createdBy,
  warnings: f.warningsJson ? (JSON.parse(f.warningsJson) as string[]) : [],
});

export const toDocumentMeta = (d: DocumentDbRow): DocumentMeta => ({
  id: d.id,
  dossierId: d.dossierId,
  form: d.form,
  templateVersion: d.templateVersion,
  version: d.version,
  fileName: d.fileName,
  sha256: d.sha256,
  size: d.size,
  createdAt: iso(d.createdAt),
  number: d.number,
  regime: d.regime,
  reason: d.reason,
  createdBy: d.createdBy,
});

const ID_LABELS = { cccd: 'Số CCCD/Định danh cá nhân', cmnd: 'Số CMND', passport: 'Số hộ chiếu' } as const;

/** Everything Mẫu 01 prints, taken from the dossier and the agency settings in force when it was received. */
/** What Mẫu 01 reads of a dossier. */
export type SlipDossier = Pick<
  DossierDbRow,
  | 'code'
  | 'channel'
  | 'applicantName'
  | 'address'
  | 'phone'
  | 'email'
  | 'idKind'
  | 'idNumber'
  | 'ownerName'
  | 'sets'
  | 'deliveryMethod'
  | 'deliveryAddress'
>;

export function slipDataFor(args: {
  agency: AgencyRow;
  dossier: SlipDossier;
  procedure: Procedure;
  components: ComponentDbRow[];
  officerName: string;
  receivedAt: Date;
  dueAt: Date;
  /** The fee as printed: the amount computed at intake in figures and words, or the procedure's fee text. */
  feeText?: string;
}): SlipData {
  const { agency, dossier, procedure } = args;
  return {
    agency: {
      parentName: agency.parentName,
      agencyName: agency.agencyName,
      placeName: agency.placeName,
      agencyCode: agency.agencyCode,
    },
    dossier: {
      code: dossier.code,
      channelName: CHANNEL_NAMES[dossier.channel as ChannelCode] ?? '',
      applicantName: dossier.applicantName,
      address: dossier.address,
      phone: dossier.phone,
      email: dossier.email,
      idLabel: ID_LABELS[dossier.idKind],
      idNumber: dossier.idNumber,
      procedureName: procedure.name,
      ownerName: dossier.ownerName,
      sets: dossier.sets,
      timeLimitText: procedure.timeLimitText,
      receivedAt: args.receivedAt,
      dueAt: args.dueAt,
      // Printed after "Đăng ký nhận kết quả tại:".
      returnMethod:
        dossier.deliveryMethod === 'post'
          ? `Dịch vụ bưu chính công ích, gửi đến: ${dossier.deliveryAddress ?? dossier.address}`
          : agency.agencyName,
      feeText: args.feeText ?? procedure.feeText,
      registerBook: null,
      registerNo: null,
    },
    components: args.components.map(({ name, originals, certifiedCopies, photocopies }) => ({
      name,
      originals,
      certifiedCopies,
      photocopies,
    })),
    officerName: args.officerName,
    issuedAt: args.receivedAt,
  };
}

/** The header every notice (Mẫu 02, Mẫu 03) shares: agency, dossier, applicant, request, signer, date. */
export function formHeaderFor(args: {
  agency: AgencyRow;
  dossier: SlipDossier;
  procedure: Procedure;
  officerName: string;
  issuedAt: Date;
}): FormHeaderData {
  const { agency, dossier } = args;
  return {
    agency: {
      agencyName: agency.agencyName,
      parentName: agency.parentName,
      placeName: agency.placeName,
      provinceName: agency.provinceName,
    },
    code: dossier.code,
    applicantName: dossier.applicantName,
    channelName: CHANNEL_NAMES[dossier.channel as ChannelCode] ?? '',
    address: dossier.address,
    phone: dossier.phone,
    email: dossier.email,
    idLabel: ID_LABELS[dossier.idKind],
    idNumber: dossier.idNumber,
    procedureName: args.procedure.name,
    officerName: args.officerName,
    issuedAt: args.issuedAt,
  };
}
