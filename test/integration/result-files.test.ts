import { afterEach, describe, expect, it } from 'vitest';
import type { FileMeta, Result } from '../../electron/contract';
import { isResultFile } from '../../electron/contract';
import type { Desk } from '../../electron/services/desk';
import { makePdf } from '../support/counter';
import { intake, value, wardDesk } from '../support/desk';

/**
 * The specialist finishes with the result's scans (the signed certificate): uploaded to the inbox, named in the
 * finish step, attached to the dossier as its result in the same transaction — kept apart from the components.
 */
const desks: Desk[] = [];
afterEach(() => desks.splice(0).forEach((d) => d.close()));

interface Detail {
  dossier: { status: number };
  attachments: FileMeta[];
  events: Array<{ action: string; note: string }>;
}

async function forwardedDossier() {
  const t = await wardDesk();
  desks.push(t.desk);
  const binh = (await t.account('binh.tran', 'Trần Văn Bình', 'specialist', ['Hộ tịch'])).slot;
  const { id } = value(await t.gate.call(t.admin, 'createDossier', { ...intake(), accept: true })) as { id: number };
  value(await t.gate.call(t.admin, 'applyDossierAction', { id, action: { type: 'forward', to: 'specialist' } }));
  value(await t.gate.call(binh, 'applyDossierAction', { id, action: { type: 'startProcessing' } }));
  const upload = async (name: string) => value(await t.desk.ingestFile(name, await makePdf(1, 'Giấy xác nhận')));
  const finish = (files: number[]) =>
    t.gate.call(binh, 'applyDossierAction', {
      id,
      action: { type: 'finish', result: { kind: 'granted', summary: 'Giấy xác nhận tình trạng hôn nhân', number: '12/2026/XN', files } },
    }) as Promise<Result<Detail>>;
  return { ...t, id, binh, upload, finish };
}

describe('result files at finishing', () => {
  it('attaches the uploaded scans to the dossier as its result, named in the history', async () => {
    const w = await forwardedDossier();
    const a = await w.upload('giay-xac-nhan-12.pdf');
    const b = await w.upload('to-trinh.pdf');
    const done = value(await w.finish([a.id, b.id]));
    expect(done.dossier.status).toBe(9);
    const results = done.attachments.filter(isResultFile);
    expect(results.map((f) => f.name)).toEqual(['giay-xac-nhan-12.pdf', 'to-trinh.pdf']);
    expect(done.attachments.filter((f) => !isResultFile(f))).toEqual([]);
    expect(done.events.at(-1)).toMatchObject({ action: 'finish' });
    expect(done.events.at(-1)?.note).toMatch(/\(kèm 2 tệp kết quả: giay-xac-nhan-12\.pdf, to-trinh\.pdf\)$/);
    // They left the inbox, and the desk serves their bytes (hash re-checked).
    const inbox = value(await w.gate.call(w.admin, 'listInbox', {})) as { items: FileMeta[] };
    expect(inbox.items.map((f) => f.id)).not.toContain(a.id);
    expect((await w.desk.openFile(a.id)).ok).toBe(true);
  });

  it('refuses an unknown file, a file of another dossier, the same file twice — and records nothing', async () => {
    const w = await forwardedDossier();
    const a = await w.upload('ket-qua.pdf');
    const missing = await w.finish([a.id, 9999]);
    expect(missing.ok || missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy tệp kết quả số 9999; hãy tải lên lại.' });
    const twice = await w.finish([a.id, a.id]);
    expect(twice.ok || twice.error.message).toBe('Một tệp kết quả được chọn hai lần');
    const component = value(await w.gate.call(w.admin, 'getDossier', { id: w.id })) as Detail;
    expect(component.dossier.status).toBe(4);
    expect(component.attachments).toEqual([]);
    // Attached to a component of another dossier meanwhile: taken, so refused.
    const other = value(await w.gate.call(w.admin, 'createDossier', { ...intake({ fullName: 'Lê Thị Khác' }), attachments: [{ fileId: a.id, componentPosition: 1 }] })) as { id: number };
    expect(other.id).not.toBe(w.id);
    const taken = await w.finish([a.id]);
    expect(taken.ok || taken.error).toMatchObject({ code: 'CONFLICT' });
    expect(taken.ok || taken.error.message).toMatch(/đã được đính kèm vào hồ sơ/);
    // Still finishable without files.
    expect(value(await w.finish([])).dossier.status).toBe(9);
  });

  it('refuses more than 20 result files with a Vietnamese message from the contract', async () => {
    const w = await forwardedDossier();
    const r = await w.finish(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(r.ok || r.error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(r.ok || r.error)).toContain('Tối đa 20 tệp kết quả');
  });
});
