import { z } from 'zod';

/**
 * A data problem: something in the input that could not be used as it stands.
 * Problems are returned beside the results, never thrown and never dropped, so
 * that every input row is either used or reported.
 */
export const DataProblemSchema = z.object({
  /** Machine-readable kind, e.g. `invalid-date`, `unknown-event`, `duplicate-event`. */
  code: z.string(),
  /** One sentence a data analyst can act on. */
  message: z.string(),
  caseId: z.string().optional(),
  procedure: z.string().optional(),
  rule: z.string().optional(),
  event: z.object({ type: z.string(), date: z.string() }).optional(),
  /** Where in the input: file, 1-based line, column name or number, and the offending value. */
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.union([z.string(), z.number()]).optional(),
  value: z.string().optional(),
  /** `error`: the row or event was not used. `warning`: it was used, but looks wrong. */
  severity: z.enum(['error', 'warning']),
});

export type DataProblem = z.infer<typeof DataProblemSchema>;
