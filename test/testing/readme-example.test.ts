import { expect, test } from 'vitest';
import { checkFixture, loadFixtures } from 'safeguarding-timescales/testing';

for (const f of loadFixtures('fixtures')) test(f.name, () => expect(checkFixture(f)).toEqual({ ok: true }));
