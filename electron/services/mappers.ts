import { CHANNEL_NAMES, type Agency, type ChannelCode, type Dossier, type DocumentMeta, type Procedure, type QueueRow } from '../contract';
import type { ComponentDbRow, DocumentDbRow, DossierDbRow, QueueDbRow } from '../db/dossiers-repo';
import type { AgencyRow } from '../db/settings-repo';
import type { SlipData } from '../documents/slip';

/** Database rows (epoch ms) to contract values (ISO instants). */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export const toAgency = ({ id: _id, validFrom, ...rest }: AgencyRow): Agency => ({ ...rest, updatedAt: iso(validFrom) });

export const toQueueRow = (r: QueueDbRow): QueueRow => ({
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
  updatedAt: iso(r.updatedAt),
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
});

const ID_LABELS = { cccd: 'Số CCCD/Định danh cá nhân', cmnd: 'Số CMND', passport: 'Số hộ chiếu' } as const;

/** Everything Mẫu 01 prints, taken from the dossier and the agency settings in force when it was received. */
/** What Mẫu 01 reads of a dossier. */
export type SlipDossier = Pick<
  DossierDbRow,
  'code' | 'channel' | 'applicantName' | 'address' | 'phone' | 'email' | 'idKind' | 'idNumber' | 'ownerName' | 'sets'
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
      returnMethod: dossier.channel === 3 ? 'Dịch vụ bưu chính công ích (gửi về địa chỉ trên)' : agency.agencyName,
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
