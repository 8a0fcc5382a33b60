/**
 * @module cli/commands
 * The command table, in the order `stevedore --help` lists them.
 */
import type { Command } from '../../util/args.ts';
import { parseCommand } from './parse.ts';
import { lintCommand } from './lint.ts';
import { fixCommand } from './fix.ts';
import { diagnoseCommand } from './diagnose.ts';
import { timelineCommand } from './timeline.ts';
import { explainCommand } from './explain.ts';
import { planCommand } from './plan.ts';
import { proxyCommand } from './proxy.ts';

export const COMMANDS: readonly Command[] = [
  parseCommand,
  lintCommand,
  fixCommand,
  diagnoseCommand,
  timelineCommand,
  explainCommand,
  planCommand,
  proxyCommand,
];
