export { CaseEventSchema, CaseRecordSchema, IsoDateString, type CaseEvent, type CaseRecord } from './case';
export { DataProblemSchema, type DataProblem } from './problems';
export {
  BREACH_STATUSES,
  ProcedureSchema,
  RuleSchema,
  STATUSES,
  StatusSchema,
  SourceDocumentSchema,
  SourceRefSchema,
  type Anchor,
  type Completion,
  type Procedure,
  type ProcedureInput,
  type Rule,
  type RuleKind,
  type SourceDocument,
  type SourceRef,
  type Status,
} from './schema';
export { defineProcedure } from './define';
export { citeSource, documentLabel, type CitedSource } from './citation';
export { describeOffset, timingText } from './describe';
export { evaluateProcedure } from './evaluate';
export { prepareOptions, type EvaluateOptions, type PreparedOptions, type RuleOverride } from './prepare';
export type { Evaluation, Result } from './result';
export { nearest } from './events';
