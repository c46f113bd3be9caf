import { z } from 'zod';

/** `YYYY-MM-DD`: a day in England, no time, no zone (conventions C1). */
export const IsoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

/** An ISO date, or an ISO date-time `YYYY-MM-DDTHH:mm[:ss][offset]` for hour-based rules (C6). */
export const IsoDateOrDateTimeString = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'expected an ISO date YYYY-MM-DD or date-time YYYY-MM-DDTHH:mm',
  );

/** An event attribute value: what a CSV cell or JSON scalar can carry. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One thing that happened to a child: `{ type, date, ...attributes }`.
 * `type` is an event name of the procedure (listed on its docs/procedures/ page), `date` an ISO date
 * (or date-time for hour-based rules); any other key is an attribute.
 */
export const CaseEventSchema = z
  .object({
    type: z.string().min(1, 'expected an event name'),
    date: IsoDateOrDateTimeString,
  })
  .catchall(AttributeValue);

/** A child's history: `{ id, dateOfBirth?, events }`. Events may arrive in any order. */
export const CaseRecordSchema = z
  .object({
    id: z.string().min(1, 'expected a case id'),
    dateOfBirth: IsoDateString.optional(),
    events: z.array(CaseEventSchema),
  })
  .strict();

export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseRecord = z.infer<typeof CaseRecordSchema>;
