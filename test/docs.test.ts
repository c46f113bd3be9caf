import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citeSource, procedures } from '../src/index';
import { procedureMarkdown } from '../scripts/procedure-docs';

describe('generated procedure pages', () => {
  for (const p of procedures) {
    it(`docs/procedures/${p.id}.md is current (run \`npm run docs\` after changing a procedure)`, () => {
      const page = readFileSync(new URL(`../docs/procedures/${p.id}.md`, import.meta.url), 'utf8');
      expect(page).toBe(procedureMarkdown(p));
    });
  }
  it('every rule appears with its source document', () => {
    for (const p of procedures) {
      const page = procedureMarkdown(p);
      for (const r of p.rules) {
        expect(page).toContain(`| \`${r.id}\` |`);
        expect(page).toContain(citeSource(p, r.source).document);
      }
    }
  });
});
