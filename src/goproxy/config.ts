/**
 * @module goproxy/config
 * The proxy's configuration: a strict zod schema for the JSON config file (unknown keys are
 * errors with "did you mean"; durations like "30s" go through util/duration), merged in one
 * function with defaults < file < environment (GOPRIVATE, GONOPROXY, GONOSUMDB, GOSUMDB,
 * GOPROXY) < flags into a fully populated ProxyConfig with no optional fields.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { StevedoreError } from '../errors.ts';
import { parseDuration } from '../util/duration.ts';
import { didYouMean } from '../util/suggest.ts';
import { parseGoproxyList, PUBLIC_PROXY } from './protocol/index.ts';

const duration = z.string().transform((s, ctx) => {
  try {
    return parseDuration(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

const count = z.number().int().positive();

export const FileConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  listen: z.string().optional(),
  storage: z.string().optional(),
  upstream: z.string().optional(),
  goprivate: z.string().optional(),
  gonoproxy: z.string().optional(),
  gonosumdb: z.string().optional(),
  gosumdb: z.string().optional(),
  /** Checksum databases proxied at /sumdb/<name>/ and where to reach them. */
  sumdbs: z.record(z.string(), z.string()).optional(),
  timeouts: z.strictObject({ connect: duration.optional(), read: duration.optional(), direct: duration.optional(), shutdown: duration.optional() }).optional(),
  ttl: z.strictObject({ list: duration.optional(), latest: duration.optional(), negative: duration.optional() }).optional(),
  retry: z.strictObject({ attempts: count.optional(), baseDelay: duration.optional(), maxDelay: duration.optional() }).optional(),
  breaker: z.strictObject({ failures: count.optional(), cooldown: duration.optional() }).optional(),
  limits: z.strictObject({ concurrency: count.optional(), maxRequestBytes: count.optional(), directConcurrency: count.optional() }).optional(),
  tls: z.strictObject({ cert: z.string(), key: z.string() }).optional(),
  auth: z
    .union([z.strictObject({ basic: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }) }), z.strictObject({ bearer: z.strictObject({ token: z.string().min(16) }) })])
    .optional(),
  direct: z.strictObject({ goBinary: z.string().optional(), cacheDir: z.string().optional(), netrc: z.string().optional(), gitConfig: z.string().optional() }).optional(),
  log: z.strictObject({ level: z.enum(['debug', 'info', 'warn', 'error']).optional() }).optional(),
  /** Background fetches ahead of the client: `info`, a version's .info after its cold .mod. */
  prefetch: z.strictObject({ info: z.boolean().optional() }).optional(),
});

export type FileConfig = z.input<typeof FileConfigSchema>;

export interface ProxyConfig {
  readonly listen: { readonly host: string; readonly port: number };
  readonly storage: string;
  readonly upstream: string;
  readonly goprivate: string;
  readonly gonoproxy: string;
  readonly gonosumdb: string;
  readonly gosumdb: string;
  readonly sumdbs: Readonly<Record<string, string>>;
  readonly timeouts: { readonly connectMs: number; readonly readMs: number; readonly directMs: number; readonly shutdownMs: number };
  readonly ttl: { readonly listMs: number; readonly latestMs: number; readonly negativeMs: number };
  readonly retry: { readonly attempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number };
  readonly breaker: { readonly failures: number; readonly cooldownMs: number };
  readonly limits: { readonly concurrency: number; readonly maxRequestBytes: number; readonly directConcurrency: number };
  readonly tls: { readonly cert: string; readonly key: string } | undefined;
  readonly auth: { readonly kind: 'none' } | { readonly kind: 'basic'; readonly username: string; readonly password: string } | { readonly kind: 'bearer'; readonly token: string };
  readonly direct: { readonly goBinary: string; readonly cacheDir: string; readonly netrc: string | undefined; readonly gitConfig: string | undefined };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly prefetch: { readonly info: boolean };
}

/** Keys per object path, for "did you mean". */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = FileConfigSchema;
  for (const p of path) {
    let s: unknown = schema;
    while (s instanceof z.ZodOptional) s = s.unwrap();
    if (s instanceof z.ZodObject) schema = (s.shape as Record<string, z.ZodType>)[String(p)] ?? z.never();
    else return [];
  }
  let s: unknown = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap();
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodUnion) return (s.options as unknown[]).flatMap((o) => (o instanceof z.ZodObject ? Object.keys(o.shape as object) : []));
  return [];
}

/** Validate a parsed config file; errors name the file and the key path. */
export function parseFileConfig(json: unknown, file: string): z.output<typeof FileConfigSchema> {
  const r = FileConfigSchema.safeParse(json);
  if (r.success) return r.data;
  const msgs = r.error.issues.map((i) => {
    const where = i.path.length === 0 ? '(top level)' : i.path.join('.');
    if (i.code === 'unrecognized_keys') {
      const known = knownKeys(i.path);
      return i.keys.map((k) => `unknown key ${JSON.stringify([...i.path, k].join('.'))}${didYouMean(k, known)}`).join('; ');
    }
    return `${where}: ${i.message}`;
  });
  throw new StevedoreError('CONFIG_INVALID', `${file}: ${msgs.join('; ')}`, { location: { file, line: 0, column: 0 } });
}

export async function readConfigFile(file: string): Promise<z.output<typeof FileConfigSchema>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new StevedoreError('IO_NOT_FOUND', `cannot read config file ${file}: ${(e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StevedoreError('CONFIG_INVALID', `${file}: not valid JSON: ${(e as Error).message}`, { cause: e, location: { file, line: 0, column: 0 } });
  }
  return parseFileConfig(json, file);
}

export function parseListen(s: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:]+)\]|([^:]*)):(\d{1,5})$/.exec(s);
  const port = m === null ? NaN : Number(m[3]);
  if (m === null || port > 65535) throw new StevedoreError('CONFIG_INVALID', `invalid listen address ${JSON.stringify(s)} (want HOST:PORT)`);
  return { host: m[1] ?? (m[2] === '' ? '127.0.0.1' : m[2]!), port };
}

export function defaultStorage(env: Readonly<Record<string, string | undefined>>): string {
  const base = env['XDG_CACHE_HOME'] ?? join(env['HOME'] ?? homedir(), '.cache');
  return join(base, 'stevedore', 'goproxy');
}

export interface ConfigSources {
  readonly file?: z.output<typeof FileConfigSchema>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: { readonly listen?: string; readonly storage?: string; readonly upstream?: string };
  readonly cwd: string;
  /** `go env GOPROXY` of the machine, when available. */
  readonly machineGoproxy?: string;
}

/** defaults < file < env < flags, validated. */
export function resolveConfig(s: ConfigSources): ProxyConfig {
  const f = s.file ?? {};
  const env = (k: string): string | undefined => (s.env[k] === undefined || s.env[k] === '' ? undefined : s.env[k]);
  const upstream = s.flags.upstream ?? env('STEVEDORE_PROXY_UPSTREAM') ?? f.upstream ?? s.machineGoproxy ?? PUBLIC_PROXY;
  try {
    parseGoproxyList(upstream);
  } catch (e) {
    throw new StevedoreError('CONFIG_INVALID', `upstream: ${(e as Error).message}`, { cause: e });
  }
  const goprivate = env('GOPRIVATE') ?? f.goprivate ?? '';
  const storage = resolve(s.cwd, s.flags.storage ?? f.storage ?? defaultStorage(s.env));
  const a = f.auth;
  return {
    listen: parseListen(s.flags.listen ?? f.listen ?? '127.0.0.1:3000'),
    storage,
    upstream,
    goprivate,
    gonoproxy: env('GONOPROXY') ?? f.gonoproxy ?? goprivate,
    gonosumdb: env('GONOSUMDB') ?? f.gonosumdb ?? goprivate,
    gosumdb: env('GOSUMDB') ?? f.gosumdb ?? 'sum.golang.org',
    sumdbs: f.sumdbs ?? {},
    timeouts: { connectMs: f.timeouts?.connect ?? 10_000, readMs: f.timeouts?.read ?? 30_000, directMs: f.timeouts?.direct ?? 600_000, shutdownMs: f.timeouts?.shutdown ?? 30_000 },
    ttl: { listMs: f.ttl?.list ?? 60_000, latestMs: f.ttl?.latest ?? 60_000, negativeMs: f.ttl?.negative ?? 30_000 },
    retry: { attempts: f.retry?.attempts ?? 3, baseDelayMs: f.retry?.baseDelay ?? 100, maxDelayMs: f.retry?.maxDelay ?? 2_000 },
    breaker: { failures: f.breaker?.failures ?? 5, cooldownMs: f.breaker?.cooldown ?? 30_000 },
    limits: { concurrency: f.limits?.concurrency ?? 512, maxRequestBytes: f.limits?.maxRequestBytes ?? 65_536, directConcurrency: f.limits?.directConcurrency ?? 4 },
    tls: f.tls === undefined ? undefined : { cert: resolve(s.cwd, f.tls.cert), key: resolve(s.cwd, f.tls.key) },
    auth: a === undefined ? { kind: 'none' } : 'basic' in a ? { kind: 'basic', ...a.basic } : { kind: 'bearer', token: a.bearer.token },
    direct: {
      goBinary: f.direct?.goBinary ?? 'go',
      cacheDir: resolve(s.cwd, f.direct?.cacheDir ?? join(storage, '..', 'goproxy-direct')),
      netrc: f.direct?.netrc === undefined ? undefined : resolve(s.cwd, f.direct.netrc),
      gitConfig: f.direct?.gitConfig === undefined ? undefined : resolve(s.cwd, f.direct.gitConfig),
    },
    logLevel: f.log?.level ?? 'info',
    prefetch: { info: f.prefetch?.info ?? true },
  };
}
