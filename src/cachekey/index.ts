/**
 * @module cachekey
 * Public API of the cache-key part: BuildKit-faithful context hashing and .dockerignore
 * semantics, the per-instruction fingerprint model, the A/B decision (`explain`) and the
 * per-step dependency listing (`plan`).
 */
export { createIgnoreMatcher, type IgnoreMatcher } from './ignore/matcher.ts';
export { readIgnoreFile, chooseIgnoreFile } from './ignore/ignorefile.ts';
export { readFsContext } from './context/fs.ts';
export { readGitContext } from './context/git.ts';
export { saveSnapshot, saveContextSnapshot, loadSnapshot } from './context/snapshot.ts';
export type { ContextEntry, ContextSnapshot } from './context/types.ts';
export { selectorDigest, type SelectorSpec, type SelectorDigest } from './hash/selector.ts';
export { headerText } from './hash/file-digest.ts';
export { buildOpGraph, type Op, type OpGraph, type ModelOptions } from './model.ts';
export { computeContent, type ContentMap } from './compute.ts';
export { decide, type StepDecision, type Reason, type Verdict, type StepRef } from './decide.ts';
export { explain, toSteps, type ExplainReport, type ExplainStep, type ExplainOptions } from './explain.ts';
export { renderText, advise, describeReason } from './render.ts';
export { planSteps, renderPlan, summarizeFiles, type PlanStep } from './plan.ts';
export { loadState, openContext, parseStateSpec, type StateSpec, type LoadedState } from './load.ts';
export type { Warning } from './warnings.ts';
export { parsePairs, resolveContext } from './cli/options.ts';
