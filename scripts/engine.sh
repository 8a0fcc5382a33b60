#!/usr/bin/env bash
# Private Docker engine for the slow (real-BuildKit) test suites.
#
#   scripts/engine.sh up        start dockerd (Debian docker.io 20.10, embedded BuildKit) with its
#                               own data/exec root and socket, wait until it answers, make the base
#                               images from local files, write .engine/env. Idempotent.
#   scripts/engine.sh down      stop dockerd (and standalone buildkitd) cleanly; keeps the image store
#   scripts/engine.sh status    print whether the engine answers (exit 0 if it does)
#   scripts/engine.sh images    (re)make the base images only (the engine must be up)
#   scripts/engine.sh buildkit  also start a standalone buildkitd (pinned release) + buildctl and a
#                               loopback registry mirroring the base images (STEVEDORE_BUILDKIT=1 up
#                               does the same)
#   scripts/engine.sh clean     down, then delete all engine state (images, build cache)
#
# No registry is reachable here, so base images (golang, alpine, debian, busybox, distroless) are
# made with `docker import` of rootfs trees built from this machine's files; see docs/engine.md for
# what differs from the real images. Every wait is bounded.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENGINE_DIR="${STEVEDORE_ENGINE_DIR:-$ROOT/.engine}"
DOCKER=/usr/bin/docker          # Debian's 20.10 client; /usr/local/bin/docker is a newer one without buildx
DOCKERD=/usr/sbin/dockerd
START_TIMEOUT="${STEVEDORE_ENGINE_TIMEOUT:-60}"    # seconds to wait for the daemon to answer
STOP_TIMEOUT=30
BUILDKIT_VERSION=v0.29.0       # pinned standalone BuildKit release (engine.sh buildkit)
REGISTRY_VERSION=v3.1.2        # distribution/distribution registry serving base images to buildkitd
REGISTRY_ADDR="${STEVEDORE_REGISTRY_ADDR:-127.0.0.1:5055}"
RECIPE=7                       # bump when the base-image recipe changes: forces a re-import

mkdir -p "$ENGINE_DIR"
ENGINE_DIR="$(cd "$ENGINE_DIR" && pwd)"

# Unix socket paths are limited to 108 bytes and containerd nests its socket under the exec root,
# so runtime state moves to a short /run path when the engine dir is deep.
if [ ${#ENGINE_DIR} -le 48 ]; then
  RUN_DIR="$ENGINE_DIR/run"
else
  RUN_DIR="/run/stevedore-engine-$(printf '%s' "$ENGINE_DIR" | sha256sum | cut -c1-12)"
fi
SOCK="$RUN_DIR/docker.sock"
PIDFILE="$RUN_DIR/dockerd.pid"
LOG="$ENGINE_DIR/dockerd.log"
ENVFILE="$ENGINE_DIR/env"
export DOCKER_HOST="unix://$SOCK"
export DOCKER_CONFIG="$ENGINE_DIR/docker-config"   # keep any user ~/.docker config (aliases, creds helpers) out
# Default bridge network for builds/runs without --network=host. No iptables here, so there is
# no NAT: containers reach the host only at the bridge address (like docker0's 172.17.0.1).
BRIDGE="${STEVEDORE_BRIDGE:-stvd0}"
BRIDGE_CIDR="${STEVEDORE_BRIDGE_CIDR:-172.31.250.1/24}"
BK_SOCK="$RUN_DIR/buildkitd.sock"
BK_PIDFILE="$RUN_DIR/buildkitd.pid"
BK_LOG="$ENGINE_DIR/buildkitd.log"

log() { printf 'engine: %s\n' "$*" >&2; }
die() { printf 'engine: error: %s\n' "$*" >&2; exit 1; }

answers() { timeout 10 "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Serialise up/down/clean between concurrent callers (several test runs may share the engine).
lock() {
  exec 9>"$ENGINE_DIR/lock"
  flock -w 120 9 || die "could not take $ENGINE_DIR/lock within 120s (another engine.sh running?)"
}

write_env() {
  local tmp="$ENVFILE.tmp"
  {
    echo "# written by scripts/engine.sh up; source it before running the slow suites"
    echo "export DOCKER_HOST=unix://$SOCK"
    echo "export STEVEDORE_DOCKER=$DOCKER"
    echo "export DOCKER_BUILDKIT=1"
    echo "export DOCKER_CONFIG=$DOCKER_CONFIG"
    echo "export STEVEDORE_ENGINE_DIR=$ENGINE_DIR"
    echo "export STEVEDORE_ENGINE=docker-20.10"
    if [ "$(cat "$RUN_DIR/bridge" 2>/dev/null)" = none ]; then
      echo "export STEVEDORE_BRIDGE_GATEWAY="
    else
      echo "export STEVEDORE_BRIDGE_GATEWAY=${BRIDGE_CIDR%/*}"
    fi
    if [ -S "$BK_SOCK" ] && pid_alive "$BK_PIDFILE"; then
      echo "export BUILDKIT_HOST=unix://$BK_SOCK"
      echo "export STEVEDORE_BUILDCTL=$BIN/buildctl"
      echo "export STEVEDORE_REGISTRY=$REGISTRY_ADDR"
    fi
  } >"$tmp"
  mv "$tmp" "$ENVFILE"
}

ensure_bridge() {
  [ "$BRIDGE" = none ] && return 1
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge 2>/dev/null || { log "cannot create bridge $BRIDGE; using --bridge=none"; return 1; }
  fi
  local addrs; addrs="$(ip -4 addr show dev "$BRIDGE" 2>/dev/null || true)"  # no `| grep -q`: SIGPIPE + pipefail
  [[ "$addrs" == *"inet $BRIDGE_CIDR "* ]] || ip addr add "$BRIDGE_CIDR" dev "$BRIDGE" 2>/dev/null || return 1
  ip link set "$BRIDGE" up
}

start_dockerd() {
  if pid_alive "$PIDFILE" && answers; then
    log "dockerd already running (pid $(cat "$PIDFILE"))"
    return 0
  fi
  if pid_alive "$PIDFILE"; then
    log "dockerd pid $(cat "$PIDFILE") alive but not answering yet; waiting"
  else
    [ -x "$DOCKERD" ] || bash "$ROOT/scripts/install-deps.sh"
    [ -x "$DOCKERD" ] || die "$DOCKERD missing after install-deps.sh"
    rm -f "$PIDFILE" "$SOCK"
    mkdir -p "$RUN_DIR" "$ENGINE_DIR/data" "$DOCKER_CONFIG"
    [ -f "$DOCKER_CONFIG/config.json" ] || echo '{}' >"$DOCKER_CONFIG/config.json"
    # No iptables in the sandbox (--iptables=false); our own bridge if the kernel lets us make one,
    # else --bridge=none (then RUN needs --network=host). overlay2 works on this ext4 root;
    # override with STEVEDORE_STORAGE_DRIVER.
    local extra=() bridge="$BRIDGE"
    ensure_bridge || bridge=none
    echo "$bridge" >"$RUN_DIR/bridge"
    [ -n "${STEVEDORE_STORAGE_DRIVER:-}" ] && extra+=(--storage-driver "$STEVEDORE_STORAGE_DRIVER")
    echo "---- $(date -u +%FT%TZ) engine.sh up" >>"$LOG"
    setsid "$DOCKERD" \
      --iptables=false --ip6tables=false --bridge="$bridge" \
      --data-root "$ENGINE_DIR/data" --exec-root "$RUN_DIR/exec" \
      --pidfile "$PIDFILE" --host "unix://$SOCK" \
      "${extra[@]}" </dev/null >>"$LOG" 2>&1 9>&- &
    log "started dockerd (pid $!), waiting up to ${START_TIMEOUT}s"
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers; do
    if [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd did not answer on $SOCK within ${START_TIMEOUT}s (log: $LOG)"
    fi
    if ! pid_alive "$PIDFILE" && ! pgrep -f -- "--host unix://$SOCK" >/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      die "dockerd exited during start (log: $LOG)"
    fi
    sleep 0.3
  done
}

stop_pidfile() { # $1 pidfile, $2 name
  pid_alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid="$(cat "$1")"
  kill -TERM "$pid"
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      log "$2 (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$1"
  log "$2 stopped"
}

cmd_up() {
  lock
  local t0=$SECONDS
  start_dockerd
  # shellcheck source=scripts/make-base-images.sh
  source "$ROOT/scripts/make-base-images.sh"
  make_base_images
  # STEVEDORE_BUILDKIT=1: bring the standalone buildkitd up as well (see cmd_buildkit).
  if [ "${STEVEDORE_BUILDKIT:-}" = 1 ]; then
    build_go_tools
    start_registry
    push_base_images
    start_buildkitd
  fi
  write_env
  log "up in $((SECONDS - t0))s; DOCKER_HOST=unix://$SOCK (env: $ENVFILE)"
}

cmd_down() {
  lock
  stop_pidfile "$BK_PIDFILE" buildkitd
  stop_pidfile "$REG_PIDFILE" registry
  stop_pidfile "$PIDFILE" dockerd
  rm -f "$ENVFILE"
}

cmd_status() {
  if answers; then
    echo "engine: up ($(timeout 10 "$DOCKER" version --format '{{.Server.Version}}')) DOCKER_HOST=unix://$SOCK"
    if [ -S "$BK_SOCK" ] && pid_alive "$BK_PIDFILE"; then echo "buildkitd: up BUILDKIT_HOST=unix://$BK_SOCK"; fi
    return 0
  fi
  echo "engine: down"
  return 1
}

cmd_images() {
  answers || die "engine is not up (run scripts/engine.sh up)"
  # shellcheck source=scripts/make-base-images.sh
  source "$ROOT/scripts/make-base-images.sh"
  FORCE_IMAGES="${1:-}" make_base_images
}

cmd_clean() {
  cmd_down
  # dockerd leaves its netns bind mount (and overlay mounts after a crash) behind.
  local m
  awk -v a="$RUN_DIR" -v b="$ENGINE_DIR" 'index($2, a) == 1 || index($2, b) == 1 {print $2}' /proc/mounts | sort -r |
    while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$ENGINE_DIR/data" "$ENGINE_DIR/rootfs" "$RUN_DIR" "$ENGINE_DIR/buildkit" "$ENGINE_DIR/registry"
  if [ "$BRIDGE" != none ]; then ip link del "$BRIDGE" 2>/dev/null || true; fi
  log "engine state removed"
}

# ---- standalone BuildKit ----------------------------------------------------------------------
# buildkitd cannot see dockerd's image store, so a local registry (distribution) on loopback holds
# copies of the base images and buildkitd.toml makes it the mirror of docker.io and gcr.io:
# `FROM golang:1.26` then resolves as it would online.
# Tools built from source live outside the clone (keyed by version files), so a fresh CI clone
# on the same machine does not rebuild them.
BIN="${STEVEDORE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stevedore/tools}"
mkdir -p "$BIN"
REG_PIDFILE="$RUN_DIR/registry.pid"

build_go_tools() {
  mkdir -p "$BIN"
  if [ ! -x "$BIN/buildkitd" ] || [ ! -x "$BIN/buildctl" ] || [ "$(cat "$BIN/.buildkit-version" 2>/dev/null)" != "$BUILDKIT_VERSION" ]; then
    log "building buildkitd/buildctl $BUILDKIT_VERSION from the Go module proxy (several minutes)"
    # `go install ...@version` refuses buildkit (its go.mod has exclude directives), so build
    # from a writable copy of the module as the main module.
    local src
    src="$(GOFLAGS=-mod=mod go mod download -json "github.com/moby/buildkit@$BUILDKIT_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -d "$src" ] || die "could not download github.com/moby/buildkit@$BUILDKIT_VERSION"
    rm -rf "$ENGINE_DIR/buildkit-src" && cp -r "$src" "$ENGINE_DIR/buildkit-src" && chmod -R u+w "$ENGINE_DIR/buildkit-src"
    (cd "$ENGINE_DIR/buildkit-src" && GOFLAGS=-mod=mod GOTOOLCHAIN=local timeout 3600 go build -ldflags "-X github.com/moby/buildkit/version.Version=$BUILDKIT_VERSION" -o "$BIN/" ./cmd/buildkitd ./cmd/buildctl) ||
      die "building buildkit failed"
    echo "$BUILDKIT_VERSION" >"$BIN/.buildkit-version"
  fi
  if [ ! -x "$BIN/registry" ] || [ "$(cat "$BIN/.registry-version" 2>/dev/null)" != "$REGISTRY_VERSION" ]; then
    log "building registry $REGISTRY_VERSION from the Go module proxy"
    GOBIN="$BIN" GOFLAGS=-mod=mod GOTOOLCHAIN=local timeout 3600 \
      go install "github.com/distribution/distribution/v3/cmd/registry@$REGISTRY_VERSION" || die "building registry failed"
    echo "$REGISTRY_VERSION" >"$BIN/.registry-version"
  fi
}

wait_for() { # $1 seconds, $2 description, rest: command that succeeds when ready
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && die "$what did not come up within $deadline s"
    sleep 0.3
  done
}

registry_answers() { curl -fsS -m 5 "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; }

start_registry() {
  if pid_alive "$REG_PIDFILE" && registry_answers; then return 0; fi
  mkdir -p "$ENGINE_DIR/registry"
  printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n' \
    "$ENGINE_DIR/registry" "$REGISTRY_ADDR" >"$ENGINE_DIR/registry.yml"
  setsid "$BIN/registry" serve "$ENGINE_DIR/registry.yml" </dev/null >>"$ENGINE_DIR/registry.log" 2>&1 9>&- &
  echo $! >"$REG_PIDFILE"
  wait_for 30 "registry on $REGISTRY_ADDR" registry_answers
}

# Pushes each base image once per image id (dockerd treats 127.0.0.0/8 registries as insecure).
push_base_images() {
  local img dst id stamp="$ENGINE_DIR/registry/.pushed"
  touch "$stamp"
  for img in golang:1.26 golang:1.26-alpine golang:1.26-bookworm golang:1.21 alpine:3.20 alpine:latest \
    debian:bookworm-slim busybox:latest gcr.io/distroless/static-debian12:nonroot \
    gcr.io/distroless/static-debian12:latest; do
    "$DOCKER" image inspect "$img" >/dev/null 2>&1 || continue
    case "$img" in
      gcr.io/*) dst="$REGISTRY_ADDR/${img#gcr.io/}" ;;
      *) dst="$REGISTRY_ADDR/library/$img" ;;
    esac
    id="$("$DOCKER" image inspect --format '{{.Id}}' "$img")"
    grep -qxF "$dst $id" "$stamp" && continue
    "$DOCKER" tag "$img" "$dst"
    timeout 600 "$DOCKER" push "$dst" >/dev/null || die "pushing $dst failed"
    "$DOCKER" rmi "$dst" >/dev/null
    echo "$dst $id" >>"$stamp"
    log "pushed $img to the local registry"
  done
}

buildctl_answers() { timeout 10 "$BIN/buildctl" --addr "unix://$BK_SOCK" debug workers >/dev/null 2>&1; }

start_buildkitd() {
  if pid_alive "$BK_PIDFILE" && buildctl_answers; then
    log "buildkitd already running (pid $(cat "$BK_PIDFILE"))"
    return 0
  fi
  mkdir -p "$ENGINE_DIR/buildkit"
  cat >"$ENGINE_DIR/buildkitd.toml" <<TOML
root = "$ENGINE_DIR/buildkit"
[grpc]
  address = ["unix://$BK_SOCK"]
[worker.oci]
  enabled = true
  snapshotter = "overlayfs"
  binary = "/usr/sbin/runc"
[worker.containerd]
  enabled = false
[registry."docker.io"]
  mirrors = ["$REGISTRY_ADDR"]
[registry."gcr.io"]
  mirrors = ["$REGISTRY_ADDR"]
[registry."$REGISTRY_ADDR"]
  http = true
  insecure = true
TOML
  rm -f "$BK_SOCK"
  echo "---- $(date -u +%FT%TZ) engine.sh buildkit" >>"$BK_LOG"
  # Host networking for RUN steps: the bridge here has no NAT, and no CNI is set up.
  setsid "$BIN/buildkitd" --config "$ENGINE_DIR/buildkitd.toml" --oci-worker-net=host \
    </dev/null >>"$BK_LOG" 2>&1 9>&- &
  echo $! >"$BK_PIDFILE"
  wait_for "$START_TIMEOUT" "buildkitd (log: $BK_LOG)" buildctl_answers
  log "buildkitd $BUILDKIT_VERSION up at unix://$BK_SOCK"
}

cmd_buildkit() {
  lock
  answers || start_dockerd
  command -v go >/dev/null || die "go is needed to build buildkitd"
  build_go_tools
  start_registry
  push_base_images
  start_buildkitd
  write_env
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  images) cmd_images "${2:-}" ;;
  buildkit) cmd_buildkit ;;
  clean) cmd_clean ;;
  *) echo "usage: scripts/engine.sh up|down|status|images [--force]|buildkit|clean" >&2; exit 2 ;;
esac
