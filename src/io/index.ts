export { readEventsCsv, streamEventsCsv, type EventsCsvOptions } from './events-csv';
export { readNdjson, streamNdjson } from './ndjson';
export { readSsda903, type Ssda903Files, type Ssda903Result } from './ssda903';
export { readCinCensus, CIN_CENSUS_MAPPING, type CinCensusResult } from './cin-census';
export { readActionPlan, type ActionPlanOptions } from './action-plan';
export { readCalendarFiles } from './calendar-files';
export { createResultWriter, createProblemWriter, neutraliseCell, RESULT_CSV_COLUMNS, type OutputFormat } from './write';
export { InputFileError, type InputSource, type ReadResult, type CaseStream, type CaseChunk } from './source';
