/**
 * Assessment and child protection under Working Together to Safeguard
 * Children: the decision on a referral (1 working day), the single assessment
 * (45 working days, from 15 April 2013; before it, the initial assessment of
 * 10 working days and the core assessment of 35 working days), the initial
 * child protection conference (15 working days), the first core group (10
 * working days) and review conferences (3 months, then every 6 months).
 *
 * No edition's own paragraphs could be read: every timescale here rests on
 * secondary sources (safeguarding partnerships' procedures, DfE-derived data
 * help pages) [S]; the editions' dates are primary. Written in our own words.
 */
import type { ProcedureInput } from '../engine/index';
import { DFE_CIN_MEASURES, WT_2010, WT_2013 } from './national-documents';

const P = 'national-assessment-cp';
const WT13 = 'Working Together 2013, in force from 15 April 2013';
const WT10 = 'Working Together 2010 (to 14 April 2013)';
const S = 'secondary' as const;

/** The same timescale under both regimes: the version names the edition used. */
const BOTH = (section: string) => [
  { until: '2013-04-14', name: WT10, source: { document: 'working-together-2010', section, verified: S }, timing: {} },
  { from: '2013-04-15', name: WT13, source: { document: 'working-together-2013', section, verified: S }, timing: {} },
];
/** Only from 15 April 2013 (the single assessment). */
const FROM_2013 = [
  {
    until: '2013-04-14',
    name: WT10,
    note: 'referred before 15 April 2013: the initial and core assessments applied',
    applies: false,
    timing: {},
  },
  { from: '2013-04-15', name: WT13, timing: {} },
];
/** Only before 15 April 2013 (the initial and core assessments). */
const BEFORE_2013 = [
  { until: '2013-04-14', name: WT10, timing: {} },
  {
    from: '2013-04-15',
    name: WT13,
    note: 'referred from 15 April 2013: the single assessment replaced the initial and core assessments',
    applies: false,
    timing: {},
  },
];

export const nationalAssessmentCp: ProcedureInput = {
  id: P,
  title: 'Assessment and child protection: national timescales (Working Together)',
  summary:
    'The decision on a referral within 1 working day; the single assessment within 45 working days of the referral (from 15 April 2013; before it the initial assessment in 10 and the core assessment in 35 working days); the initial child protection conference within 15 working days of the start of S47 enquiries; the first core group within 10 working days of it; review conferences within 3 months, then every 6 months.',
  sources: [
    { ...WT_2013, section: 'Chapter 1 (assessment) and chapter on child protection' },
    { ...WT_2010, section: 'Chapter 5' },
    { ...DFE_CIN_MEASURES, section: 'ICPC timeliness (table C4)' },
  ],
  events: {
    referral: { description: 'A referral was received by children’s social care' },
    'referral-nfa': { description: 'The referral led to no further action (the CIN census `ReferralNFA`): no assessment follows it' },
    'referral-decision': { description: 'The decision on the type of response to the referral was made' },
    'assessment-started': { description: 'The (single) assessment started (the CIN census `AssessmentActualStartDate`)' },
    'assessment-completed': { description: 'The (single) assessment was completed (the CIN census `AssessmentAuthorisationDate`)' },
    'initial-assessment-completed': { description: 'The initial assessment was completed (before 15 April 2013)' },
    'core-assessment-started': { description: 'The core assessment began (before 15 April 2013)' },
    'core-assessment-completed': { description: 'The core assessment was completed (before 15 April 2013)' },
    'strategy-discussion': {
      description: 'Strategy discussion held',
      attributes: { s47: { type: 'boolean', description: 'S47 enquiries were started at this discussion', default: false } },
    },
    's47-started': { description: 'S47 enquiries actually started (the CIN census `S47ActualStartDate`)' },
    icpc: { description: 'Initial child protection conference held' },
    'icpc-not-required': { description: 'The S47 enquiries concluded that no initial conference is needed' },
    'core-group': { description: 'Core group meeting held' },
    'cp-plan-started': { description: 'The child was made subject to a child protection plan (normally at the ICPC)' },
    rcpc: { description: 'Review child protection conference held' },
    'cp-plan-ended': { description: 'The child protection plan ended' },
  },
  rules: [
    {
      id: 'referral-decision',
      title: 'Decision on the response to a referral within 1 working day',
      kind: 'deadline',
      source: { document: 'working-together-2013', section: 'Chapter 1: decision on a referral', verified: S },
      anchor: { event: 'referral' },
      timing: { within: '1wd' },
      versions: BOTH('decision on a referral'),
      completion: { event: 'referral-decision' },
    },
    {
      id: 'single-assessment',
      title: 'Single assessment within 45 working days of the referral',
      kind: 'deadline',
      source: { document: 'working-together-2013', section: 'Chapter 1: timeliness of assessment', verified: S },
      anchor: { event: 'referral' },
      timing: { within: '45wd' },
      versions: FROM_2013,
      completion: { event: 'assessment-completed' },
      cancelledBy: ['referral-nfa'],
    },
    {
      id: 'single-assessment-from-start',
      title: 'Single assessment within 45 working days of its start (the return’s assessment start date)',
      kind: 'deadline',
      enabled: false,
      source: { document: 'working-together-2013', section: 'Chapter 1: timeliness of assessment', verified: S },
      anchor: { event: 'assessment-started' },
      timing: { within: '45wd' },
      versions: FROM_2013,
      versionsBy: { event: 'referral' },
      completion: { event: 'assessment-completed' },
    },
    {
      id: 'initial-assessment',
      title: 'Initial assessment within 10 working days of the referral (referrals before 15 April 2013)',
      kind: 'deadline',
      source: { document: 'working-together-2010', section: 'Chapter 5: initial assessment', verified: S },
      anchor: { event: 'referral' },
      timing: { within: '10wd' },
      versions: BEFORE_2013,
      completion: { event: 'initial-assessment-completed' },
      cancelledBy: ['referral-nfa'],
    },
    {
      id: 'core-assessment',
      title: 'Core assessment within 35 working days of its start (referrals before 15 April 2013)',
      kind: 'deadline',
      source: { document: 'working-together-2010', section: 'Chapter 5: core assessment', verified: S },
      anchor: { event: 'core-assessment-started' },
      timing: { within: '35wd' },
      versions: BEFORE_2013,
      versionsBy: { event: 'referral' },
      completion: { event: 'core-assessment-completed' },
    },
    {
      id: 'icpc',
      title: 'Initial child protection conference within 15 working days of the start of S47 enquiries',
      kind: 'deadline',
      source: { document: 'dfe-cin-measures', section: 'ICPC timeliness (table C4): from the actual S47 start date since 2012-13', verified: S },
      anchor: { event: 's47-started' },
      timing: { within: '15wd' },
      versions: BOTH('initial child protection conference'),
      completion: { event: 'icpc' },
      cancelledBy: ['icpc-not-required'],
    },
    {
      id: 'icpc-from-strategy-discussion',
      title: 'Initial child protection conference within 15 working days of the strategy discussion that started S47 enquiries',
      kind: 'deadline',
      enabled: false,
      source: { document: 'working-together-2013', section: 'initial child protection conference', verified: S },
      anchor: { event: 'strategy-discussion', where: { s47: true } },
      timing: { within: '15wd' },
      versions: BOTH('initial child protection conference'),
      completion: { event: 'icpc' },
      cancelledBy: ['icpc-not-required'],
    },
    {
      id: 'core-group-first',
      title: 'First core group within 10 working days of the initial conference',
      kind: 'deadline',
      source: { document: 'working-together-2013', section: 'the core group', verified: S },
      anchor: { event: 'icpc' },
      timing: { within: '10wd' },
      versions: BOTH('the core group'),
      completion: { event: 'core-group' },
    },
    {
      id: 'rcpc',
      title: 'First review conference within 3 months of the plan starting, then at intervals of no more than 6 months',
      kind: 'cycle',
      source: { document: 'working-together-2013', section: 'the child protection review conference', verified: S },
      start: { event: 'cp-plan-started' },
      end: ['cp-plan-ended'],
      timing: { intervals: ['3m', '6m'] },
      versions: BOTH('the child protection review conference'),
      completion: { event: 'rcpc' },
    },
  ],
  profiles: {
    'from-assessment-start': {
      description: 'The single assessment counted from its own start date (the return’s AssessmentActualStartDate) instead of from the referral',
      source: { document: 'dfe-cin-measures', section: 'assessment duration bands (table C2)', verified: S },
      rules: { 'single-assessment': { enabled: false }, 'single-assessment-from-start': { enabled: true } },
    },
    'strategy-discussion': {
      description: 'The initial conference counted from the strategy discussion at which S47 enquiries were started (the wording of several safeguarding partnerships) instead of from the actual S47 start',
      source: { document: 'working-together-2013', section: 'initial child protection conference', verified: S },
      rules: { icpc: { enabled: false }, 'icpc-from-strategy-discussion': { enabled: true } },
    },
  },
  interpretations: [
    {
      topic: 'Which regime: by the referral date',
      reading:
        'Referrals from 15 April 2013 (Working Together 2013) have the single assessment in 45 working days; earlier referrals the initial assessment in 10 and the core assessment in 35 working days. The core assessment follows the regime of the referral before it (a referral on 12 April 2013 keeps the 35 days even for a core assessment begun after 15 April); with no referral recorded, its own start date decides. The trace names the edition used.',
    },
    {
      topic: 'The single assessment: from the referral or from its start',
      reading:
        'Default: 45 working days from the referral, which is how every reproduction of Working Together puts it ("from the point of referral"). The DfE’s published duration bands do not say which start date they count from.',
      alternative: 'Profile `from-assessment-start`: 45 working days from the assessment’s own start date (the CIN census `AssessmentActualStartDate`), the other natural reading of the return.',
    },
    {
      topic: 'Referrals with no further action',
      reading:
        'A referral recorded as leading to no further action (`referral-nfa`, the CIN census `ReferralNFA`) needs no assessment: its single (or initial) assessment is not judged.',
    },
    {
      topic: 'The initial conference: which start',
      reading:
        'No primary text of Working Together could be read, so the default follows the DfE’s measure for the returns: 15 working days from the actual start of S47 enquiries (the CIN census `S47ActualStartDate`, counted so since 2012-13).',
      alternative:
        'Profile `strategy-discussion`: from the strategy discussion at which S47 enquiries were started (Sussex and Devon procedures; the Family Rights Group’s "where the need for enquiries was agreed" is the same event). The reading "from the last strategy discussion if more than one" comes from the Isle of Man’s procedures, not England’s, and is not offered.',
    },
    {
      topic: 'Review conferences',
      reading: 'The cycle starts when the child is made subject to a plan (`cp-plan-started`, normally the ICPC date) and ends with the plan.',
    },
    {
      topic: 'Editions after 2013',
      reading:
        'Secondary sources report that the 2015, 2018 and 2023 editions kept these timescales; no later version is encoded, and "Working Together 2013" in the trace stands for 2013 and the editions after it.',
    },
  ],
};
