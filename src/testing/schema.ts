/**
 * The fixture format (docs/fixtures.md): one case, an as-of date, the options
 * of the evaluation, and the results worked out by hand. The JSON Schema
 * shipped as `safeguarding-timescales/schemas/fixture.schema.json` is generated from
 * this schema (`npm run schema`).
 */
import { z } from 'zod';
import { CaseRecordSchema, REGIONS, StatusSchema } from '../index';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const DayOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm');

/** The calendar options of `createCalendar` that a fixture can carry (JSON: no functions). */
export const FixtureCalendarSchema = z
  .object({
    region: z.enum(REGIONS).optional(),
    closures: z.array(Day).optional(),
    extraHolidays: z.array(z.union([Day, z.object({ date: Day, name: z.string().min(1) }).strict()])).optional(),
    removeHolidays: z.array(Day).optional(),
    weekend: z.array(z.number().int().min(1).max(7)).optional(),
    holidaysData: z.unknown().optional(),
    countStartDay: z.boolean().optional(),
  })
  .strict()
  .describe('Calendar options, as createCalendar takes them (default: England and Wales bank holidays).');

/** One result worked out by hand. */
export const ExpectedResultSchema = z
  .object({
    rule: z.string().min(1).describe('The rule id (as listed by `timescales rules PROCEDURE`).'),
    occurrence: z.number().int().min(1).describe('1 for the first result of the rule in the case (the nth occurrence of a cycle within its sequence).'),
    sequence: z.number().int().min(1).optional().describe("Cycles: which sequence (1 for the first); without it, a cycle's occurrences are matched in order."),
    due: DayOrTime.nullable().optional().describe('The due date; null or absent when the result has none (a step with no timescale).'),
    earliest: DayOrTime.optional().describe("A window's opening date; required when the result has one."),
    status: StatusSchema,
    completed: DayOrTime.optional().describe('The date of the completing event; required when the result has one.'),
    late: z
      .object({ workingDays: z.number().int(), days: z.number().int() })
      .strict()
      .optional()
      .describe('How late (met-late, overdue): checked only when given.'),
    note: z.string().min(1).optional().describe('The hand arithmetic behind the dates, e.g. "Wed 27 Mar + 3 WD, skipping Good Friday and Easter Monday → Wed 3 Apr".'),
  })
  .strict();

/**
 * A fixture. For every rule named in `expected`, that rule's results must be
 * exactly the listed ones (same count, occurrence, due, earliest, status,
 * completion); other rules are checked only by `absent`, or by `strict`.
 */
export const FixtureSchema = z
  .object({
    $schema: z.string().optional().describe('Where editors find this schema, e.g. node_modules/safeguarding-timescales/schemas/fixture.schema.json.'),
    description: z.string().min(1).describe('What the case shows, in words.'),
    procedure: z.string().min(1).describe('The procedure id (`timescales procedures`).'),
    asOf: Day.describe('The date the case is evaluated at.'),
    profile: z.string().min(1).optional().describe('A named profile of the procedure (default: "default").'),
    calendar: FixtureCalendarSchema.optional(),
    overrides: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .describe('Per rule id, a patch `{ enabled?, force?, timing?, versions? }`, as the overrides option of evaluate.'),
    dueSoonWithin: z.string().optional().describe('The warning window before a due date (default 5wd), e.g. "10wd".'),
    tags: z.array(z.string()).default([]).describe('What the case exercises: bank-holiday, weekend, month-end, leap-day, clock-change, ...'),
    note: z.string().min(1).optional().describe('Free text: the hand arithmetic or anything a reader should know.'),
    case: CaseRecordSchema,
    expected: z.array(ExpectedResultSchema).min(1),
    absent: z.array(z.string()).optional().describe('Rules that must produce no result at all in this case.'),
    problems: z
      .array(z.object({ code: z.string(), rule: z.string().optional() }).strict())
      .optional()
      .describe('The data problems expected (by code, optionally rule); any other problem fails the fixture.'),
  })
  .strict();

/** A fixture as written in its file (tags may be left out). */
export type FixtureInput = z.input<typeof FixtureSchema>;
export type Fixture = z.infer<typeof FixtureSchema>;
export type ExpectedResult = z.infer<typeof ExpectedResultSchema>;

/** A fixture read from a file: `name` is its path relative to the folder it was found in. */
export type LoadedFixture = Fixture & { name: string; file: string };
