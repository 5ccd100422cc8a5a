import { defineConfig } from '@playwright/test';

/**
 * The Electron door's lane: the real app (dist/electron/main.cjs on the repo root) driven by Playwright's _electron.
 * Separate from the browser lane (playwright.config.ts, test/e2e). Build first: `npm run build`.
 * Run: `npx playwright test -c test/electron/playwright.electron.config.ts`. Every test skips, saying so, when the
 * Electron binary is not installed (the usual case on these machines). On Linux without a display use xvfb-run.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../.reports/playwright-electron.json' }]],
});
