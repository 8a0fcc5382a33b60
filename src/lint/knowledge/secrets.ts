/**
 * @module lint/knowledge/secrets
 * What looks like a credential: file names (SSH keys, .netrc, .npmrc, .env, *.pem ...) and
 * variable names (BuildKit's SecretsUsedInArgOrEnv token list: apikey, auth, credential(s),
 * key, password, pword, passwd, secret, token — unless a token says it is public, a file or a
 * version).
 */
const SECRET_FILES = new Set([
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.netrc', '_netrc', '.npmrc', '.pypirc', '.git-credentials', '.env',
  '.dockercfg', 'credentials', 'credentials.json', '.htpasswd', 'secrets.yaml', 'secrets.yml', '.vault-token',
]);
const SECRET_EXT = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore'];

/** true when a path (from COPY/ADD or the context) names a credential file or directory. */
export function isSecretPath(path: string): boolean {
  const parts = path.replace(/\/+$/, '').split('/');
  if (parts.includes('.ssh') || parts.includes('.aws') || parts.includes('.gnupg')) return true;
  const b = parts.at(-1) ?? '';
  if (SECRET_FILES.has(b)) return true;
  if (b.startsWith('.env.') && !b.endsWith('.example') && !b.endsWith('.sample') && !b.endsWith('.template')) return true;
  if (/^id_(rsa|dsa|ecdsa|ed25519)$/.test(b)) return true;
  return SECRET_EXT.some((e) => b.endsWith(e)) && !b.endsWith('.pub') && !isCertificateBundle(b);
}

/**
 * A .pem named as a CA bundle or certificate (`tls-ca-bundle.pem`, `cacert.pem`, `fullchain.pem`)
 * holds public certificates, which images copy on purpose; a name that also says key/private is
 * still a credential.
 */
function isCertificateBundle(base: string): boolean {
  if (!base.endsWith('.pem')) return false;
  const t = tokens(base.slice(0, -4));
  if (t.some((x) => x === 'key' || x === 'private' || x === 'priv')) return false;
  return t.some((x) => CERT_TOKENS.has(x));
}
const CERT_TOKENS = new Set(['ca', 'cacert', 'cacerts', 'cert', 'certs', 'certificate', 'certificates', 'bundle', 'chain', 'fullchain', 'trust', 'roots']);

const SECRET_TOKENS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token', 'pat']);
const ALLOWED_TOKENS = new Set(['public', 'file', 'version', 'path', 'dir', 'url', 'id', 'name', 'type', 'user', 'username', 'host']);

/** Splits FOO_BAR-baz / fooBar into lower-case tokens. */
function tokens(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[_\-.]+/).filter((t) => t !== '');
}

export function isSecretName(name: string): boolean {
  const t = tokens(name);
  if (t.some((x) => ALLOWED_TOKENS.has(x))) return false;
  return t.some((x) => SECRET_TOKENS.has(x)) || /(api_?key|access_?key|private_?key)/i.test(name);
}

/** `https://user:pass@host` or `https://TOKEN@host` with a credential part (literal or variable). */
export function urlWithCredentials(word: string): boolean {
  const scheme = word.indexOf('://');
  if (scheme === -1) return false;
  const rest = word.slice(scheme + 3);
  const at = rest.indexOf('@');
  const slash = rest.indexOf('/');
  if (at === -1 || (slash !== -1 && slash < at)) return false;
  const cred = rest.slice(0, at);
  // git@ / user@ without a password are usernames, not secrets; a variable or a password is.
  return cred.includes(':') || cred.includes('$') || cred.length >= 20;
}
