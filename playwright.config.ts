// E2E runs in Debian's Chromium (never `npx playwright install`: downloads are blocked here)
// against the browser host, which each spec starts through test/e2e/support/host.ts.
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // One worker: two cores are shared by the whole suite, and every spec starts its own host.
  workers: 1,
  retries: 0,
  // A stray test.only would run one spec and call the rest green.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The list as usual, plus a JSON report that scripts/check-skips.mjs reads after the run.
  reporter: [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
