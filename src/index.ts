export * from './calendar/index';
export { TimescalesInputError } from './errors';
