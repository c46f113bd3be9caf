export { audit, auditStream, SummaryBuilder, type AuditReport, type AuditStream, type AuditSummary, type CaseAudit, type RuleSummary } from './audit';
