/**
 * `safeguarding-timescales/testing`: your own hand-worked cases as tests
 * (docs/fixtures.md).
 *
 * @example
 * import { checkFixture, loadFixtures } from 'safeguarding-timescales/testing';
 * for (const f of loadFixtures('fixtures')) test(f.name, () => expect(checkFixture(f)).toEqual({ ok: true }));
 */
export { ExpectedResultSchema, FixtureCalendarSchema, FixtureSchema, type ExpectedResult, type Fixture, type FixtureInput, type LoadedFixture } from './schema';
export {
  checkFixture,
  evaluateFixture,
  fixtureOptions,
  type CheckOptions,
  type FieldDifference,
  type FixtureCheck,
  type FixtureDifference,
  type ProducedResult,
} from './check';
export { FixtureFileError, faultText, loadFixtures, readFixtureFile, readFixtures, zodPath, type FixtureFault } from './load';
export { differenceLines, junitReport, outcomeText, type FixtureOutcome } from './report';
