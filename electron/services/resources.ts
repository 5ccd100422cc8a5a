import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { procedure } from '../contract/schemas';

const catalogueFile = z.object({ version: z.string(), procedures: z.array(procedure) });

/** The shipped procedure catalogue (resources/procedures.json), validated before it reaches the database. */
export function loadCatalogue(resourcesDir: string) {
  const file = path.join(resourcesDir, 'procedures.json');
  return catalogueFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** CCCD province-of-birth codes (TT 07/2016/TT-BCA Phụ lục 1). */
export function loadProvinceCodes(resourcesDir: string): ReadonlySet<string> {
  const file = path.join(resourcesDir, 'cccd-provinces.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { codes: Array<{ code: string }> };
  return new Set(data.codes.map((c) => c.code));
}
