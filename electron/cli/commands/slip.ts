import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { dispatch, DOSSIER_FORMS, RECEIPT_FORM, type DocumentContent, type DocumentMeta, type QueuePage, type Result } from '../../contract';
import { vnParts } from '../../core/vntime';
import { createDesk, type Desk } from '../../services/desk';
import { requiredString, UsageError, type Command } from '../command';

async function call<T>(desk: Desk, method: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const r = (await dispatch(desk, method, input)) as Result<T>;
  if (!r.ok) throw new UsageError(r.error.message, false);
  return r.value;
}

/**
 * `desk slip`: a dossier's form from the register of documents — Mẫu 01–05 and the return receipt (--form BN)
 * reprinted byte for byte, Mẫu 06 drawn from the hand-overs — or, with --form 07, the tracking register of a year or
 * period (PDF, or XLSX by extension).
 */
export const slipCommand: Command = {
  name: 'slip',
  usage:
    'slip --dossier <mã hồ sơ> --form 01..06|BN --out tệp.pdf | slip --form 07 [--year N] [--from ngày] [--to ngày] --out sổ.pdf|sổ.xlsx   in lại giấy tờ (BN: giấy biên nhận trả kết quả), sổ theo dõi',
  options: {
    dossier: { type: 'string' },
    form: { type: 'string' },
    out: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  },
  run: async (ctx) => {
    const form = requiredString(ctx.values.form, 'form').trim().toUpperCase().padStart(2, '0');
    const out = path.resolve(requiredString(ctx.values.out, 'out'));
    if (form !== '07' && !(DOSSIER_FORMS as readonly string[]).includes(form)) {
      throw new UsageError(
        `--form phải là 01, 02, 03, 04, 05, 06, 07 hoặc BN (giấy biên nhận trả kết quả), nhận được "${String(ctx.values.form)}"`,
      );
    }
    const desk = createDesk({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, version: ctx.version });
    try {
      if (form === '07') {
        const format = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'pdf';
        const year = ctx.values.year === undefined ? vnParts(new Date()).year : Number(ctx.values.year);
        const query = { year, from: ctx.values.from, to: ctx.values.to };
        const file = fs.createWriteStream(out);
        const r = await desk.exportRegister(query, format, file);
        if (!r.ok) {
          file.destroy();
          await finished(file).catch(() => undefined);
          fs.rmSync(out, { force: true });
          throw new UsageError(r.error.message, false);
        }
        await finished(file);
        ctx.out({ ...r.value, path: out }, `Đã ghi Sổ theo dõi hồ sơ năm ${year} (${r.value.rows} hồ sơ) vào ${out}`);
        return 0;
      }
      const code = requiredString(ctx.values.dossier, 'dossier').toUpperCase();
      const page = await call<QueuePage>(desk, 'listQueue', { tab: 'all', q: code, limit: 5 });
      const found = page.items.find((d) => d.code === code);
      if (!found) throw new UsageError(`Không tìm thấy hồ sơ mã ${code}`, false);
      const meta = await call<DocumentMeta>(desk, 'issueDocument', { dossierId: found.id, form });
      const doc = await call<DocumentContent>(desk, 'getDocument', { id: meta.id });
      fs.writeFileSync(out, Buffer.from(doc.contentBase64, 'base64'));
      ctx.out(
        { path: out, ...meta },
        `Đã ghi ${form === RECEIPT_FORM ? 'Giấy biên nhận trả kết quả' : `Mẫu ${form}`} của hồ sơ ${code} ` +
          `(bản ${meta.version}, số ${meta.number ?? '—'}, SHA-256 ${meta.sha256.slice(0, 12)}…) vào ${out}`,
      );
      return 0;
    } finally {
      desk.close();
    }
  },
};
