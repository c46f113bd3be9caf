/**
 * Where every rule comes from.
 *
 * `SOURCES[procedureId][ruleId]` names the document, the section and a short
 * exact quote for each rule of the built-in procedures. Where a named profile takes a
 * rule's timescale from a different source, the entry is keyed
 * `ruleId@profile` (e.g. `care-plan@statutory`).
 *
 * - `document` is either a seed file name (the local source documents; not in the repository, see fixtures/reference/README.md) or the
 *   proper name of a piece of national guidance or legislation.
 * - `section` is the heading as it appears in the seed; nested headings are
 *   joined with " > ". Seed 004 has lost most of its numbered section
 *   headings: its entries name the section the seed itself names in a
 *   cross-reference (e.g. "Section 12, Review Decisions") or, failing that,
 *   the chapter title "Our Children's Reviews".
 * - `quote` is an exact substring of the seed (whitespace runs collapsed to
 *   one space), at most 200 characters. For national guidance without seed
 *   text it is the well-known wording, or is omitted where we could not check
 *   the exact words.
 *
 * Where a seed and the specification of the rule ids disagree, or a seed is ambiguous or
 * silent, see `docs/interpretations-notes.md`.
 */

export interface SourceRef {
  document: string;
  section?: string;
  quote?: string;
}

/** Seed files: the local source documents, cited by file name (checked by `npm run check:sources -- DIR`). */
export const SEED_IPR = '000_cec6294edd911497.txt';
export const SEED_ICS = '001_aa2acc05bf62cfcc.txt';
export const SEED_SCR_ACTION_PLAN = '002_ec582cd5a6ee9def.txt';
export const SEED_IRO_ANNUAL_REPORT = '003_d0ac791c96c9ff7c.txt';
export const SEED_BLACKPOOL = '004_22f6b4b0b53c9c78.txt';

/** National guidance and legislation (not in the seeds). */
export const WORKING_TOGETHER_2010 = 'Working Together to Safeguard Children 2010';
export const CARE_PLANNING_REGULATIONS_2010 =
  'Care Planning, Placement and Case Review (England) Regulations 2010';
export const REVIEW_OF_CHILDRENS_CASES_REGULATIONS_1991 =
  "Review of Children's Cases Regulations 1991";
export const IRO_HANDBOOK_2010 = 'IRO Handbook 2010';

export const SEED_TITLES: Record<string, string> = {
  [SEED_IPR]:
    'East Sussex nursery (Lewes/Uckfield): Integrated Progress Reviews for 2 year olds – procedure',
  [SEED_ICS]:
    "Sussex Child Protection and Safeguarding Procedures 1.2.5: Integrated Children's System (ICS)",
  [SEED_SCR_ACTION_PLAN]:
    'Windsor and Maidenhead LSCB: serious case review combined action plan (monitoring version)',
  [SEED_IRO_ANNUAL_REPORT]:
    'Board minutes: Independent Reviewing Officers Annual Report 2018-2019',
  [SEED_BLACKPOOL]:
    "Blackpool: Our Children's Reviews, IRO visits and Issues Resolution procedure",
};

// Section headings, as written in the seeds.
const IPR_WHAT_WE_DO = 'Integrated Progress Reviews – what we have to do';
const IPR_PROCESS = 'The end-to-end IPR process is as follows';
const ICS_CIN = '5. Children in Need Exemplars/Forms';
const ICS_LAC = '6. Looked After and Leaving Care Exemplars/Forms';
const ICS_REVIEWING = '7. Reviewing Process';
const ICS_RECORDING = '9. Recording Guidance';
const SCR_PLAN = 'Combined action plan';
const SCR_CSC = '7. RBWM Children’s Social Care Actions';
const OCR = "Our Children's Reviews";
const OCR_FREQUENCY = 'Frequency of review meetings';
const OCR_LONG_TERM_FOSTER =
  "Section 9, Our Children's Reviews Concerning Children in Long Term Foster Home";
const OCR_DECISIONS = 'Section 12, Review Decisions';
const OCR_VISITS = 'Visits to Our Children';
const IR = 'Section 14, Conflict Resolution';
const IR_STAGE_1 = 'Stage 1 – Formal Issues resolution – IRO to Team Manager';
const IR_STAGE_2 =
  'Stage 2 – Formal Issues Resolution – IRO/CP Safeguarding Team manager to Team Manager/Service Manager';
const IR_STAGE_3 =
  'Stage 3 – Formal Issues Resolution – Service Manager SQR to Service Manager/Head of Service';
const IR_STAGE_4 =
  "Stage 4 – Formal Issues Resolution – Head of Service SQR to Assistant Director/Director of Children's services";

const within = (...headings: string[]): string => headings.join(' > ');

export const SOURCES: Record<string, Record<string, SourceRef>> = {
  ipr: {
    'ipr-list': {
      document: SEED_IPR,
      section: IPR_WHAT_WE_DO,
      quote:
        'A list of the children who need IPRs (those between 27 months and 36 months) can be downloaded from Famly',
    },
    'hv-review-window': {
      document: SEED_IPR,
      section: IPR_PROCESS,
      quote:
        'Health Visiting team contact the family and conduct the health review between 27 and 30 months.',
    },
    'part1-received': {
      document: SEED_IPR,
      section: IPR_PROCESS,
      quote: 'We should receive Part 1 from the health visitors before the child turns 3.',
    },
    'setting-led-part2': {
      document: SEED_IPR,
      section: IPR_PROCESS,
      quote:
        "If we don't receive an IPR from the health visitors by the time the child is 32 months, we complete Part 2 ourselves, meet with parents to discuss",
    },
    'part2-completed': {
      document: SEED_IPR,
      section: IPR_PROCESS,
      quote: 'Part 2 of the IPR should be done as soon as possible after receipt of Part 1 IPR.',
    },
    'returned-to-hv': {
      document: SEED_IPR,
      section: IPR_PROCESS,
      quote:
        'Admin then emails the completed Part 2 IPR back to the health visitors by secure NHS mail.',
    },
  },

  'ics-records': {
    'initial-assessment': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Initial Assessment Record'),
      quote:
        'The document should be completed within a maximum of 10 working days from the date of the referral',
    },
    'core-assessment': {
      document: SEED_ICS,
      section: within(ICS_CIN, 'Core Assessment Record'),
      quote: 'A Core Assessment should be completed within 35 working days of its commencement.',
    },
    'core-assessment-looked-after': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Core Assessment Record'),
      quote:
        'In circumstances where a child/young person becomes looked after and does not have an up to date Core Assessment, one should be completed within 35 working days',
    },
    'core-assessment-return-home': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Core Assessment Record'),
      quote:
        "looked after for more than 6 months to return home, a Core Assessment should be updated prior to the return home date, (or at least within 35 working days of the child's return home)",
    },
    'care-plan': {
      document: SEED_ICS,
      section: within(ICS_LAC, 'Care Plan'),
      quote:
        'If this is not possible, the Care Plan must be completed within 14 days of the placement.',
    },
    'care-plan@statutory': {
      document: CARE_PLANNING_REGULATIONS_2010,
      section: 'reg 4(2)',
      quote:
        'the care plan must be prepared before C is first placed by the responsible authority or, if it is not practicable to do so, within ten working days of the start of C’s first placement',
    },
    chronology: {
      document: SEED_ICS,
      section: within(ICS_LAC, 'Chronology'),
      quote:
        'The Chronology should be given to Staff/Carers at the time of admission/placement – or within a reasonable timescale (e.g. 14 days).',
    },
    'placement-information-record': {
      document: SEED_ICS,
      section: within(ICS_LAC, 'Placement Information Record'),
      quote:
        'In all cases, except emergencies, all sections of the Placement Information Record should be completed by the time a child is placed.',
    },
    'cin-plan-review': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Child/Young Person in Need Review'),
      quote: 'A Child/Young Person in Need Review should take place at least every 6 months',
    },
    'childs-plan-review': {
      document: SEED_ICS,
      section: within(ICS_REVIEWING, "Reviewing the Child's Plan"),
      quote: 'It is good practice for the Child’s Plan to be reviewed at least every 6 months.',
    },
    apr: {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Assessment and Progress Record for Looked After Children'),
      quote:
        'The Assessment and Action Record should be completed within a maximum of 35 working days from the start of the process',
    },
    'needs-assessment': {
      document: SEED_ICS,
      section: within(ICS_LAC, 'Pathway Plan'),
      quote:
        'The responsible authority must complete a needs assessment within 3 months of a young person becoming an eligible or relevant child',
    },
    'pathway-plan': {
      document: SEED_ICS,
      section: within(ICS_LAC, 'Pathway Plan'),
      quote:
        'It must also prepare a Pathway Plan for eligible and relevant children, as soon as possible after completing the needs assessment.',
    },
    'cin-after-care': {
      document: SEED_SCR_ACTION_PLAN,
      section: within(SCR_CSC, '62.'),
      quote:
        'all children with Looked After status should be considered as a child in need when discharged from care for at least a three month period',
    },
  },

  'strategy-discussion': {
    'strategy-discussion': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Record of Strategy Discussion'),
      quote: 'Strategy Discussions should take place within three working days of an incident being reported',
    },
    'core-assessment-from-s47': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Core Assessment Record'),
      quote: 'A Core Assessment should be commenced at the same time as S.47 Enquiries are initiated',
    },
    'strategy-record-circulated': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Record of Strategy Discussion'),
      quote:
        'It is the responsibility of the Service Manager responsible for the Strategy Discussion to ensure that a record of the discussion is completed and copied to all those involved in the discussion',
    },
    's47-outcome-recorded': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Record of Outcome of S.47 Enquiries'),
      quote:
        'It is the responsibility of the Service Manager to ensure that the record is completed and copies provided to all those involved in the enquiries',
    },
  },

  'cp-conference': {
    icpc: {
      document: WORKING_TOGETHER_2010,
      section: 'Chapter 5: initial child protection conference (timing)',
      quote:
        'within 15 working days of the strategy discussion, or the strategy discussion at which section 47 enquiries were initiated if more than one has been held',
    },
    'icpc@calendar-days': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, 'Initial Child Protection Conference Report'),
      quote:
        'The Child Protection Conference should be held within 15 days of the Strategy Discussion and should not be delayed for the completion of the Core Assessment',
    },
    rcpc: {
      document: SEED_ICS,
      section: within(ICS_RECORDING, "Child/Young Person's Child Protection Review Record"),
      quote:
        'Reviews are held within three months of the initial conference and thereafter no less frequently that every six months',
    },
    'rcpc@days': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote:
        'no more than 3 months (91 days) after the date of the first review. The third and any subsequent reviews should take place no more than 6 months (183 days) after the previous review.',
    },
    'core-group-first': {
      document: WORKING_TOGETHER_2010,
      section: 'Chapter 5: the core group',
      quote: 'within 10 working days of the initial child protection conference',
    },
    // Not a deadline: the note reported on `rcpc` results for a looked-after child.
    'looked-after-single-process': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'Where a child who is Looked After remains the subject of a Child Protection Plan, there should be a single planning and reviewing process, led by the IRO',
    },
  },

  'lac-review': {
    'review-cycle': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote:
        'no more than 3 months (91 days) after the date of the first review. The third and any subsequent reviews should take place no more than 6 months (183 days) after the previous review.',
    },
    'review-cycle@months': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, "Child/Young Person's Looked After Review Record"),
      quote:
        'reviewed within 20 working days of the date on which the child starts to be looked after, within three months of that first review and subsequently at intervals not exceeding six months',
    },
    'review-cycle@pre-2011': {
      document: REVIEW_OF_CHILDRENS_CASES_REGULATIONS_1991,
      section: 'reg 3',
    },
    'review-after-carer-change': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote: "The Our Children's Review will be held within 20 working days of the date that the child moved.",
    },
    'review-after-placement-order': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote:
        "The Our Children's Review will be held within 3 months of the making of the Placement Order and thereafter at least once every 6 months",
    },
    'placement-order-not-placed': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote:
        'If the child is not placed 9 months after the granting of the Placement Order, the review must consider whether the plan remains appropriate',
    },
    // The restart of the sequence at `placed-for-adoption` (docs/procedures/lac-review.md).
    'placed-for-adoption-restart': {
      document: SEED_BLACKPOOL,
      section: OCR_FREQUENCY,
      quote:
        'The sequence of reviews then takes place as if this is a new care episode: i.e. within 20 working days, 3 months and then at least 6 monthly. These reviews continue until an Adoption Order is granted.',
    },
    'long-term-foster-meeting': {
      document: SEED_BLACKPOOL,
      section: OCR_LONG_TERM_FOSTER,
      quote:
        'Where it is agreed that a meeting will not be held as part of every review a meeting should be held at least once a year.',
    },
    'invitations-sent': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote: "The invitations for the Our children's review will be sent out 2 weeks prior to the review.",
    },
    'child-consulted': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        "The child's social worker must discuss the purpose of the review with the child, parents and carers and consult the child about invitations at least 20 working days before the review meeting.",
    },
    'documents-to-iro': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'The social worker must send the IRO the following documents 3 working days before an Initial Review and 5 working days before a subsequent review',
    },
    'iro-preparation': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote: '3 days before the Review meeting the IRO will review all of the relevant information to the review',
    },
    'iro-visit-before-review': {
      document: SEED_BLACKPOOL,
      section: within(OCR_VISITS, 'Frequency of visits'),
      quote:
        "The IRO will visit and spend time with Our Child prior to every Our Children's review (3 and then 6 months).",
    },
    'decisions-circulated': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'A written record of the decisions and recommendations will be completed and circulated by the Independent Review Officer to all participants within 5 working days of the meeting.',
    },
    'full-record': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote: 'The full written record of the review will be completed within 15 working days of the review.',
    },
    'record-distributed': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'will send copies out to all relevant parties who have provided their full name and address on the attendance sheet within 20 working days of the completion of the review.',
    },
    'decisions-considered': {
      document: SEED_BLACKPOOL,
      section: OCR_DECISIONS,
      quote:
        "should consider the decisions made at each Our Children's Review Meeting within 5 working days of receiving them",
    },
    'care-plan-updated': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'After the review, the social worker is responsible for updating the Care Plan within 10 working days, in relation to any changes to the Care Plan agreed at the review.',
    },
    'iro-visit-recorded': {
      document: SEED_BLACKPOOL,
      section: within(OCR_VISITS, 'Recording of visits'),
      quote:
        'The recording of the case note should be within 2 working days of the visit and no more than 5 working days.',
    },
    'permanence-plan': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        'Statutory guidance requires that a clear plan for permanence is agreed by the second review of the Care Plan (i.e. within 4 months of the child becoming Looked After)',
    },
    'staying-put': {
      document: SEED_BLACKPOOL,
      section: OCR,
      quote:
        "the first Our Children's Review Meeting following their 16th birthday should consider whether a Staying Put arrangement",
    },
    'pathway-transition': {
      document: SEED_ICS,
      section: within(ICS_RECORDING, "Child/Young Person's Looked After Review Record"),
      quote:
        'If the Review is the last review before the child is 16, then preparations for transition to a Pathway Plan will be made',
    },
  },

  'issues-resolution': {
    'immediate-contact': {
      document: SEED_BLACKPOOL,
      section: IR,
      quote:
        'the SQR Service Manager should contact Social Care Service Manager within 24 hrs of concern being identified.',
    },
    'informal-resolution': {
      document: SEED_BLACKPOOL,
      section: IR,
      quote: 'The IRO will agree timescales for resolution with the social worker.',
    },
    'stage-1-response': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_1),
      quote:
        'unable to resolve the issue they have informally raised, requesting a response within 5 working days.',
    },
    'stage-2-response': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_2),
      quote:
        'escalated to the Team Manager/Service Manager from the relevant teams, for a response within 5 working days',
    },
    'stage-3-response': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_3),
      quote:
        'escalated to the Service Manager/Head of service from the relevant teams, for a response within 5 working days.',
    },
    'stage-4-response': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_4),
      quote:
        "will be escalated by SQR Head of Service to the Assistant Director/Director of Children's services, for a response within 5 working days.",
    },
    'escalation-due': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_2),
      quote: "Actions made by IRO/CP chair that haven't been resolved are escalated",
    },
    'after-stage-4': {
      document: SEED_BLACKPOOL,
      section: within(IR, IR_STAGE_4),
      quote:
        'If matter is not resolved and relates to a Child in our Care, Head of Service SQR Service to inform IRO. IRO to seek Independent Legal Advice and consider notification to CAFCASS',
    },
    'weekly-clinic': {
      document: SEED_BLACKPOOL,
      section: IR,
      quote: 'Issues Resolutions will be considered at the weekly Issues Resolution clinic',
    },
    'formal-process@statutory': {
      document: IRO_HANDBOOK_2010,
      section: 'para 6.2 (as quoted by local issues resolution procedures)',
    },
  },

  'action-plan': {
    'action-due': {
      document: SEED_SCR_ACTION_PLAN,
      section: SCR_PLAN,
      quote:
        'ACTION REQUIRED BY WHEN LEAD OFFICERS OUTCOME TO BE ACHIEVED STATUS ● Complete ● In progress ● Delayed',
    },
  },
};

/** Per procedure: the documents its rules come from, main source first. */
export const PROCEDURE_SOURCES: Record<string, SourceRef[]> = {
  ipr: [{ document: SEED_IPR, section: '1.1 Integrated Progress Reviews for 2 year olds - Procedure' }],
  'ics-records': [
    { document: SEED_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { document: SEED_SCR_ACTION_PLAN, section: SCR_CSC },
    { document: CARE_PLANNING_REGULATIONS_2010, section: 'reg 4(2)' },
  ],
  'strategy-discussion': [
    { document: SEED_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
  ],
  'cp-conference': [
    { document: SEED_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { document: WORKING_TOGETHER_2010, section: 'Chapter 5' },
    { document: SEED_BLACKPOOL, section: OCR },
  ],
  'lac-review': [
    { document: SEED_BLACKPOOL, section: OCR },
    { document: SEED_ICS, section: "1.2.5 Integrated Children's System (ICS)" },
    { document: REVIEW_OF_CHILDRENS_CASES_REGULATIONS_1991, section: 'reg 3' },
  ],
  'issues-resolution': [
    { document: SEED_BLACKPOOL, section: IR },
    { document: IRO_HANDBOOK_2010, section: 'para 6.2' },
  ],
  'action-plan': [{ document: SEED_SCR_ACTION_PLAN, section: SCR_PLAN }],
};
