/**
 * safeguarding-timescales: the public face. Re-exports only.
 */
export * from './calendar/index';
export { TimescalesInputError } from './errors';
export * from './engine/index';
export { procedures, getProcedure, resolveProcedure, evaluate } from './procedures/index';
export * from './audit/index';
export * from './io/index';
