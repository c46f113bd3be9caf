/**
 * The zod schema of the gov.uk `bank-holidays.json` shape, for callers who
 * validate their own lists. The calendar checks a list with `isGovUkShape`
 * (./holidays.ts), which accepts the same values without loading zod at
 * start-up (test/calendar/govuk-shape.test.ts compares the two).
 */
import { z } from 'zod';

/** The gov.uk `bank-holidays.json` shape (extra keys such as `bunting` are allowed). */
export const GovUkBankHolidaysSchema = z.record(
  z.string(),
  z.object({
    division: z.string().optional(),
    events: z.array(
      z.object({ title: z.string(), date: z.string(), notes: z.string().optional() }).loose(),
    ),
  }),
);
export type GovUkBankHolidays = z.infer<typeof GovUkBankHolidaysSchema>;
