/**
 * @module lint/rules/secrets-used-in-arg-or-env
 * BuildKit's SecretsUsedInArgOrEnv, token for token: an ARG or ENV name containing, as a whole
 * `_`-separated token (case-insensitive), apikey, auth, credential(s), key, password, pword,
 * passwd, secret or token — unless a token is public, file or version (`GPG_KEY_FILE` is
 * fine). Global ARGs are not checked, as in BuildKit. ARG and ENV values end up in the image metadata and history; use a secret mount.
 */
import type { Range } from '../../dockerfile/index.ts';
import { defineRule } from '../rule.ts';

const DENY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

function looksSecret(name: string): boolean {
  return DENY.test(name) && !ALLOW.test(name);
}

export default defineRule({
  id: 'secrets-used-in-arg-or-env',
  meta: {
    category: 'security',
    severity: 'warning',
    aliases: ['SecretsUsedInArgOrEnv'],
    docs: {
      description: 'ARG and ENV names that look like secrets: their values are stored in the image; use RUN --mount=type=secret.',
      bad: 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN true\n',
      good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=github_token true\n',
    },
  },
  messages: { secret: '{{keyword}} "{{name}}" looks like it carries a secret; ARG and ENV values stay in the image config or build history, where anyone with the image can read them — pass it with RUN --mount=type=secret instead' },
  defaultOptions: {},
  create(ctx) {
    const check = (keyword: string, name: string, range: Range): void => {
      if (looksSecret(name)) ctx.report({ messageId: 'secret', data: { keyword, name }, range });
    };
    return {
      instruction(ins, _step, stage) {
        // BuildKit checks ARGs when a stage declares them; global ARGs (before FROM) are not dispatched.
        if (stage === undefined) return;
        if (ins.keyword === 'ARG') for (const a of ins.args) check('ARG', a.name, a.range);
        if (ins.keyword === 'ENV') for (const p of ins.pairs) check('ENV', p.key, p.range);
      },
    };
  },
});
