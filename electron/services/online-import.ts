import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ImportReport, Procedure } from '../contract';
import type { Db } from '../db/connection';
import type { ComponentDbRow, DossiersRepo } from '../db/dossiers-repo';
import type { FilesRepo } from '../db/files-repo';
import type { FileStore } from '../files';
import type { BlobHolds } from './files';
import { DEFAULT_PACKAGE_LIMITS, openPackage, PackageEntryError, type PackageProblem } from '../online/package-reader';

export interface ImportDeps {
  db: Db;
  store: FileStore;
  files: FilesRepo;
  dossiers: DossiersRepo;
  clock: () => Date;
  maxFileBytes: () => number;
  officerId: () => number | null;
  holds: BlobHolds;
  findProcedure: (ref: string) => { id: string; versionId: number; procedure: Procedure } | null;
  applicantProblem: (
    a: { idKind: 'cccd' | 'cmnd' | 'passport'; idNumber: string; phone: string },
    declared: { birthYear?: number; gender?: 'male' | 'female' },
  ) => { path: string; message: string } | null;
  checklistOf: (
    procedure: Procedure,
    given: Array<{ name: string; originals: number; certifiedCopies: number; photocopies: number }>,
  ) => ComponentDbRow[];
  /** Writes the dossier (status 1) with its checklist and first event; inside the caller's transaction. */
  insertDossier: (r: NewDossierRecord) => number;
}

/** A dossier as it is first written, from the counter's intake or an online package. */
export interface NewDossierRecord {
  procedureId: string;
  versionId: number;
  channel: 1 | 2 | 3;
  applicant: { fullName: string; idKind: 'cccd' | 'cmnd' | 'passport'; idNumber: string; phone: string; email: string; address: string };
  ownerName?: string;
  sets: number;
  note?: string;
  birthYear?: number;
  gender?: 'male' | 'female';
  delivery?: { method: 'counter' | 'post'; address?: string };
  components: ComponentDbRow[];
  fee: { amount: number } | null;
  receivedAt: Date;
  portalDossierId?: string;
  event: { action: 'created' | 'imported'; note: string; details?: string };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Online dossiers from the national portal, one package (docs/online-package.md) at a time, all or nothing: the
 * package is checked whole (ZIP, manifest, procedure, applicant, every file's type and size), the files are stored
 * as blobs, then one transaction writes the dossier, its files and the submission record. A portal dossier already
 * here is reported as a duplicate and nothing is written. Blobs of a refused package are removed at once (or, after
 * a crash, by the sweep at the next start).
 */
export function onlineImporter(deps: ImportDeps) {
  const report = (fileName: string, r: Partial<ImportReport> & Pick<ImportReport, 'outcome' | 'message'>): ImportReport => ({
    fileName,
    portalDossierId: null,
    dossierId: null,
    code: null,
    problems: [],
    ...r,
  });

  async function importPackage(zipPath: string, fileName: string): Promise<ImportReport> {
    const opened = await openPackage(zipPath, DEFAULT_PACKAGE_LIMITS(deps.maxFileBytes()));
    if (!opened.ok) {
      return report(fileName, {
        outcome: 'invalid',
        message: `Gói không hợp lệ: ${opened.problems.length} lỗi; không có gì được nhập.`,
        problems: opened.problems,
      });
    }
    const { pkg } = opened;
    const m = pkg.manifest;
    const stored: string[] = [];
    try {
      const seen = deps.dossiers.byPortalId(m.portalDossierId);
      if (seen) return duplicate(fileName, m.portalDossierId, seen);

      const problems: PackageProblem[] = [];
      const procedure = deps.findProcedure(m.procedureCode);
      if (!procedure) {
        problems.push({ file: 'manifest.json', message: `procedureCode: thủ tục "${m.procedureCode}" không có trong danh mục đang dùng` });
      }
      const applicant = { ...m.applicant, phone: m.applicant.phone ?? '', email: m.applicant.email ?? '' };
      const who = deps.applicantProblem(applicant, { birthYear: m.applicant.birthYear, gender: m.applicant.gender });
      if (who) problems.push({ file: 'manifest.json', message: `${who.path}: ${who.message}` });
      const submittedAt = new Date(m.submittedAt);
      if (submittedAt.getTime() > deps.clock().getTime() + 5 * 60_000) {
        problems.push({ file: 'manifest.json', message: 'submittedAt: thời điểm nộp ở tương lai' });
      }

      // Every file is checked and stored, even after a problem, so the report names all of them at once.
      const files: Array<{ position: number; name: string; sha256: string; mime: string; size: number; pages: number; warnings: string[] }> = [];
      for (const [i, component] of m.components.entries()) {
        for (const name of component.files) {
          try {
            // Held from the moment its hash is known until the transaction below commits (or the import fails).
            const hold = (sha: string) => {
              deps.holds.hold(sha);
              stored.push(sha);
            };
            const result = await deps.store.ingest(await pkg.openEntry(name), { name, maxBytes: deps.maxFileBytes(), onHashed: hold });
            if (!result.ok) problems.push({ file: name, message: result.message });
            else {
              files.push({ position: i + 1, ...result });
            }
          } catch (err) {
            problems.push({ file: name, message: err instanceof PackageEntryError ? err.message : `Không đọc được tệp (${String(err)})` });
          }
        }
      }
      if (problems.length > 0 || !procedure) {
        return report(fileName, {
          outcome: 'invalid',
          portalDossierId: m.portalDossierId,
          message: `Gói không hợp lệ: ${problems.length} lỗi; không có gì được nhập.`,
          problems,
        });
      }

      const packageSha256 = await sha256Of(zipPath);
      const now = deps.clock();
      const written = deps.db.transaction(() => {
        const again = deps.dossiers.byPortalId(m.portalDossierId); // another counter may have imported it meanwhile
        if (again) return { duplicate: again, id: again.id, code: again.code };
        const id = deps.insertDossier({
          procedureId: procedure.id,
          versionId: procedure.versionId,
          channel: 2,
          applicant,
          ownerName: m.ownerName,
          sets: 1,
          note: m.note,
          birthYear: m.applicant.birthYear,
          gender: m.applicant.gender,
          // By post without an address of its own: the applicant's address, written down (the slip prints it).
          delivery:
            m.delivery?.method === 'post' && !m.delivery.address?.trim()
              ? { method: 'post', address: m.applicant.address }
              : m.delivery,
          components: deps.checklistOf(procedure.procedure, m.components),
          fee: null,
          receivedAt: submittedAt,
          portalDossierId: m.portalDossierId,
          event: {
            action: 'imported',
            note: `Nhận từ Cổng Dịch vụ công quốc gia, mã ${m.portalDossierId} (${files.length} tệp)`,
            details: JSON.stringify({ package: fileName, sha256: packageSha256 }),
          },
        });
        for (const f of files) {
          deps.files.insert({
            sha256: f.sha256,
            name: f.name,
            mime: f.mime as 'application/pdf',
            size: f.size,
            pages: f.pages,
            source: 'online',
            warningsJson: f.warnings.length ? JSON.stringify(f.warnings) : null,
            createdAt: now.getTime(),
            createdById: deps.officerId(),
            dossierId: id,
            componentPosition: f.position,
          });
        }
        deps.dossiers.addOnlineSubmission({
          portalDossierId: m.portalDossierId,
          dossierId: id,
          submittedAt: submittedAt.getTime(),
          packageName: fileName,
          packageSha256,
          manifestJson: JSON.stringify(m),
          importedAt: now.getTime(),
          importedBy: deps.officerId(),
        });
        return { id, code: deps.dossiers.byId(id)!.code };
      }).immediate();
      if ('duplicate' in written && written.duplicate) return duplicate(fileName, m.portalDossierId, written.duplicate);
      for (const sha of stored) deps.holds.release(sha);
      stored.length = 0; // kept: the rows point at them now
      return report(fileName, {
        outcome: 'imported',
        portalDossierId: m.portalDossierId,
        dossierId: written.id,
        code: written.code,
        message: `Đã nhận hồ sơ ${written.code} (mã trên Cổng ${m.portalDossierId}).`,
      });
    } finally {
      pkg.close();
      for (const sha of stored) deps.holds.release(sha);
      for (const sha of stored) deps.store.discardIfUnreferenced(sha, (x) => deps.files.isReferenced(x) || deps.holds.has(x));
    }
  }

  const duplicate = (fileName: string, portalDossierId: string, seen: { id: number; code: string }) =>
    report(fileName, {
      outcome: 'duplicate',
      portalDossierId,
      dossierId: seen.id,
      code: seen.code,
      message: `Hồ sơ ${portalDossierId} đã được nhận trước đó (mã ${seen.code}); không tạo hồ sơ mới.`,
    });

  return { importPackage };
}
