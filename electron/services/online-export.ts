import { STATUS_NAMES, type StatusCode } from '../contract';
import type { DocumentsRepo } from '../db/documents-repo';
import type { DossiersRepo } from '../db/dossiers-repo';
import { writeZip, type ZipEntryInput } from '../online/zip-writer';

export const CHANGES_FORMAT = 'mot-cua-desk/status-changes';

/** The form each recorded action issues (events store acceptance as 'accepted'; a correction reissues Mẫu 01). */
const FORM_ISSUED_BY: Readonly<Record<string, string>> = {
  accepted: '01',
  corrected: '01',
  requestSupplement: '02',
  refuse: '03',
  proposeExtension: '04',
  extend: '04',
  stop: '05',
  forward: '06',
};

/**
 * The sync back to the provincial system: every status change (and correction) since an instant, with the national
 * status code, time, officer and the documents issued with it, as a ZIP holding changes.json and documents/.
 * Format: docs/online-package.md ("Xuất trạng thái").
 */
export function changesExporter(deps: { dossiers: DossiersRepo; documents: DocumentsRepo; agencyCode: () => string; clock: () => Date }) {
  return {
    async exportChanges(since: Date, outPath: string) {
      const rows = deps.dossiers.changesSince(since.getTime());
      const entries: ZipEntryInput[] = [];
      const exported = new Set<number>();
      const changes = rows.map((r) => {
        // A document goes with the change that issued it, once: two events of a dossier at the same instant (an
        // intake and its refusal) must not both claim it, nor write it twice into the ZIP.
        const issued = deps.documents
          .createdAt(r.dossierId, r.at)
          .filter((d) => FORM_ISSUED_BY[r.action] === d.form && !exported.has(d.id));
        const documents = issued.map((d) => {
          exported.add(d.id);
          const file = `documents/${d.fileName.replace(/\.pdf$/, '')}-v${d.version}.pdf`;
          entries.push({ name: file, data: d.content, compress: false });
          return { form: d.form, version: d.version, templateVersion: d.templateVersion, file, sha256: d.sha256 };
        });
        return {
          dossierCode: r.code,
          portalDossierId: r.portalDossierId,
          at: new Date(r.at).toISOString(),
          status: r.status,
          statusName: STATUS_NAMES[r.status as StatusCode] ?? '',
          // The lifecycle's name for acceptance (events store it as 'accepted', the name the first slice used).
          action: r.action === 'accepted' ? 'accept' : r.action,
          officer: r.officerName,
          note: r.note,
          documents,
        };
      });
      const body = {
        format: CHANGES_FORMAT,
        version: 1,
        agencyCode: deps.agencyCode(),
        generatedAt: deps.clock().toISOString(),
        since: since.toISOString(),
        changes,
      };
      entries.unshift({ name: 'changes.json', data: JSON.stringify(body, null, 2) });
      const written = await writeZip(entries, outPath);
      return { changes: changes.length, documents: entries.length - 1, path: written.path };
    },
  };
}
