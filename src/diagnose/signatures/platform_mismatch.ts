/**
 * @module diagnose/signatures/platform_mismatch
 * A binary for another CPU architecture was executed: `exec format error`, `cannot execute binary
 * file`, or an emulated (QEMU) process crashed (`qemu: uncaught target signal`). Ranked above the
 * timeouts and crashes emulation causes.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const platformMismatch = definePatternSignature({
  id: 'platform_mismatch',
  title: 'A binary for another CPU architecture was run (exec format error, QEMU crash)',
  patterns: [
    /exec format error/i,
    /cannot execute binary file/,
    /qemu(?:-[a-z0-9_]{1,20})?(?:-static)?: (?:uncaught target signal|Could not open|Unable to reserve|Could not)/,
    /does not match the detected host platform/,
    /no binfmt|binfmt_misc[^\n]{0,100}not/,
    /\/dev\/\.buildkit_qemu_emulator/,
  ],
  confidence: 0.92,
  adjust: (h) => (/detected host platform/.test(h.line.text) ? 0.5 : 0.92),
  summary: () =>
    'The build executed a binary built for a different CPU architecture (for example an arm64 binary or base image on an amd64 builder) without working emulation. Build for the builder\'s platform, cross-compile, or install QEMU binfmt handlers.',
  fixes: () => [
    fix.dockerfile('FROM --platform=$BUILDPLATFORM golang:1.24 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .', 'cross-compile Go on the build platform instead of emulating'),
    fix.command('docker run --privileged --rm tonistiigi/binfmt --install all', 'install QEMU emulators if you must run foreign binaries'),
    fix.flag('--platform linux/amd64', 'build for the architecture the binaries are for'),
  ],
});
