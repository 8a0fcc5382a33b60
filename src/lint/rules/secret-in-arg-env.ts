/**
 * @module lint/rules/secret-in-arg-env
 * An ARG or ENV whose name looks like a credential (ARG values are recorded in the image
 * history, ENV in its config), or a RUN that puts a token into a URL or a `git config` — the
 * command line is stored in the image history. Use build secrets instead.
 */
import { isSecretName, urlWithCredentials } from '../knowledge/secrets.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'secret-in-arg-env',
  meta: {
    category: 'security',
    severity: 'warning',
    aliases: ['DL3064'],
    // Both flag a credential-like ARG/ENV name; ours says more (and also covers RUN lines).
    supersedes: ['secrets-used-in-arg-or-env'],
    docs: {
      description: 'Do not pass credentials through ARG, ENV or a RUN command line; use build secrets.',
      rationale: 'ARG and ENV values and RUN command lines are stored in the image metadata (docker history) and in build caches.',
      bad: 'FROM golang:1.23\nARG GITHUB_TOKEN\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n',
      good: 'FROM golang:1.23\nRUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download\n',
    },
  },
  messages: {
    name: '{{keyword}} {{name}} looks like a credential; its value is stored in the image metadata',
    url: 'this command puts a credential into a URL{{git}}; the command line is stored in the image history',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(i) {
        if (i.keyword === 'ARG') for (const a of i.args) if (isSecretName(a.name)) ctx.report({ messageId: 'name', data: { keyword: 'ARG', name: a.name }, range: a.range });
        if (i.keyword === 'ENV') for (const p of i.pairs) if (isSecretName(p.key)) ctx.report({ messageId: 'name', data: { keyword: 'ENV', name: p.key }, range: p.range });
      },
      end() {
        for (const run of ctx.runs) {
          for (const cmd of run.commands) {
            if (!cmd.argv.some(urlWithCredentials)) continue;
            const git = cmd.argv[0] === 'git' && cmd.argv.includes('config') ? ' (git config)' : '';
            ctx.report({ messageId: 'url', data: { git }, range: rangeAt(ctx.text, cmd.start, cmd.end) });
          }
        }
      },
    };
  },
});
