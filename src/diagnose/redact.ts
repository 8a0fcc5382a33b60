/**
 * @module diagnose/redact
 * Masks secrets in log text before it is shown or written anywhere: passwords in URLs,
 * Authorization headers and Bearer tokens, cloud and forge tokens (AWS AKIA/ASIA, GitHub ghp_ /
 * github_pat_, GitLab glpat-, npm npm_ and _authToken, Slack xox*), and key=value secrets. Every
 * pattern is anchored on a literal prefix with bounded repeats, so masking is linear.
 */

const RULES: readonly [RegExp, string | ((...m: string[]) => string)][] = [
  // scheme://user:password@host → keep the user, hide the password.
  [/([a-z][a-z0-9+.-]{0,20}:\/\/[^\s:@/]{1,200}):[^\s@/]{1,200}@/gi, '$1:***@'],
  [/(Authorization:\s{0,5}(?:Bearer|Basic|token|Token)?\s{0,5})[^\s"']{4,4096}/gi, '$1***'],
  [/\b(Bearer\s{1,5})[A-Za-z0-9._~+/=-]{8,4096}/g, '$1***'],
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b/g, 'AKIA****************'],
  [/\b(gh[pousr]_)[A-Za-z0-9]{20,255}\b/g, '$1***'],
  [/\b(github_pat_)[A-Za-z0-9_]{20,255}\b/g, '$1***'],
  [/\b(glpat-)[A-Za-z0-9_-]{20,64}\b/g, '$1***'],
  [/\b(npm_)[A-Za-z0-9]{36}\b/g, '$1***'],
  [/(_authToken\s{0,3}=\s{0,3})[^\s"']{1,4096}/g, '$1***'],
  [/\b(xox[abposr]-)[A-Za-z0-9-]{10,255}/g, '$1***'],
  [/\b(sk_live_|rk_live_|sk-)[A-Za-z0-9]{20,255}\b/g, '$1***'],
  [/\b(AIza)[A-Za-z0-9_-]{35}\b/g, '$1***'],
  [
    /\b((?:[A-Za-z0-9_]{0,40}(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY)[A-Za-z0-9_]{0,40}|password|passwd|secret|token|api_?key)\s{0,3}[=:]\s{0,3})("?)[^\s"'&]{1,4096}/gi,
    '$1$2***',
  ],
  [/(--password(?:=|\s{1,5}))[^\s]{1,4096}/g, '$1***'],
  [/(-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----)[^-]{0,8192}/g, '$1***'],
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const [re, rep] of RULES) out = out.replace(re, rep as string);
  return out;
}
