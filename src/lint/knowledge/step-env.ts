/**
 * @module lint/knowledge/step-env
 * The variables an instruction's words can see, as BuildKit's dispatcher has them: the stage's
 * ENV (with what it inherits from parent stages), its ARGs (declared without a value they
 * still count as defined, but expand to nothing; a parent stage's ARGs stay defined in a child
 * stage, as BuildKit starts the child from the parent's state), and the default PATH BuildKit
 * adds. What an
 * external base image's config defines cannot be known offline; callers ask `baseKnown`.
 */
import type { DockerfileModel, Stage, Step } from '../../dockerfile/index.ts';
import { rootBaseKind } from './dockerfile-facts.ts';
import type { EnvLookup } from './word-vars.ts';

export interface StepEnv {
  readonly lookup: EnvLookup;
  /** Names with a value (BuildKit's `env.Keys()`), for suggestions. */
  readonly keys: readonly string[];
  /** false when the stage chain starts from an external image whose ENV is unknown. */
  readonly baseKnown: boolean;
}

export function stepEnv(model: DockerfileModel, stage: Stage, step: Step): StepEnv {
  const values = new Map<string, string>([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  const declared = new Set<string>();
  for (const [k, v] of step.state.env) values.set(k, v);
  for (const [k, v] of step.state.args) {
    declared.add(k);
    if (v !== undefined) values.set(k, v);
  }
  // BuildKit's child stage starts from its parent's state: the parent's ARGs stay defined.
  let parent: Stage | undefined = stage.base.kind === 'stage' ? model.stages[stage.base.stage] : undefined;
  for (let hops = 0; parent !== undefined && hops <= model.stages.length; hops++) {
    for (const st of parent.steps) {
      if (st.instruction.keyword === 'ARG') for (const a of st.instruction.args) declared.add(a.name);
    }
    parent = parent.base.kind === 'stage' ? model.stages[parent.base.stage] : undefined;
  }
  return {
    lookup: (name) => values.get(name) ?? (declared.has(name) ? '' : undefined),
    keys: [...values.keys()],
    baseKnown: rootBaseKind(model, stage) === 'scratch',
  };
}
