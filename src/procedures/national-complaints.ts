/**
 * Complaints about children's social care under the Children Act 1989
 * Representations Procedure (England) Regulations 2006 (SI 2006/1738), in
 * force from 1 September 2006: stage 1 (local resolution), stage 2
 * (investigation), stage 3 (review panel). Reg 19 (the panel meets within 30
 * working days) and reg 2 (what a working day is) were read in the text as
 * made [P]; the other timescales only in secondary sources [S]. Written in
 * our own words.
 */
import type { ProcedureInput } from '../engine/index';
import { COMPLAINTS_CORAM_VOICE, COMPLAINTS_COUNCILS, SI_2006_1738 } from './national-documents';

const P = 'national-complaints';
const S = 'secondary' as const;
const VERSIONS = [
  {
    until: '2006-08-31',
    name: 'before 1 September 2006',
    note: 'the Representations Procedure (Children) Regulations 1991 applied; they are not encoded',
    applies: false,
    timing: {},
  },
  { from: '2006-09-01', name: 'Representations Procedure (England) Regulations 2006, in force from 1 September 2006', timing: {} },
];

export const nationalComplaints: ProcedureInput = {
  id: P,
  title: 'Complaints: national timescales (Representations Procedure (England) Regulations 2006)',
  summary:
    'Stage 1 response within 10 working days (up to 20 with an extension), stage 2 response within 25 working days (up to 65), the review panel within 30 working days of the request, its report within 5 working days and the authority’s response within 15 working days.',
  sources: [
    { ...SI_2006_1738, section: 'regs 2, 14 and 17 to 20' },
    { ...COMPLAINTS_COUNCILS, section: 'requesting the next stage' },
    { ...COMPLAINTS_CORAM_VOICE, section: 'requesting the next stage' },
  ],
  events: {
    'complaint-received': { description: 'The authority received the complaint (stage 1 begins)' },
    'stage-1-response': { description: 'The stage 1 response was sent' },
    'stage-2-requested': { description: 'The complainant asked for stage 2 (the start of stage 2)' },
    'stage-2-response': { description: 'The authority’s response to the stage 2 investigation was sent' },
    'stage-3-requested': { description: 'The authority received the request for a review panel (reg 18)' },
    'panel-met': { description: 'The review panel met' },
    'panel-report': { description: 'The panel’s report and recommendations were sent' },
    'authority-response': { description: 'The authority’s response to the panel’s recommendations was sent' },
  },
  rules: [
    {
      id: 'stage-1-response',
      title: 'Stage 1 response within 10 working days; at most 20 with an extension',
      kind: 'deadline',
      source: { document: 'si-2006-1738', section: 'reg 14', verified: S },
      anchor: { event: 'complaint-received' },
      timing: { target: '10wd', within: '20wd' },
      versions: VERSIONS,
      completion: { event: 'stage-1-response' },
    },
    {
      id: 'stage-2-response',
      title: 'Stage 2 response within 25 working days of its start; at most 65',
      kind: 'deadline',
      source: { document: 'si-2006-1738', section: 'reg 17', verified: S },
      anchor: { event: 'stage-2-requested' },
      timing: { target: '25wd', within: '65wd' },
      versions: VERSIONS,
      completion: { event: 'stage-2-response' },
    },
    {
      id: 'panel-meets',
      title: 'Review panel meets within 30 working days of the authority receiving the request',
      kind: 'deadline',
      source: { document: 'si-2006-1738', section: 'reg 19(4)', verified: 'primary' },
      anchor: { event: 'stage-3-requested' },
      timing: { within: '30wd' },
      versions: VERSIONS,
      completion: { event: 'panel-met' },
    },
    {
      id: 'panel-report',
      title: 'Panel report within 5 working days of the meeting',
      kind: 'deadline',
      source: { document: 'si-2006-1738', section: 'reg 20', verified: S },
      anchor: { event: 'panel-met' },
      timing: { within: '5wd' },
      versions: VERSIONS,
      completion: { event: 'panel-report' },
    },
    {
      id: 'authority-response',
      title: 'The authority responds within 15 working days of receiving the panel’s recommendations',
      kind: 'deadline',
      source: { document: 'si-2006-1738', section: 'reg 20(3)', verified: S },
      anchor: { event: 'panel-report' },
      timing: { within: '15wd' },
      versions: VERSIONS,
      completion: { event: 'authority-response' },
    },
    {
      id: 'stage-2-request-in-time',
      title: 'The complainant asks for stage 2 within 20 working days of the stage 1 response',
      kind: 'deadline',
      enabled: false,
      onlyIfAnyEvent: ['stage-2-requested'],
      source: { document: 'complaints-council-procedures', section: 'requesting stage 2', verified: S },
      anchor: { event: 'stage-1-response' },
      timing: { within: '20wd' },
      versions: VERSIONS,
      completion: { event: 'stage-2-requested' },
    },
    {
      id: 'stage-3-request-in-time',
      title: 'The complainant asks for a review panel within 20 working days of the stage 2 response',
      kind: 'deadline',
      enabled: false,
      onlyIfAnyEvent: ['stage-3-requested'],
      source: { document: 'complaints-council-procedures', section: 'requesting stage 3', verified: S },
      anchor: { event: 'stage-2-response' },
      timing: { within: '20wd' },
      versions: VERSIONS,
      completion: { event: 'stage-3-requested' },
    },
  ],
  profiles: {
    'complainant-20wd': {
      description: 'Also check the complainant’s own requests for the next stage: within 20 working days of the response (Bexley and Devon procedures)',
      source: { document: 'complaints-council-procedures', section: 'requesting the next stage', verified: S },
      rules: { 'stage-2-request-in-time': { enabled: true }, 'stage-3-request-in-time': { enabled: true } },
    },
    'complainant-28d': {
      description: 'Also check the complainant’s own requests for the next stage: within 28 days of the response (Coram Voice)',
      source: { document: 'complaints-coram-voice', section: 'requesting the next stage', verified: S },
      rules: {
        'stage-2-request-in-time': { enabled: true, timing: { within: '28d' } },
        'stage-3-request-in-time': { enabled: true, timing: { within: '28d' } },
      },
    },
  },
  interpretations: [
    {
      topic: 'Working days',
      reading:
        'Reg 2 defines a working day itself: any day but a Saturday, a Sunday, Christmas Day, Boxing Day, Good Friday or a bank holiday. The England and Wales calendar gives exactly those days (a test checks every year of the bundled list), so it is used unchanged.',
    },
    {
      topic: 'Extensions at stages 1 and 2',
      reading:
        'The 10 and 25 working days are targets and the 20 and 65 working days the limits (a response after the target but within the limit is `met-after-target`, not a breach): the data rarely records whether an extension was agreed.',
    },
    {
      topic: 'The complainant’s deadline to ask for the next stage',
      reading:
        'Not a duty of the authority, and the sources disagree (20 working days in Bexley’s and Devon’s procedures, 28 days for Coram Voice); no primary text was read. These rules are off by default, so an audit of the authority’s timeliness never counts a complainant’s late request as a breach.',
      alternative: 'Profile `complainant-20wd` or `complainant-28d` switches them on, to see whether requests came in time.',
    },
    {
      topic: 'Panel report and the authority’s response',
      reading: 'Both may also be "as soon as reasonably practicable" when the fixed time cannot be kept; the fixed time is the timescale here.',
    },
  ],
};
