/**
 * IRO / CP chair issues resolution and escalation (seed 004: Blackpool).
 * An immediate safeguarding concern: the SQR service manager contacts the
 * social care service manager within 24 hours. Otherwise an issue is first
 * raised informally and resolved by the date agreed with the social worker;
 * then four formal stages, each asking for a response within 5 working days,
 * the next stage recommended when a stage fails, and after stage 4 the IRO
 * considers independent legal advice and referral to CAFCASS. Every open issue
 * is reviewed at the weekly issues resolution clinic.
 */
import type { ProcedureInput } from '../engine/index';
import { BLACKPOOL_REVIEWS, IRO_HANDBOOK_2010 } from './documents';

const P = 'issues-resolution';

/** The four formal stages: who asks whom, and the seed's heading and words for each. */
const STAGES = [
  {
    n: 1,
    who: 'IRO to team manager',
    heading: 'Stage 1 – Formal Issues resolution – IRO to Team Manager',
    quote: 'unable to resolve the issue they have informally raised, requesting a response within 5 working days.',
  },
  {
    n: 2,
    who: 'IRO / CP safeguarding team manager to team manager / service manager',
    heading: 'Stage 2 – Formal Issues Resolution – IRO/CP Safeguarding Team manager to Team Manager/Service Manager',
    quote: 'escalated to the Team Manager/Service Manager from the relevant teams, for a response within 5 working days',
  },
  {
    n: 3,
    who: 'SQR service manager to service manager / head of service',
    heading: 'Stage 3 – Formal Issues Resolution – Service Manager SQR to Service Manager/Head of Service',
    quote: 'escalated to the Service Manager/Head of service from the relevant teams, for a response within 5 working days.',
  },
  {
    n: 4,
    who: 'SQR head of service to assistant director / director',
    heading: "Stage 4 – Formal Issues Resolution – Head of Service SQR to Assistant Director/Director of Children's services",
    quote: "will be escalated by SQR Head of Service to the Assistant Director/Director of Children's services, for a response within 5 working days.",
  },
] as const;

/** A stage failed: its response is overdue, or it came without resolving the issue. */
const stageFailed = (n: number) => [
  { rule: `stage-${n}-response`, at: 'due' as const, status: ['overdue' as const] },
  { rule: `stage-${n}-response`, at: 'completed' as const, completedBy: ['ir-response'] },
];

export const issuesResolution: ProcedureInput = {
  id: P,
  title: 'IRO / CP chair issues resolution and escalation',
  summary:
    'How an IRO or CP chair escalates a concern about a child\'s plan: immediate concerns within 24 hours, informal resolution by an agreed date, four formal stages each answered within 5 working days, and the weekly issues resolution clinic.',
  sources: [
    { ...BLACKPOOL_REVIEWS, section: 'Section 14, Conflict Resolution' },
    { ...IRO_HANDBOOK_2010, section: 'para 6.2' },
  ],
  events: {
    'immediate-concern': { description: 'An immediate safeguarding concern was identified', dateTime: true },
    'service-manager-contacted': { description: 'The SQR service manager contacted the social care service manager', dateTime: true },
    'ir-informal-raised': {
      description: 'An issue was raised informally with the social worker',
      attributes: { agreedBy: { type: 'date', description: 'The date agreed with the social worker for resolving it' } },
    },
    'ir-stage-raised': {
      description: 'A formal stage of issues resolution was raised',
      attributes: { stage: { type: 'number', description: 'The stage, 1 to 4' } },
    },
    'ir-response': {
      description: 'A response to a formal stage was received',
      attributes: { stage: { type: 'number', description: 'The stage answered, 1 to 4' } },
    },
    'ir-resolved': { description: 'The issue was resolved' },
    'legal-advice-sought': { description: 'The IRO sought independent legal advice' },
    'cafcass-referral': { description: 'The IRO referred the case to CAFCASS' },
    'ir-clinic': { description: 'The issue was reviewed at the weekly issues resolution clinic' },
  },
  periods: {
    issue: {
      description: 'An open issue: from the first time it is raised (informally or at a formal stage) until it is resolved',
      start: ['ir-informal-raised', 'ir-stage-raised'],
      end: ['ir-resolved'],
    },
  },
  rules: [
    {
      id: 'immediate-contact',
      title: 'Immediate safeguarding concern: the SQR service manager contacts the social care service manager within 24 hours',
      kind: 'deadline',
      source: {
        document: 'blackpool-reviews',
        section: 'Section 14, Conflict Resolution',
        quote: 'the SQR Service Manager should contact Social Care Service Manager within 24 hrs of concern being identified.',
      },
      anchor: { event: 'immediate-concern' },
      timing: { within: '24h' },
      completion: { event: 'service-manager-contacted' },
    },
    {
      id: 'informal-resolution',
      title: 'Informal resolution by the date agreed with the social worker (or escalated to a formal stage)',
      kind: 'deadline',
      period: 'issue',
      source: {
        document: 'blackpool-reviews',
        section: 'Section 14, Conflict Resolution',
        quote: 'The IRO will agree timescales for resolution with the social worker.',
      },
      anchor: { event: 'ir-informal-raised' },
      timing: { dueAt: { attribute: 'agreedBy' } },
      completion: { event: ['ir-resolved', 'ir-stage-raised'] },
    },
    ...STAGES.map(({ n, who, heading, quote }) => ({
      id: `stage-${n}-response`,
      title: `Stage ${n} (${who}): a response within 5 working days`,
      kind: 'deadline' as const,
      period: 'issue',
      source: { document: 'blackpool-reviews', section: `Section 14, Conflict Resolution > ${heading}`, quote },
      anchor: { event: 'ir-stage-raised', where: { stage: n } },
      timing: { within: '5wd' },
      completion: { event: ['ir-response', 'ir-resolved'], sameAs: ['stage'] },
    })),
    {
      id: 'escalation-due',
      title: 'A stage whose response is overdue, or did not resolve the issue: raise the next stage (recommended action, no timescale in the source)',
      kind: 'deadline',
      period: 'issue',
      source: {
        document: 'blackpool-reviews',
        section: 'Section 14, Conflict Resolution > Stage 2 – Formal Issues Resolution – IRO/CP Safeguarding Team manager to Team Manager/Service Manager',
        quote: "Actions made by IRO/CP chair that haven't been resolved are escalated",
      },
      anchor: { anyOf: [1, 2, 3].flatMap(stageFailed) },
      timing: { within: null },
      // A later stage raised on or after the failed stage was raised escalates it, whenever that was.
      completion: { event: ['ir-stage-raised', 'ir-resolved'], since: 'origin', higher: ['stage'] },
    },
    {
      id: 'after-stage-4',
      title: 'Unresolved after stage 4: the IRO considers independent legal advice and referral to CAFCASS',
      kind: 'deadline',
      period: 'issue',
      source: {
        document: 'blackpool-reviews',
        section: "Section 14, Conflict Resolution > Stage 4 – Formal Issues Resolution – Head of Service SQR to Assistant Director/Director of Children's services",
        quote: 'If matter is not resolved and relates to a Child in our Care, Head of Service SQR Service to inform IRO. IRO to seek Independent Legal Advice and consider notification to CAFCASS',
      },
      anchor: { anyOf: stageFailed(4) },
      timing: { within: null },
      completion: { event: ['legal-advice-sought', 'cafcass-referral', 'ir-resolved'] },
    },
    {
      id: 'weekly-clinic',
      title: 'Every open issue reviewed at the weekly issues resolution clinic',
      kind: 'cycle',
      period: 'issue',
      source: {
        document: 'blackpool-reviews',
        section: 'Section 14, Conflict Resolution',
        quote: 'Issues Resolutions will be considered at the weekly Issues Resolution clinic',
      },
      start: { event: ['ir-informal-raised', 'ir-stage-raised'] },
      end: ['ir-resolved'],
      timing: { intervals: ['7d'] },
      completion: { event: 'ir-clinic' },
    },
    {
      id: 'formal-process',
      title: 'The whole formal process within 20 working days of stage 1 (statutory profile only)',
      kind: 'deadline',
      period: 'issue',
      source: {
        document: 'iro-handbook-2010',
        section: 'para 6.2 (as quoted by local issues resolution procedures)',
      },
      enabled: false,
      anchor: { event: 'ir-stage-raised', where: { stage: 1 } },
      timing: { within: '20wd' },
      completion: { event: 'ir-resolved' },
    },
  ],
  profiles: {
    statutory: {
      description: 'IRO Handbook 6.2 as quoted by local procedures: the whole formal process takes no more than 20 working days from stage 1',
      source: {
        document: 'iro-handbook-2010',
        section: 'para 6.2 (as quoted by local issues resolution procedures)',
      },
      rules: { 'formal-process': { enabled: true } },
    },
  },
  interpretations: [
    {
      topic: 'Immediate concerns',
      reading: '24 elapsed hours on the real time line in Europe/London (C6). Events given as dates without a time are given the benefit of the doubt: contact by the end of the next day is on time.',
    },
    {
      topic: 'Escalation',
      reading: 'The source sets no timescale for moving to the next stage: `escalation-due` reports the next stage as the recommended action (pending with the working days open) from the day the previous stage\'s response became overdue, or from an `ir-response` that did not resolve the issue, until a next stage is raised or the issue is resolved. A stage counts as escalated when a later stage (a higher `stage`) was raised on or after the day it was itself raised, whenever that was: before its response was due, or before a late response came (`since: origin`).',
    },
    {
      topic: 'Legal advice and CAFCASS',
      reading: 'Reported as a required decision once the stage 4 response is overdue or came without a resolution; the seed also allows them at any stage.',
    },
    {
      topic: 'A response to a stage',
      reading: 'An `ir-response` counts for the stage it names (`stage` attribute); an `ir-resolved` answers any stage.',
    },
    {
      topic: 'One issue at a time',
      reading: 'Every rule but `immediate-contact` belongs to the `issue` period: from the first raising to `ir-resolved`. A response, escalation or clinic of one issue does not count for the next one, and nothing stays open once the issue is resolved. An immediate concern is not part of an issue: it has no period.',
    },
    {
      topic: 'The weekly clinic',
      reading: 'From the first time the issue was raised, then from each clinic, 7 days, until `ir-resolved`.',
    },
  ],
};
