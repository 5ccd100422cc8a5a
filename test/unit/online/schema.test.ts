import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { onlineManifest } from '../../../electron/contract/online';
import { DEFAULT_PACKAGE_LIMITS, openPackage } from '../../../electron/online/package-reader';
import { ONLINE_SCHEMA_PATH, onlineManifestJsonSchemaText } from '../../../electron/online/schema-json';
import { buildOnlinePackage } from '../../../electron/online/zip-writer';
import { cleanTmp, sampleManifest, tmpFile } from './helpers';

afterAll(cleanTmp);

const root = path.resolve(__dirname, '../../..');
const committed = fs.readFileSync(path.join(root, ONLINE_SCHEMA_PATH), 'utf8');

/** The example manifest of docs/online-package.md: the json block after the "checked by" marker. */
function docsExample(): unknown {
  const md = fs.readFileSync(path.join(root, 'docs/online-package.md'), 'utf8');
  const marker = md.indexOf('checked by test/unit/online/schema.test.ts');
  const block = /```json\n([\s\S]*?)\n```/.exec(md.slice(marker));
  if (marker < 0 || !block) throw new Error('example manifest not found in docs/online-package.md');
  return JSON.parse(block[1]!);
}

function validator() {
  // "date-time" is enforced by the schema's own pattern; ajv-formats is not installed.
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
  return ajv.compile(JSON.parse(committed) as object);
}

describe('docs/online-package.schema.json', () => {
  it('is what scripts/build-online-schema.mjs writes (run `npm run docs:schema` after changing the contract)', () => {
    const script = fs.readFileSync(path.join(root, 'scripts/build-online-schema.mjs'), 'utf8');
    expect(script).toContain('onlineManifestJsonSchemaText()');
    expect(committed).toBe(onlineManifestJsonSchemaText());
  });

  it('has an id, a bilingual title and description', () => {
    const schema = JSON.parse(committed) as Record<string, string>;
    expect(schema.$id).toBe('urn:mot-cua-desk:schema:online-dossier:1');
    expect(schema.title).toMatch(/Gói hồ sơ trực tuyến.*Online dossier package/);
    expect(schema.description).toMatch(/Tệp khai hồ sơ.*The dossier manifest/s);
  });

  it('accepts the documented example and the test sample, which the desk accepts too', () => {
    const validate = validator();
    for (const manifest of [docsExample(), sampleManifest()]) {
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
      expect(onlineManifest.safeParse(manifest).success).toBe(true);
    }
  });

  it('refuses what the desk refuses structurally', () => {
    const validate = validator();
    const { applicant: _applicant, ...noApplicant } = sampleManifest();
    for (const bad of [
      noApplicant,
      { ...sampleManifest(), submittedAt: '12/03/2025 09:41' },
      { ...sampleManifest(), submittedAt: '2025-03-12T09:41:27' }, // no offset
      { ...sampleManifest(), version: 2 },
      { ...sampleManifest(), extra: 1 },
      { ...sampleManifest(), components: [] },
    ]) {
      expect(validate(bad)).toBe(false);
      expect(onlineManifest.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the documented example', () => {
  it('imports as a package with its attachments', async () => {
    const manifest = docsExample() as Parameters<typeof buildOnlinePackage>[0];
    const files = Object.fromEntries(manifest.components.flatMap((c) => c.files ?? []).map((f) => [f, Buffer.from(`%PDF ${f}`)]));
    const res = await openPackage(tmpFile(await buildOnlinePackage(manifest, files)), DEFAULT_PACKAGE_LIMITS(20 * 1024 * 1024));
    expect(res.ok && res.pkg.files).toEqual(['to-khai-khai-sinh.pdf', 'giấy chứng sinh.pdf', 'cccd-mat-truoc.jpg', 'cccd-mat-sau.jpg']);
    if (res.ok) res.pkg.close();
  });
});
