/**
 * The "national and local side by side" section of the national procedure
 * pages: where a local procedure's rule differs from (or restates) the
 * national rule. The timescales shown are read from both rule sets when the
 * page is generated, so they cannot drift; only the pairing and the remark
 * are written here.
 */
export interface SideBySide {
  /** The national procedure and rule. */
  national: [procedure: string, rule: string];
  /** The local procedure and rule (optionally a profile of it that states the national reading). */
  local: [procedure: string, rule: string];
  /** What differs, in words. */
  remark: string;
}

export const NATIONAL_AND_LOCAL: readonly SideBySide[] = [
  {
    national: ['national-looked-after', 'review-cycle'],
    local: ['lac-review', 'review-cycle'],
    remark:
      'Blackpool writes the Regulations’ 3 and 6 months as 91 and 183 days (its default); its profile `months` gives the Regulations’ reading. A 2nd review due 27 June 2024 by 3 months is due 26 June 2024 by 91 days.',
  },
  {
    national: ['national-looked-after', 'care-plan'],
    local: ['ics-records', 'care-plan'],
    remark: 'Sussex sets 14 calendar days from the placement; reg 4(2) sets 10 working days (the `ics-records` profile `statutory` uses them).',
  },
  {
    national: ['national-looked-after', 'placement-notification'],
    local: ['ics-records', 'placement-information-record'],
    remark: 'Different records: Sussex asks for the placement information record at placement; reg 13 for written notice to the people it lists, within 5 working days in an emergency.',
  },
  {
    national: ['national-looked-after', 'eligible-needs-assessment'],
    local: ['ics-records', 'needs-assessment'],
    remark: 'The same 3 months; Sussex runs them from becoming eligible or relevant, the Regulations from the 16th birthday (eligible child, reg 42) or becoming relevant (Care Leavers Regulations reg 5).',
  },
  {
    national: ['national-assessment-cp', 'single-assessment'],
    local: ['ics-records', 'core-assessment'],
    remark:
      'Sussex follows the 2010 regime (initial assessment in 10, core assessment in 35 working days), withdrawn for referrals from 15 April 2013; nationally a referral from then has one assessment within 45 working days.',
  },
  {
    national: ['national-assessment-cp', 'initial-assessment'],
    local: ['ics-records', 'initial-assessment'],
    remark: 'The same 10 working days; nationally only for referrals before 15 April 2013.',
  },
  {
    national: ['national-assessment-cp', 'icpc'],
    local: ['cp-conference', 'icpc'],
    remark:
      'Seed 001 writes "within 15 days" of the strategy discussion in one place (the `cp-conference` profile `calendar-days`), 15 working days elsewhere (its default); nationally 15 working days, counted by default from the actual start of S47 enquiries (the DfE measure), or from the strategy discussion (profile `strategy-discussion`).',
  },
  {
    national: ['national-assessment-cp', 'core-group-first'],
    local: ['cp-conference', 'core-group-first'],
    remark: 'The same 10 working days.',
  },
  {
    national: ['national-assessment-cp', 'rcpc'],
    local: ['cp-conference', 'rcpc'],
    remark: 'The same 3 and 6 months by default; the `cp-conference` profile `days` reads them as 91 and 183 days.',
  },
  {
    national: ['national-complaints', 'stage-1-response'],
    local: ['issues-resolution', 'stage-1-response'],
    remark: 'Different procedures: Blackpool’s issues resolution is the IRO’s dispute process (5 working days per stage), not a complaint under the 2006 Regulations.',
  },
];
