// Bundles the Node-side entry points with esbuild. Dependencies stay external (native better-sqlite3,
// pdfkit with its font data) except in the sandboxed preload, which must be one self-contained file.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// @dqcai/vn-lunar ships CommonJS code under "type": "module", so require() of it fails: bundle its ESM build instead.
const bundleVnLunar = {
  name: 'bundle-vn-lunar',
  setup(b) {
    b.onResolve({ filter: /^@dqcai\/vn-lunar$/ }, () => ({
      path: fileURLToPath(new URL('../node_modules/@dqcai/vn-lunar/lib/index.mjs', import.meta.url)),
    }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [bundleVnLunar] };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false }),
  build({ ...common, entryPoints: ['electron/server/serve.ts'], outfile: 'dist/server/serve.cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/cli/desk.ts'], outfile: 'dist/cli/desk.cjs', packages: 'external' }),
]);
