// Bundles the Node-side entry points with esbuild. Dependencies stay external (native better-sqlite3,
// pdfkit with its font data) except in the sandboxed preload, which must be one self-contained file.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/server/serve.ts'], outfile: 'dist/server/serve.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/cli/desk.ts'], outfile: 'dist/cli/desk.cjs', packages: 'external' }),
]);
