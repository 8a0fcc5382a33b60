/**
 * @module diagnose/signatures/git_ssh_auth
 * git over SSH failed inside the build: `Permission denied (publickey)`, `Host key verification
 * failed`, `invalid empty ssh agent socket`, `no SSH_AUTH_SOCK`. The fix is an SSH mount, never a
 * key copied into a layer.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const gitSshAuth = definePatternSignature({
  id: 'git_ssh_auth',
  title: 'git over SSH failed in the build (Permission denied (publickey), host key verification)',
  patterns: [
    /Permission denied \(publickey/,
    /Host key verification failed/,
    /invalid empty ssh agent socket|SSH_AUTH_SOCK[^\n]{0,100}(?:not set|empty)/,
    /no such identity: /,
    /agent refused operation|sign_and_send_pubkey: signing failed/,
    /could not parse ssh: /,
  ],
  confidence: 0.9,
  summary: () =>
    'git fetched a repository over SSH and the build had no usable key (no SSH agent forwarded, or the host key of the server is unknown in the image).',
  fixes: () => [
    fix.dockerfile('RUN --mount=type=ssh mkdir -p -m 0700 ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts && go mod download', 'forward your SSH agent to this step and trust the host key'),
    fix.flag('--ssh default', 'pass the SSH agent to docker buildx build (ssh-add your key first)'),
  ],
});
