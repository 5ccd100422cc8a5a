import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULE_MM, code128 } from '../../../electron/documents/barcode';
import { qrPayload } from '../../../electron/documents/qr';
import { createDocumentRenderer, type DocumentRenderer } from '../../../electron/documents/slip';
import { sampleSlip } from '../../fixtures/documents/sample-slip';
import { firstPagePng, readCode128, readQr } from './decode';
import { readPdf, type PageRead } from './pdf-read';
import { sampleApology, sampleRefusal, sampleStop, sampleSupplement } from './sample-forms';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;
const LOOKUP = 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}';

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

describe('Code 128 barcode of the dossier code', () => {
  it('switches code sets: the 25-character code takes fewer modules than in set B alone', () => {
    const code = '000.00.06.H56-261124-0001';
    const symbol = code128(code);
    // set B alone: start + 25 symbols + check (11 modules each) + stop (13)
    expect(symbol.modules).toBeLessThan(11 * 27 + 13);
    expect(symbol.widths.length % 2).toBe(1); // bar, space, …, bar
    expect(symbol.modules * MODULE_MM).toBeLessThan(95); // fits beside the QR code on A5
  });

  it('draws bars of at least 0.25 mm per module as vectors on Mẫu 01', async () => {
    const [page] = (await readPdf(await renderer.mau01(sampleSlip(), { copies: 1 }))) as [PageRead];
    const bars = page.filledRects.filter((r) => r.h > 5);
    expect(bars.length).toBe((code128('000.00.06.H56-261124-0001').widths.length + 1) / 2);
    expect(Math.min(...bars.map((b) => b.w))).toBeGreaterThanOrEqual(0.25 * MM - 1e-6);
  });

  it('decodes, from a 300 dpi render, to the dossier code (barcode) and the lookup URL (QR) on Mẫu 01', async () => {
    const data = sampleSlip({ lookupUrl: LOOKUP });
    const png = firstPagePng(await renderer.mau01(data, { copies: 1 }));
    expect(readCode128(png)).toBe(data.dossier.code);
    expect(readQr(png)).toBe(qrPayload(data.dossier.code, LOOKUP));
    expect(readQr(png)).toBe('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=000.00.06.H56-261124-0001');
  });

  it('decodes on Mẫu 02–05 too, in both regimes', async () => {
    const code = sampleSupplement().code;
    const forms = [
      (r: 'TT03-2025' | 'TT01-2018') => renderer.mau02(sampleSupplement(), { regime: r }),
      (r: 'TT03-2025' | 'TT01-2018') => renderer.mau03(sampleRefusal(), { regime: r }),
      (r: 'TT03-2025' | 'TT01-2018') => renderer.mau04(sampleApology(), { regime: r }),
      (r: 'TT03-2025' | 'TT01-2018') => renderer.mau05(sampleStop({ lookupUrl: 'https://x.vn/hs?a=1' }), { regime: r }),
    ];
    for (const [i, render] of forms.entries()) {
      for (const regime of ['TT03-2025', 'TT01-2018'] as const) {
        const png = firstPagePng(await render(regime));
        expect(readCode128(png), `form 0${i + 2} ${regime}`).toBe(code);
        expect(readQr(png), `form 0${i + 2} ${regime}`).toBe(i === 3 ? `https://x.vn/hs?a=1&ma=${code}` : code);
      }
    }
  });
});
