/**
 * Child protection conferences (seed 001; Working Together to Safeguard
 * Children). The initial conference within 15 working days of the strategy
 * discussion at which S47 enquiries were initiated; the first review
 * conference within 3 months of it, then at intervals of no more than 6 months
 * while the child is subject to a plan; the first core group within 10
 * working days of the initial conference.
 */
import type { ProcedureInput } from '../engine/index';
import { BLACKPOOL_REVIEWS, SUSSEX_ICS, WORKING_TOGETHER_2010 } from './documents';

const P = 'cp-conference';

export const cpConference: ProcedureInput = {
  id: P,
  title: 'Child protection conferences',
  summary:
    'The initial child protection conference within 15 working days of the strategy discussion, review conferences within 3 months and then every 6 months while the child is subject to a plan, and the first core group within 10 working days.',
  sources: [
    { ...SUSSEX_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { ...WORKING_TOGETHER_2010, section: 'Chapter 5' },
    { ...BLACKPOOL_REVIEWS, section: "Our Children's Reviews" },
  ],
  events: {
    'strategy-discussion': {
      description: 'Strategy discussion held',
      attributes: { s47: { type: 'boolean', description: 'S47 enquiries were initiated at this discussion', default: false } },
    },
    icpc: { description: 'Initial child protection conference held' },
    'icpc-not-required': { description: 'The S47 enquiries concluded that no initial conference is needed' },
    'cp-plan-started': { description: 'The child was made subject to a child protection plan (normally the ICPC date)' },
    rcpc: { description: 'Review child protection conference held' },
    'cp-plan-ended': { description: 'The child protection plan ended' },
    'core-group': { description: 'Core group meeting held' },
    'became-looked-after': { description: 'The child became looked after (the CP and looked-after reviews then form one process)' },
  },
  periods: {
    'cp-plan': {
      description: 'A child protection plan: from its start to its end',
      start: ['cp-plan-started'],
      end: ['cp-plan-ended'],
    },
  },
  rules: [
    {
      id: 'icpc',
      title: 'Initial child protection conference within 15 working days of the strategy discussion that initiated S47 enquiries',
      kind: 'deadline',
      source: {
        document: 'working-together-2010',
        section: 'Chapter 5: initial child protection conference (timing)',
        quote: 'within 15 working days of the strategy discussion, or the strategy discussion at which section 47 enquiries were initiated if more than one has been held',
      },
      anchor: { event: 'strategy-discussion', where: { s47: true } },
      timing: { within: '15wd' },
      completion: { event: 'icpc' },
      cancelledBy: ['icpc-not-required'],
    },
    {
      id: 'rcpc',
      title: 'First review conference within 3 months of the initial conference, then at intervals of no more than 6 months',
      kind: 'cycle',
      period: 'cp-plan',
      source: {
        document: 'sussex-ics',
        section: "9. Recording Guidance > Child/Young Person's Child Protection Review Record",
        quote: 'Reviews are held within three months of the initial conference and thereafter no less frequently that every six months',
      },
      start: { event: 'cp-plan-started' },
      end: ['cp-plan-ended'],
      timing: { intervals: ['3m', '6m'] },
      completion: { event: 'rcpc' },
      notes: [
        {
          text: 'The child is also looked after: the looked-after review and the child protection review form one process led by the IRO (seed 004).',
          whenAnyEvent: ['became-looked-after'],
        },
      ],
    },
    {
      id: 'core-group-first',
      title: 'First core group within 10 working days of the initial conference',
      kind: 'deadline',
      source: {
        document: 'working-together-2010',
        section: 'Chapter 5: the core group',
        quote: 'within 10 working days of the initial child protection conference',
      },
      anchor: { event: 'icpc' },
      timing: { within: '10wd' },
      completion: { event: 'core-group' },
    },
  ],
  profiles: {
    'calendar-days': {
      description: 'The seed\'s "within 15 days" read as 15 calendar days for the initial conference',
      source: {
        document: 'sussex-ics',
        section: '9. Recording Guidance > Initial Child Protection Conference Report',
        quote: 'The Child Protection Conference should be held within 15 days of the Strategy Discussion and should not be delayed for the completion of the Core Assessment',
      },
      rules: { icpc: { timing: { within: '15d' } } },
    },
    days: {
      description: 'Review conferences at 91 and 183 days (the reading of several local authority data models)',
      source: {
        document: 'blackpool-reviews',
        section: 'Frequency of review meetings',
        quote: 'no more than 3 months (91 days) after the date of the first review. The third and any subsequent reviews should take place no more than 6 months (183 days) after the previous review.',
      },
      rules: { rcpc: { timing: { intervals: ['91d', '183d'] } } },
    },
  },
  interpretations: [
    {
      topic: 'ICPC: "15 days"',
      reading: 'The seed writes "within 15 days"; the Sussex procedures elsewhere and Working Together 2010 say 15 working days. Default: 15 working days after the strategy discussion.',
      alternative: 'Profile `calendar-days`: 15 calendar days.',
    },
    {
      topic: 'Which strategy discussion',
      reading: 'Only a strategy discussion with `s47: true` starts the ICPC clock; an `icpc-not-required` after it cancels that occurrence.',
    },
    {
      topic: 'When review conferences start',
      reading: 'The review cycle starts at `cp-plan-started` (normally the ICPC date): a child not made subject to a plan has no review conference. The CIN census maps CPPstartDate to it.',
      alternative: 'Profile `days`: 91 / 183 days instead of 3 / 6 months.',
    },
    {
      topic: 'Periods',
      reading: 'Review conferences belong to the `cp-plan` period (`cp-plan-started` … `cp-plan-ended`): the cycle ends with the plan, and a later plan starts a new sequence. The initial conference and the first core group are anchored on the strategy discussion and the conference themselves and have no period.',
    },
    {
      topic: 'First core group',
      reading: 'Not in the seeds: Working Together sets 10 working days from the initial conference.',
    },
  ],
};
