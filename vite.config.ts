import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

import { DESK_CSP } from './electron/contract/web-policy.js';

/**
 * The desk's Content-Security-Policy (one source: electron/contract/web-policy.ts) written into the built page too, for
 * defence in depth. A meta tag cannot carry frame-ancestors, so it is left to the headers. Build only: the dev
 * server's React refresh preamble is an inline script.
 */
const CSP = DESK_CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

const cspMeta = (): Plugin => ({
  name: 'desk-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
    // antd with the rc-components it uses is one ~650 kB (≈210 kB gzip) chunk; loaded from disk, never the network.
    // antd (with DatePicker, TimePicker, Tabs) is one ~750 kB chunk, loaded once from disk: not worth splitting further.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|dayjs|@babel[\\/]runtime|stylis)[\\/]/, priority: 20 },
            // pdf.js (≈ 1 MB) stays out: it is imported lazily by the review viewer, not at start-up.
            { name: 'vendor', test: /[\\/]node_modules[\\/](?!pdfjs-dist[\\/])/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
