import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreatedDossier, Result } from '../../electron/contract';
import { intake, value } from '../support/desk';
import { makePdf, openCounterDesk, type CounterDesk } from '../support/counter';

/**
 * "Tiếp nhận" at the counter saves the dossier and accepts it (code, due date, Mẫu 01) in one step. Should the slip
 * fail, the dossier must not be received twice: the answer says it was saved (id, code, status 1, scans attached) and
 * why it was not accepted, and "Tiếp nhận" on that dossier finishes the job.
 *
 * The failure is the slip's renderer throwing, as pdfkit does on a broken font or a full disk: the real renderer,
 * wrapped so that Mẫu 01 fails while `slipFails` is set (every other form renders as usual).
 */
const slip = vi.hoisted(() => ({ fails: false }));
vi.mock('../../electron/documents/slip', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/documents/slip')>();
  return {
    ...real,
    createDocumentRenderer: (opts: Parameters<typeof real.createDocumentRenderer>[0]) => {
      const renderer = real.createDocumentRenderer(opts);
      return {
        ...renderer,
        mau01: (...args: Parameters<typeof renderer.mau01>) => {
          if (slip.fails) return Promise.reject(new Error('PDFKit: unexpected end of font data'));
          return renderer.mau01(...args);
        },
      };
    },
  };
});

let h: CounterDesk;
beforeAll(async () => {
  h = await openCounterDesk();
});
afterAll(() => h.close());

describe('createDossier with accept when the slip fails', () => {
  it('saves one dossier (status 1, scans attached), says why it was not accepted, and "Tiếp nhận" again accepts it', async () => {
    const form = await h.uploadOk('to-khai.pdf', await makePdf(1, 'Tờ khai'));
    const proof = await h.uploadOk('giay-ly-hon.pdf', await makePdf(2, 'Ly hôn'));
    const input = {
      ...intake({ fullName: 'Trịnh Văn Lỗi' }),
      attachments: [
        { fileId: form.id, componentPosition: 1 },
        { fileId: proof.id, componentPosition: 2 },
      ],
      accept: true,
    };
    const count = () => h.sql<{ n: number }>('SELECT count(*) AS n FROM dossiers')[0]!.n;
    const before = count();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    slip.fails = true;
    // Through the browser door, as the intake screen calls it.
    const answer = await h.api('createDossier', input);
    slip.fails = false;
    const errorsLogged = logged.mock.calls.length;
    logged.mockRestore();

    expect(answer.status).toBe(200);
    const created = value(answer.body as Result<CreatedDossier>);
    expect(created).toMatchObject({
      status: 1,
      acceptedAt: null,
      notAccepted: {
        code: 'INTERNAL',
        message: 'Không lập được Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01): lỗi nội bộ của phần mềm.',
      },
    });
    expect(created.code).toMatch(/^000\.00\.16\.H56-\d{6}-\d{4}$/);
    expect(errorsLogged).toBeGreaterThan(0); // the cause goes to the log, the officer reads the sentence above
    expect(count()).toBe(before + 1);

    const saved = value(await h.call('getDossier', { id: created.id }));
    expect(saved.dossier).toMatchObject({ status: 1, code: created.code, applicantName: 'Trịnh Văn Lỗi', register: null, dueAt: null });
    expect(saved.documents).toEqual([]);
    expect(saved.events.map((e) => e.action)).toEqual(['created']);
    expect(saved.attachments.map((f) => [f.id, f.componentPosition])).toEqual([
      [form.id, 1],
      [proof.id, 2],
    ]);
    expect(value(await h.call('listInbox', {})).items.map((f) => f.id)).not.toContain(form.id);
    // The register number the failed slip would have taken is still free.
    expect(h.sql('SELECT register_no FROM dossiers WHERE id = ?', created.id)).toEqual([{ register_no: null }]);

    // Sending the same papers again is what the screen no longer does: it would be refused, not a second dossier.
    const again = await h.call('createDossier', input);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Tệp "to-khai.pdf" đã được đính kèm vào hồ sơ khác' } });
    expect(count()).toBe(before + 1);

    // "Tiếp nhận" on the saved dossier: accepted with its code, Mẫu 01 version 1.
    const accepted = value(await h.call('acceptDossier', { id: created.id }));
    expect(accepted.dossier).toMatchObject({ id: created.id, code: created.code, status: 2 });
    expect(accepted.document).toMatchObject({ form: '01', version: 1 });
    expect(count()).toBe(before + 1);
  });

  it('without a failure the answer has notAccepted null (accepted, or saved on purpose)', async () => {
    const ok = value(await h.call('createDossier', { ...intake({ fullName: 'Hà Thị Được' }), accept: true }));
    expect(ok).toMatchObject({ status: 2, notAccepted: null });
    const saved = value(await h.call('createDossier', { ...intake({ fullName: 'Hà Thị Lưu' }) }));
    expect(saved).toMatchObject({ status: 1, notAccepted: null });
  });
});
