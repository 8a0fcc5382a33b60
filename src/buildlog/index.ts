/**
 * @module buildlog
 * Public API of the buildlog part: parse any BuildKit / classic / CI-wrapped build log into a
 * BuildRecord, and derive its timeline. Other parts import only from here.
 */
export { LogParser, parseLog, parseLogStream } from './parse.ts';
export { summarizeTimeline, computeCriticalPath, stepJson, type TimelineSummary } from './timeline.ts';
export { outputLines } from './output.ts';
export { stripAnsi } from './wrapper.ts';
export { parseStepName, type StepName } from './step-name.ts';
export type {
  BuildRecord,
  CriticalPath,
  DockerfileExcerpt,
  Failure,
  LogFormat,
  LogLine,
  LogWrapper,
  Step,
  StepOutput,
} from './types.ts';
export { readLog } from './read.ts';
