// Writes docs/online-package.schema.json from electron/contract/online.ts. Run with tsx (it imports TypeScript):
//   npx tsx scripts/build-online-schema.mjs        (npm run docs:schema)
// test/unit/online/schema.test.ts fails when the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ONLINE_SCHEMA_PATH, onlineManifestJsonSchemaText } from '../electron/online/schema-json.ts';

const out = fileURLToPath(new URL(`../${ONLINE_SCHEMA_PATH}`, import.meta.url));
writeFileSync(out, onlineManifestJsonSchemaText());
console.log(`wrote ${ONLINE_SCHEMA_PATH}`);
