import { z } from 'zod';
import { onlineManifest } from '../contract/online';

/** Where `npm run docs:schema` writes the manifest's JSON Schema, relative to the repository root. */
export const ONLINE_SCHEMA_PATH = 'docs/online-package.schema.json';

/**
 * The JSON Schema of manifest.json as the connector writes it (zod's input side: defaults optional), with an id,
 * a title and a description. Structural only: lengths after trimming, NFC, "no < >" and the file-name rules are
 * checked by the desk (docs/online-package.md).
 */
export function onlineManifestJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(onlineManifest, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    $id: 'urn:mot-cua-desk:schema:online-dossier:1',
    title: 'Gói hồ sơ trực tuyến — manifest.json / Online dossier package — manifest.json',
    description:
      'Tệp khai hồ sơ (manifest.json) ở gốc gói ZIP mà bộ kết nối Cổng dịch vụ công chuyển cho Một Cửa Desk; ' +
      'xem docs/online-package.md. Lược đồ này chỉ kiểm tra cấu trúc; Một Cửa Desk còn kiểm tra độ dài, ' +
      'tên tệp và nội dung khi nhập. / The dossier manifest at the root of the ZIP package the national portal ' +
      "connector hands to Một Cửa Desk; see docs/online-package.md. This schema checks structure only; the desk " +
      'also checks lengths, file names and content on import.',
    ...rest,
  };
}

/** The committed file's exact text: two-space JSON and a final newline. */
export function onlineManifestJsonSchemaText(): string {
  return `${JSON.stringify(onlineManifestJsonSchema(), null, 2)}\n`;
}
