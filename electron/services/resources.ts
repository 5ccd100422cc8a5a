import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../contract';
import { validateCatalogue } from '../core/catalogue';

/** The shipped procedure catalogue (resources/catalogue/procedures.json), validated field by field. */
export function loadShippedCatalogue(resourcesDir: string): Catalogue {
  const file = path.join(resourcesDir, 'catalogue', 'procedures.json');
  const result = validateCatalogue(fs.readFileSync(file, 'utf8'));
  if (!result.ok) {
    throw new Error(`Danh mục thủ tục kèm theo phần mềm không hợp lệ (${file}): ${result.report.map((r) => `${r.path}: ${r.message}`).join('; ')}`);
  }
  return result.catalogue;
}

/** CCCD province-of-birth codes and names (TT 07/2016/TT-BCA Phụ lục 1). */
export function loadProvinces(resourcesDir: string): ReadonlyMap<string, string> {
  const file = path.join(resourcesDir, 'cccd-provinces.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { codes: Array<{ code: string; name: string }> };
  return new Map(data.codes.map((c) => [c.code, c.name]));
}
