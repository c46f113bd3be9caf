import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    // The CJS build gets import.meta.url too (the HTML report finds the installed chart.js with it).
    shims: true,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    // zod bundled into the command (its licence: THIRD_PARTY_NOTICES.md): one file to load, not zod's ~95
    // modules resolved one by one by Node's ESM loader, ~35 ms of every audit's start-up. The library keeps it external.
    noExternal: ['zod'],
  },
]);
