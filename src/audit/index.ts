export { audit, auditStream, SummaryBuilder, type AuditReport, type AuditStream, type AuditSummary, type CaseAudit, type RuleSummary } from './audit';
export { explainCase, timelineText, dayInWords, type Timeline, type TimelineEvent, type TimelineDeadline } from './timeline';
