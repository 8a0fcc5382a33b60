/**
 * @module lint/rules/secret-in-layer
 * COPY/ADD of credential files (SSH keys, .netrc, .npmrc, .git-credentials, *.pem, .env ...)
 * puts them in a layer for anyone with the image — deleting them in a later layer does not
 * help. Also reported when `COPY .` would carry such a file from the context because
 * .dockerignore does not exclude it. Use `RUN --mount=type=secret` or `--mount=type=ssh`.
 */
import { copiesWholeContext } from '../knowledge/copy.ts';
import { isSecretPath } from '../knowledge/secrets.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'secret-in-layer',
  meta: {
    category: 'security',
    severity: 'error',
    docs: {
      description: 'Do not COPY or ADD credentials into an image; mount them with --mount=type=secret or type=ssh.',
      rationale: 'Every layer is part of the image (and of exported build caches); a secret copied in stays readable even if a later step deletes it.',
      bad: 'FROM golang:1.23\nCOPY .netrc /root/.netrc\nRUN go mod download\n',
      good: 'FROM golang:1.23\nRUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download\n',
    },
  },
  messages: {
    copied: '{{keyword}} copies {{path}}, which looks like a credential; use RUN --mount=type=secret (or type=ssh) instead',
    fromContext: '`{{keyword}} .` copies {{path}} from the context (not excluded by .dockerignore); it looks like a credential',
  },
  defaultOptions: {},
  create(ctx) {
    let contextReported = false;
    return {
      instruction(i) {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return;
        for (const s of i.sources) {
          if (isSecretPath(s.raw)) ctx.report({ messageId: 'copied', data: { keyword: i.keyword, path: s.raw }, range: s.range });
        }
        const view = ctx.context;
        if (contextReported || view === undefined || !copiesWholeContext(i)) return;
        const leaked = view.listFiles().filter((f) => isSecretPath(f) && !view.isIgnored(f));
        if (leaked.length === 0) return;
        contextReported = true;
        const shown = leaked.slice(0, 3).join(', ') + (leaked.length > 3 ? ` and ${leaked.length - 3} more` : '');
        ctx.report({ messageId: 'fromContext', data: { keyword: i.keyword, path: shown }, range: i.node.range });
      },
    };
  },
});
