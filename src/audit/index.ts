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
  type RuleFigures,
  type RuleSummary,
  type SummaryOptions,
  countResult,
  emptyFigures,
  finishFigures,
  periodsOf,
  periodOf,
  PERIOD_UNITS,
  type Breakdown,
  type BreakdownRow,
  type PeriodUnit,
  countPeriods,
  type PeriodCount,
  summaryNotes,
} from './audit';
export { measurability, recordedEvents, type Measurability } from './measurable';
export { FIGURE_COLUMNS, figureCells, summaryRecords, type SummaryColumn, type SummaryRecord } from './summary-rows';
export { explainCase, timelineText, dayInWords, type Timeline, type TimelineEvent, type TimelineDeadline } from './timeline';
export { carriedAttributes, type Carried } from './carried';
