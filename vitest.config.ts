import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The package's own entry points, as a user imports them (test/testing/readme-example.test.ts).
    alias: {
      'safeguarding-timescales/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests need Chromium: `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 60_000,
    // beforeAll hooks run whole audits (the DfE samples): on a loaded 2-core machine they take more than the default 10 s.
    hookTimeout: 60_000,
  },
});
