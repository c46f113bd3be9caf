export {
  audit,
  auditStream,
  planAudit,
  SummaryBuilder,
  type AuditOptions,
  type AuditPlan,
  type AuditReport,
  type AuditStream,
  type AuditSummary,
  type CaseAudit,
  type NotMeasuredRule,
  type RuleSummary,
} from './audit';
export { measurability, recordedEvents, type Measurability } from './measurable';
export { explainCase, timelineText, dayInWords, type Timeline, type TimelineEvent, type TimelineDeadline } from './timeline';
