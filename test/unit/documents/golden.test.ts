import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentRenderer, type DocumentRenderer } from '../../../electron/documents/slip';
import { compareWithGolden, GOLDEN_TOLERANCE } from '../../support/golden';
import { sampleSlip } from '../../fixtures/documents/sample-slip';
import { sampleApology, sampleAppraisalRefusal, sampleReceipt, sampleRefusal, sampleStop, sampleSupplement } from './sample-forms';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const LOOKUP = 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}';

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

/** Fixed data and dates (sample-slip.ts, sample-forms.ts): the renders change only when the layout does. */
const cases: Array<[string, () => Promise<Buffer>]> = [
  ['mau01-tt03', () => renderer.mau01(sampleSlip({ lookupUrl: LOOKUP }))], // both liên
  ['mau02-tt03', () => renderer.mau02(sampleSupplement())],
  ['mau03-tt03', () => renderer.mau03(sampleRefusal())],
  ['mau04-tt03', () => renderer.mau04(sampleApology())],
  ['mau05-tt03', () => renderer.mau05(sampleStop())],
  ['mau01-tt01', () => renderer.mau01(sampleSlip(), { regime: 'TT01-2018', copies: 1 })],
  ['mau04-tt01', () => renderer.mau04(sampleApology(), { regime: 'TT01-2018' })],
  ['mau03-appraisal-tt03', () => renderer.mau03(sampleAppraisalRefusal())],
  ['bien-nhan-a5', () => renderer.receipt(sampleReceipt(), { copies: 1 })],
  ['bien-nhan-a4', () => renderer.receipt(sampleReceipt(), { paper: 'A4', copies: 1 })],
];

describe('golden renders of the forms', () => {
  it.each(cases)('%s looks as it did', async (name, render) => {
    const result = compareWithGolden(name, await render());
    for (const [i, diff] of result.diffs.entries()) expect(diff, `${name} page ${i + 1}`).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    if (name === 'mau01-tt03') expect(result.pages).toBe(2);
  });
});
