export { audit, auditStream, SummaryBuilder, type AuditReport, type AuditStream, type AuditSummary, type CaseAudit, type RuleSummary } from './audit';
export { carriedColumns, dueWindow, isOpen, selectDue, DEFAULT_DUE_DAYS, OPEN_STATUSES, type DueItem, type DueOptions, type DueWindow } from './due';
export { periodOf, SplitSummary, PERIOD_UNITS, type PeriodUnit, type SummaryPart } from './split';
