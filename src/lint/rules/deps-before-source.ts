/**
 * @module lint/rules/deps-before-source
 * go-deps-before-source for other ecosystems: npm/yarn/pnpm, pip, cargo and maven. The source
 * tree is copied before the dependency install with no earlier copy of the manifest, so any
 * source edit re-installs every dependency. No fix: the right manifest set (lock files,
 * workspaces) varies by project, so the message names what to copy first.
 */
import type { CopyInstruction } from '../../dockerfile/index.ts';
import { copiesManifest, isContextCopy, isSourceTree } from '../knowledge/copy.ts';
import { runOf } from '../knowledge/runs.ts';
import { defineRule, type ShellCommand } from '../rule.ts';

interface Ecosystem {
  readonly name: string;
  readonly manifests: readonly string[];
  readonly installs: (c: ShellCommand) => boolean;
}

const ECOSYSTEMS: readonly Ecosystem[] = [
  {
    name: 'npm', manifests: ['package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'npm-shrinkwrap.json'],
    installs: (c) => (['npm', 'yarn', 'pnpm'].includes(c.argv[0] ?? '') && (c.argv.length === 1 || ['ci', 'install', 'i'].includes(c.argv[1] ?? ''))),
  },
  {
    name: 'pip', manifests: ['requirements.txt', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'setup.py', 'setup.cfg'],
    installs: (c) => /^pip[0-9.]*$/.test(c.argv[0] ?? '') && c.argv[1] === 'install' && c.argv.some((a) => a === '-r' || a.startsWith('--requirement') || a === '.'),
  },
  { name: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock'], installs: (c) => c.argv[0] === 'cargo' && ['build', 'fetch', 'install'].includes(c.argv[1] ?? '') },
  { name: 'maven', manifests: ['pom.xml'], installs: (c) => (c.argv[0] === 'mvn' || c.argv[0] === './mvnw') },
];

export default defineRule({
  id: 'deps-before-source',
  meta: {
    category: 'cache',
    severity: 'warning',
    docs: {
      description: 'Copy dependency manifests and install dependencies before copying the source (npm, pip, cargo, maven).',
      rationale: 'A source edit invalidates every later layer. Installing dependencies from the manifests alone keeps that slow layer cached until the manifests change.',
      bad: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      good: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    },
  },
  messages: {
    sourceFirst: 'the source is copied before `{{command}}` without copying {{manifests}} first: every source change re-installs {{ecosystem}} dependencies',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        for (const eco of ECOSYSTEMS) {
          let manifestCopied = false;
          let sourceCopy: CopyInstruction | undefined;
          for (const step of stage.steps) {
            const i = step.instruction;
            if (isContextCopy(i)) {
              const tree = i.sources.some((s) => isSourceTree(s.raw, eco.manifests));
              if (sourceCopy === undefined && !tree && eco.manifests.some((m) => copiesManifest(i, m))) manifestCopied = true;
              if (!manifestCopied && sourceCopy === undefined && tree) sourceCopy = i;
              continue;
            }
            if (i.keyword !== 'RUN' || sourceCopy === undefined) continue;
            const cmd = runOf(ctx.runs, step)?.commands.find(eco.installs);
            if (cmd === undefined) continue;
            ctx.report({
              messageId: 'sourceFirst',
              data: { command: cmd.argv.slice(0, 2).join(' '), manifests: eco.manifests.slice(0, 2).join('/'), ecosystem: eco.name },
              range: sourceCopy.node.range,
            });
            break;
          }
        }
      },
    };
  },
});
