/**
 * From a concern to the strategy discussion (seed 001: Sussex procedures 1.2.5).
 * A strategy discussion within 3 working days of an incident being reported;
 * where S47 enquiries begin, a core assessment commences with them and is
 * completed within 35 working days; the records are completed and copied.
 */
import type { ProcedureInput } from '../engine/index';
import { SUSSEX_ICS } from './documents';

const P = 'strategy-discussion';

export const strategyDiscussion: ProcedureInput = {
  id: P,
  title: 'From concern to strategy discussion',
  summary:
    'A reported incident leads to a strategy discussion within 3 working days; S47 enquiries bring a core assessment within 35 working days; the strategy record and the S47 outcome are recorded and circulated.',
  sources: [{ ...SUSSEX_ICS, section: "1.2.5 Integrated Children's System (ICS)" }],
  events: {
    'incident-reported': { description: 'An incident (a safeguarding concern) was reported' },
    'strategy-discussion': {
      description: 'Strategy discussion held',
      attributes: { s47: { type: 'boolean', description: 'S47 enquiries were initiated at this discussion', default: false } },
    },
    's47-started': { description: 'Section 47 enquiries started' },
    'strategy-record-circulated': { description: 'Strategy discussion record completed and copied to all involved' },
    's47-outcome-recorded': { description: 'Outcome of the S47 enquiries recorded and copied' },
    'core-assessment-completed': { description: 'Core assessment completed' },
  },
  rules: [
    {
      id: 'strategy-discussion',
      title: 'Strategy discussion within 3 working days of an incident being reported',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Record of Strategy Discussion',
        quote: 'Strategy Discussions should take place within three working days of an incident being reported',
      },
      anchor: { event: 'incident-reported' },
      timing: { within: '3wd' },
      completion: { event: 'strategy-discussion' },
    },
    {
      id: 'core-assessment-from-s47',
      title: 'Core assessment, commenced with the S47 enquiries, completed within 35 working days',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Core Assessment Record',
        quote: 'A Core Assessment should be commenced at the same time as S.47 Enquiries are initiated',
      },
      anchor: { firstOf: [{ event: 's47-started' }, { event: 'strategy-discussion', where: { s47: true } }] },
      timing: { within: '35wd' },
      completion: { event: 'core-assessment-completed' },
    },
    {
      id: 'strategy-record-circulated',
      title: 'Strategy discussion record completed and copied to all involved (no timescale in the source)',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Record of Strategy Discussion',
        quote: 'It is the responsibility of the Service Manager responsible for the Strategy Discussion to ensure that a record of the discussion is completed and copied to all those involved in the discussion',
      },
      anchor: { event: 'strategy-discussion' },
      timing: { within: null },
      completion: { event: 'strategy-record-circulated' },
    },
    {
      id: 's47-outcome-recorded',
      title: 'Outcome of the S47 enquiries recorded and copied (no timescale in the source)',
      kind: 'deadline',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Record of Outcome of S.47 Enquiries',
        quote: 'It is the responsibility of the Service Manager to ensure that the record is completed and copies provided to all those involved in the enquiries',
      },
      anchor: { event: 's47-started' },
      timing: { within: null },
      completion: { event: 's47-outcome-recorded' },
    },
  ],
  interpretations: [
    {
      topic: 'Which event starts the core assessment',
      reading: '`s47-started` where the case records it; otherwise a `strategy-discussion` with `s47: true`.',
    },
    {
      topic: 'Several incidents',
      reading: 'Each `incident-reported` starts its own 3-working-day clock; the first strategy discussion on or after an incident completes it (C7), so one discussion held after two incidents meets both.',
      alternative: 'Record one `incident-reported` per concern that needs its own discussion.',
    },
    {
      topic: 'Records with no timescale',
      reading: 'The strategy record and the S47 outcome have no timescale in the seed: pending with the working days open, unless a local target is set (override `{ within: "1wd" }`).',
    },
  ],
};
