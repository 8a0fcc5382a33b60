/**
 * @module lint/knowledge/platform
 * Platform specifiers as containerd's `platforms.Parse` reads them (`os[/arch[/variant]]`, or an
 * architecture alone), normalised the same way (`aarch64` → `arm64`, `x86_64` → `amd64`, ...),
 * for the FROM --platform rules. Offline: an OS-less specifier assumes linux, where builds run.
 */

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string | undefined;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const COMPONENT = /^[A-Za-z0-9_-]+$/;

function normalizeArch(arch: string, variant: string | undefined): [string, string | undefined] {
  const a = arch.toLowerCase();
  const v = variant?.toLowerCase();
  switch (a) {
    case 'i386':
    case 'i486':
    case 'i586':
    case 'i686':
      return ['386', undefined];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', v === 'v1' ? undefined : v];
    case 'aarch64':
    case 'arm64':
      return ['arm64', v === '8' || v === 'v8' ? undefined : v];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      return ['arm', v === undefined || v === '' ? 'v7' : /^[5-8]$/.test(v) ? `v${v}` : v];
    default:
      return [a, v];
  }
}

/** undefined when containerd would reject the specifier. */
export function parsePlatform(spec: string): Platform | undefined {
  const parts = spec.split('/');
  if (parts.length === 0 || parts.length > 3 || !parts.every((p) => COMPONENT.test(p))) return undefined;
  if (parts.length === 1) {
    const p = parts[0]!.toLowerCase();
    if (KNOWN_OS.has(p)) return { os: p, architecture: 'amd64', variant: undefined };
    const [architecture, variant] = normalizeArch(p, undefined);
    return { os: 'linux', architecture, variant };
  }
  const os = parts[0]!.toLowerCase();
  if (os === 'macos') return undefined;
  const [architecture, variant] = normalizeArch(parts[1]!, parts[2]);
  return { os, architecture, variant };
}

export function formatPlatform(p: Platform): string {
  return p.variant === undefined ? `${p.os}/${p.architecture}` : `${p.os}/${p.architecture}/${p.variant}`;
}

/** Docker Hub's per-architecture official namespaces (single-platform repositories), e.g. `arm64v8/alpine`. */
export const ARCH_NAMESPACES: Readonly<Record<string, Platform>> = {
  amd64: { os: 'linux', architecture: 'amd64', variant: undefined },
  arm32v5: { os: 'linux', architecture: 'arm', variant: 'v5' },
  arm32v6: { os: 'linux', architecture: 'arm', variant: 'v6' },
  arm32v7: { os: 'linux', architecture: 'arm', variant: 'v7' },
  arm64v8: { os: 'linux', architecture: 'arm64', variant: undefined },
  i386: { os: 'linux', architecture: '386', variant: undefined },
  mips64le: { os: 'linux', architecture: 'mips64le', variant: undefined },
  ppc64le: { os: 'linux', architecture: 'ppc64le', variant: undefined },
  riscv64: { os: 'linux', architecture: 'riscv64', variant: undefined },
  s390x: { os: 'linux', architecture: 's390x', variant: undefined },
};
