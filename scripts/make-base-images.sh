#!/usr/bin/env bash
# Makes the base images the examples and slow tests build FROM, with `docker import` of rootfs
# trees assembled from this machine's files, because no registry is reachable here. Tags mimic
# the real images (golang:1.26, alpine:3.20, gcr.io/distroless/static-debian12:nonroot, ...);
# docs/engine.md lists how each differs from the real one.
#
# Sourced by scripts/engine.sh (function make_base_images) or run directly against a running
# engine: `source .engine/env && bash scripts/make-base-images.sh [--force]`.
# Each image carries the label org.stevedore.source-digest (hash of recipe + inputs); an image
# whose label matches is not imported again, so a warm `engine.sh up` costs a few inspects.
set -euo pipefail

: "${DOCKER:=/usr/bin/docker}"
: "${RECIPE:=7}"
: "${ENGINE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.engine}"
BUSYBOX_BIN="${STEVEDORE_BUSYBOX:-/bin/busybox}"
DIGEST_LABEL=org.stevedore.source-digest

# Real images' PATH values (golang sets GOPATH/bin and GOROOT/bin first).
STD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
GO_PATH_ENV=/go/bin:/usr/local/go/bin:$STD_PATH

mbi_log() { printf 'images: %s\n' "$*" >&2; }

# Current label of an image, empty when the image does not exist.
image_digest() {
  "$DOCKER" image inspect --format "{{ index .Config.Labels \"$DIGEST_LABEL\" }}" "$1" 2>/dev/null || true
}

# Common /etc files, /tmp and /root for a rootfs at $1. $2: "busybox" to install busybox + applets.
skeleton() {
  local r="$1"
  mkdir -p "$r"/{etc,tmp,root,home,var/tmp,usr/local/bin,usr/share} "$r/etc/ssl"
  chmod 1777 "$r/tmp" "$r/var/tmp"
  chmod 700 "$r/root"
  cat >"$r/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
  cat >"$r/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
nonroot:x:65532:
EOF
  mkdir -p "$r/home/nonroot" && chown 65532:65532 "$r/home/nonroot" && chmod 700 "$r/home/nonroot"
  echo 'hosts: files dns' >"$r/etc/nsswitch.conf"
  if [ -d /etc/ssl/certs ]; then
    mkdir -p "$r/etc/ssl/certs"
    [ -f /etc/ssl/certs/ca-certificates.crt ] && cp /etc/ssl/certs/ca-certificates.crt "$r/etc/ssl/certs/"
  fi
  [ -d /usr/share/zoneinfo ] && cp -a /usr/share/zoneinfo "$r/usr/share/zoneinfo"
  if [ "${2:-}" = busybox ]; then
    mkdir -p "$r/bin" "$r/sbin" "$r/usr/bin" "$r/usr/sbin"
    cp "$BUSYBOX_BIN" "$r/bin/busybox"
    # --install -s makes absolute symlinks to /bin/busybox for every applet (sh, ls, wget, ...).
    chroot "$r" /bin/busybox --install -s
  fi
}

# Package managers in an offline image: fail the way the real ones fail with no network,
# instead of "not found", so diagnose fixtures look like real offline builds.
offline_pkg_tools() { # $1 rootfs, $2 apk|apt
  local r="$1"
  if [ "$2" = apk ]; then
    mkdir -p "$r/sbin" "$r/etc/apk"
    echo 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main' >"$r/etc/apk/repositories"
    cat >"$r/sbin/apk" <<'EOF'
#!/bin/sh
# Stand-in for apk in a stevedore test image: no registry/mirror is reachable here, so it
# fails like the real apk does offline (fetch errors, exit 1). See docs/engine.md.
case "$1" in
  --version|-V) echo "apk-tools 2.14.4, compiled for x86_64."; exit 0 ;;
esac
echo "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz"
echo "WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.20/main: temporary error (try again later)" >&2
shift
for a in "$@"; do case "$a" in -*) ;; *) echo "ERROR: unable to select packages:" >&2; echo "  $a (no such package):" >&2; echo "    required by: world[$a]" >&2 ;; esac; done
exit 1
EOF
    chmod 755 "$r/sbin/apk"
  else
    mkdir -p "$r/usr/bin"
    cat >"$r/usr/bin/apt-get" <<'EOF'
#!/bin/sh
# Stand-in for apt-get in a stevedore test image: no mirror is reachable here, so it fails like
# the real apt-get does offline. See docs/engine.md.
case "$1" in
  update) echo "Err:1 http://deb.debian.org/debian bookworm InRelease" >&2
          echo "  Temporary failure resolving 'deb.debian.org'" >&2
          echo "W: Some index files failed to download. They have been ignored, or old ones used instead." >&2; exit 0 ;;
  install) for a in "$@"; do case "$a" in -*|install) ;; *) echo "E: Unable to locate package $a" >&2 ;; esac; done; exit 100 ;;
  *) exit 0 ;;
esac
EOF
    chmod 755 "$r/usr/bin/apt-get"
    mkdir -p "$r/etc/apt" && echo 'deb http://deb.debian.org/debian bookworm main' >"$r/etc/apt/sources.list"
  fi
}

# import_image <primary tag> <digest> <rootfs dir> <tar extra args...> -- <--change ...>
# Streams the rootfs (plus extra tar args, e.g. the Go toolchain) into `docker import`.
import_image() {
  local tag="$1" digest="$2" rootfs="$3"; shift 3
  local tarargs=() changes=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do tarargs+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  changes=("$@")
  local t0=$SECONDS
  tar --numeric-owner -C "$rootfs" -c . "${tarargs[@]}" |
    "$DOCKER" import "${changes[@]}" --change "LABEL $DIGEST_LABEL=$digest" - "$tag" >/dev/null
  mbi_log "imported $tag in $((SECONDS - t0))s"
}

# ensure_image <digest> <builder function> <tag> [alias tags...]
ensure_image() {
  local digest="$1" builder="$2" tag="$3"; shift 3
  if [ -z "${FORCE_IMAGES:-}" ] && [ "$(image_digest "$tag")" = "$digest" ]; then
    :
  else
    "$builder" "$tag" "$digest"
  fi
  local alias
  for alias in "$@"; do
    if [ "$(image_digest "$alias")" != "$digest" ] || [ -n "${FORCE_IMAGES:-}" ]; then
      "$DOCKER" tag "$tag" "$alias"
    fi
  done
}

stage_dir() { local d="$ENGINE_DIR/rootfs/$1"; rm -rf "$d"; mkdir -p "$d"; printf '%s' "$d"; }

build_busybox_like() { # $1 tag, $2 digest, $3 flavour alpine|debian|busybox
  local r; r="$(stage_dir "$3")"
  skeleton "$r" busybox
  case "$3" in
    alpine)
      echo '3.20.3' >"$r/etc/alpine-release"
      printf 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20 (stevedore busybox rootfs)"\n' >"$r/etc/os-release"
      offline_pkg_tools "$r" apk ;;
    debian)
      echo '12.8' >"$r/etc/debian_version"
      printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm) (stevedore busybox rootfs)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n' >"$r/etc/os-release"
      offline_pkg_tools "$r" apt ;;
  esac
  import_image "$1" "$2" "$r" -- --change "ENV PATH=$STD_PATH" --change 'CMD ["/bin/sh"]'
  rm -rf "$r"
}
build_alpine() { build_busybox_like "$1" "$2" alpine; }
build_debian() { build_busybox_like "$1" "$2" debian; }
build_busybox() { build_busybox_like "$1" "$2" busybox; }

build_distroless() { # $1 tag, $2 digest; $DISTROLESS_USER 0 or 65532
  local r; r="$(stage_dir distroless)"
  skeleton "$r"           # no shell, no busybox: RUN fails there, as in the real image
  rm -rf "$r/usr/local/bin" "$r/root" && mkdir -p "$r/root" && chmod 700 "$r/root"
  printf 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n' >"$r/etc/os-release"
  local workdir=/
  [ "$DISTROLESS_USER" = 65532 ] && workdir=/home/nonroot
  import_image "$1" "$2" "$r" -- \
    --change "ENV PATH=$STD_PATH" --change "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt" \
    --change "USER $DISTROLESS_USER" --change "WORKDIR $workdir"
  rm -rf "$r"
}
build_distroless_root() { DISTROLESS_USER=0 build_distroless "$@"; }
build_distroless_nonroot() { DISTROLESS_USER=65532 build_distroless "$@"; }

# GOROOT parts a build never needs (tests, API lists, docs, testdata) stay out: ~60 MB less to import.
build_golang() { # $1 tag, $2 digest; $GO_SRC_ROOT (a GOROOT), $GO_IMAGE_VERSION (e.g. 1.26.8)
  local r; r="$(stage_dir "golang-$GO_IMAGE_VERSION")"
  skeleton "$r" busybox
  mkdir -p "$r/go/src" "$r/go/bin"
  chmod -R 1777 "$r/go"
  printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm) (stevedore busybox rootfs + Go)"\nID=debian\nVERSION_ID="12"\n' >"$r/etc/os-release"
  offline_pkg_tools "$r" apt
  local parent base re
  parent="$(dirname "$GO_SRC_ROOT")"; base="$(basename "$GO_SRC_ROOT")"
  re="$(printf '%s' "$base" | sed 's/[.[\*^$]/\\&/g')"
  local t0=$SECONDS
  # The toolchain goes straight from GOROOT into the tar stream (no 200 MB copy to a stage dir);
  # --transform renames <base>/... to ./usr/local/go/... (stage entries start with ./ and don't match).
  tar --numeric-owner -c -C "$r" . \
      --transform "s,^$re\(/\|\$\),./usr/local/go\1,S" -C "$parent" \
      --anchored --exclude="$base/test" --exclude="$base/api" --exclude="$base/doc" \
      --exclude="$base/misc" --exclude="$base/pkg/obj" --no-anchored --exclude=testdata "$base" |
    "$DOCKER" import \
      --change "ENV PATH=$GO_PATH_ENV" --change "ENV GOLANG_VERSION=$GO_IMAGE_VERSION" \
      --change "ENV GOTOOLCHAIN=local" --change "ENV GOPATH=/go" --change "WORKDIR /go" \
      --change 'CMD ["/bin/sh"]' --change "LABEL $DIGEST_LABEL=$2" - "$1" >/dev/null
  mbi_log "imported $1 in $((SECONDS - t0))s"
  rm -rf "$r"
}

# A real older toolchain for version-mismatch tests: fetched as the Go module
# golang.org/toolchain (what GOTOOLCHAIN=go1.21.13 downloads) through the Go module proxy.
OLD_GO=1.21.13
old_goroot() {
  local modcache; modcache="$(go env GOMODCACHE)"
  local dir="$modcache/golang.org/toolchain@v0.0.1-go$OLD_GO.linux-amd64"
  if [ ! -x "$dir/bin/go" ] && [ "${STEVEDORE_OLD_GO:-1}" = 1 ]; then
    mbi_log "fetching go$OLD_GO toolchain module via the Go module proxy (once)"
    timeout 300 env GOTOOLCHAIN="go$OLD_GO" GOFLAGS= go version >/dev/null 2>&1 || true
  fi
  [ -x "$dir/bin/go" ] && printf '%s' "$dir"
}

recipe_digest() { # $1 image kind, rest: extra inputs
  { echo "recipe=$RECIPE kind=$1"; shift; printf '%s\n' "$@"; sha256sum "$BUSYBOX_BIN" | cut -c1-64; } | sha256sum | cut -c1-32
}

make_base_images() {
  command -v go >/dev/null || die "go is not on PATH (needed for the golang images)"
  local bbhelp; bbhelp="$("$BUSYBOX_BIN" --help 2>&1 || true)"
  [[ "$bbhelp" == BusyBox* ]] || die "$BUSYBOX_BIN is not busybox (apt-get install busybox-static)"
  [[ "$(file -L "$BUSYBOX_BIN" 2>/dev/null)" == *"statically linked"* ]] || die "$BUSYBOX_BIN is not statically linked (install busybox-static)"
  mkdir -p "$ENGINE_DIR/rootfs"
  local t0=$SECONDS d
  d="$(recipe_digest busybox)"
  ensure_image "$d" build_busybox busybox:latest busybox:1.36 busybox:musl
  d="$(recipe_digest alpine)"
  ensure_image "$d" build_alpine alpine:3.20 alpine:latest alpine:3.19 alpine:3
  d="$(recipe_digest debian)"
  ensure_image "$d" build_debian debian:bookworm-slim debian:bookworm debian:12-slim debian:12
  d="$(recipe_digest distroless 0)"
  ensure_image "$d" build_distroless_root gcr.io/distroless/static-debian12:latest gcr.io/distroless/static:latest
  d="$(recipe_digest distroless 65532)"
  ensure_image "$d" build_distroless_nonroot gcr.io/distroless/static-debian12:nonroot gcr.io/distroless/static:nonroot

  local goroot gov gominor
  goroot="$(go env GOROOT)"
  gov="$("$goroot/bin/go" env GOVERSION)"; gov="${gov#go}"; gov="${gov%% *}"
  gominor="$(printf '%s' "$gov" | cut -d. -f1,2)"
  d="$(recipe_digest golang "$goroot" "$gov" "$(stat -c %Y "$goroot/VERSION" 2>/dev/null || echo 0)")"
  GO_SRC_ROOT="$goroot" GO_IMAGE_VERSION="$gov" ensure_image "$d" build_golang "golang:$gov" \
    "golang:$gominor" "golang:$gominor-bookworm" "golang:$gominor-alpine" "golang:$gov-bookworm" \
    "golang:$gov-alpine" "golang:$gominor-alpine3.20" "golang:1" "golang:latest"
  local old
  if old="$(old_goroot)"; then
    d="$(recipe_digest golang "$old" "$OLD_GO")"
    GO_SRC_ROOT="$old" GO_IMAGE_VERSION="$OLD_GO" ensure_image "$d" build_golang "golang:$OLD_GO" \
      golang:1.21 golang:1.21-bookworm golang:1.21-alpine
  else
    mbi_log "go$OLD_GO toolchain unavailable; golang:1.21 not made"
  fi
  mbi_log "base images ready in $((SECONDS - t0))s"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  die() { printf 'images: error: %s\n' "$*" >&2; exit 1; }
  [ "${1:-}" = --force ] && FORCE_IMAGES=1
  make_base_images
fi
