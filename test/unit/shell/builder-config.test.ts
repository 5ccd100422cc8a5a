import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (app-builder-lib parses electron-builder.yml with it); it has no types here.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const repo = (rel: string) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));
type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  linux: Record<string, unknown> & { target: string[] };
  win: { target: Array<{ target: string }> };
};

let config: Config;
let schema: { $schema: string };

beforeAll(() => {
  config = yaml.load(fs.readFileSync(repo('electron-builder.yml'), 'utf8')) as Config;
  schema = JSON.parse(fs.readFileSync(repo('node_modules/app-builder-lib/scheme.json'), 'utf8'));
});

function validator() {
  // The schema is draft-07 (Ajv 8's default draft). It uses one non-standard keyword, "typeof" (from ajv-keywords,
  // for hook functions), and union types; both are declared instead of switching strict mode off.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  it('is validated against a draft-07 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('matches app-builder-lib/scheme.json', () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator does catch mistakes (a misspelt option, a wrong type)', () => {
    const validate = validator();
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
  });

  it("passes electron-builder's own configuration check", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('identifies the product', () => {
    expect(config.appId).toBe('vn.gov.motcua.desk');
    expect(config.productName).toBe('Một Cửa Desk');
  });

  it('packs only the build into app.asar and unpacks native modules', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*']));
    expect(config.files.some((f) => /^(electron|renderer|test|scripts)\//.test(f))).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['!dist/**/*.map']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'resources', to: 'resources' })]));
    expect(fs.existsSync(repo('resources/fonts/OFL.txt'))).toBe(true);
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds an assisted per-user NSIS installer in Vietnamese, and AppImage + deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, language: '1066' });
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['vi_VN']));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });
});
