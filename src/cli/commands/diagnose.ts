/**
 * @module cli/commands/diagnose
 * `stevedore diagnose`: name the root cause of a failed build from its log, with a fix
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { readLog } from '../../buildlog/index.ts';
import { diagnose, locateInstruction, renderDiagnosis, type DiagnoseFormat, type DiagnoseReport } from '../../diagnose/index.ts';

const FORMATS: readonly DiagnoseFormat[] = ['text', 'json', 'markdown', 'github'];

export const diagnoseCommand = defineCommand({
  name: 'diagnose',
  summary: 'name the root cause of a failed build from its log, with a fix',
  usage: '[FILE|-] [--format text|json|markdown|github] [--dockerfile F]',
  description:
    'Reads a docker build / buildx log (plain, tty capture, rawjson, classic builder, CI-wrapped, or a pasted fragment; stdin when FILE is "-" or absent), finds the failing step and names the root cause with evidence lines and fixes. Exit 0 when the build succeeded, 1 when a failure was found.',
  options: {
    format: { type: 'string', description: 'output format: text (default), json, markdown or github', placeholder: 'FORMAT' },
    dockerfile: { type: 'string', description: 'the Dockerfile of the build, to show the failing instruction\'s source lines', placeholder: 'FILE' },
  },
  examples: [
    'docker buildx build --progress=plain . 2>&1 | stevedore diagnose -',
    'stevedore diagnose build.log --dockerfile Dockerfile --format markdown',
  ],
  maxPositionals: 1,
  async run({ options, positionals, io }) {
    const format = (options.format ?? 'text') as DiagnoseFormat;
    if (!FORMATS.includes(format)) {
      throw new StevedoreError('CLI_USAGE', `stevedore diagnose: unknown --format ${JSON.stringify(options.format)} (expected ${FORMATS.join(', ')})`);
    }
    let dockerfile: string | null = null;
    if (options.dockerfile !== undefined) {
      try {
        dockerfile = await readFile(resolve(io.cwd, options.dockerfile), 'utf8');
      } catch (e) {
        throw new StevedoreError('IO_NOT_FOUND', `cannot read Dockerfile ${options.dockerfile}: ${(e as Error).message}`, { cause: e });
      }
    }
    const record = await readLog(positionals[0], io.cwd, io.stdin);
    const diagnoses = diagnose(record, { dockerfile });
    let source: DiagnoseReport['source'] = null;
    let sourceNote: string | null = null;
    if (dockerfile !== null && options.dockerfile !== undefined) {
      const instr = record.failure?.instruction ?? null;
      const found = instr === null ? null : locateInstruction(dockerfile, instr, record.failure?.dockerfile?.line ?? null, options.dockerfile);
      if (found !== null) source = { ...found, file: options.dockerfile };
      else if (record.failure !== null) sourceNote = instr === null ? 'the failing step is not a Dockerfile instruction' : `the failing instruction was not found in ${options.dockerfile}`;
    }
    io.stdout.write(renderDiagnosis({ record, diagnoses, source, sourceNote }, format));
    return record.failure !== null || diagnoses.length > 0 ? 1 : 0;
  },
});
