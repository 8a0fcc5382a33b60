#!/usr/bin/env bash
# Installs the Debian packages the test suites and benchmarks need. Idempotent; safe to rerun.
set -euo pipefail
PKGS=(docker.io containerd runc busybox-static git ca-certificates e2fsprogs iproute2 procps curl file)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
