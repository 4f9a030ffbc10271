#!/usr/bin/env bash
# Provision the real Docker test environment ml-image-action's tests run against:
# Docker engine, buildx, QEMU arm64 emulation, a registry on 127.0.0.1:5000, local base images, a
# local package index on 127.0.0.1:5001 (the bundled example's requirement), cosign with a test
# signing key pair, pyspdxtools (the SPDX project's validator, for the SPDX SBOM's tests), and a
# second engine on the containerd image store (dockerd 26, its own socket, for the attested pushes).
#
# Idempotent: every step first checks whether its result is already there. A second run changes
# nothing and says so. Needs root on Debian/Ubuntu (exit 3 otherwise: an environment problem).
#
#   sudo scripts/test-env.sh            provision, then write the image references to the env file
#   scripts/test-env.sh --print-env     print the env file path and contents (no changes)
#   sudo scripts/test-env.sh --stop-containerd-engine
#                                       stop the second engine, unmount what it left, delete its
#                                       bridge (its images stay in the state dir for the next start)
#
# Settings (environment):
#   ML_IMAGE_TEST_STATE   state dir: rootfs caches, registry storage, daemon logs
#                         (default /var/lib/ml-image-test; it outlives clones so CI reuses images)
#   ML_IMAGE_TEST_ENV     env file written for the tests (default <repo>/.test-env/images.env)
#   ML_IMAGE_TEST_MIRROR  Debian mirror (default: the first one in this machine's apt sources)
#   ML_IMAGE_TEST_NS      where the base images go (default localhost:5000/ml-image-test; must be
#                         under localhost:5000/); bench/test-env.sh builds a private one from scratch
#   ML_IMAGE_TEST_INDEX_PORT  port of the local package index on 127.0.0.1 (default 5001)
#   ML_IMAGE_TEST_CONTAINERD_BRIDGE  the second engine's bridge (default mlit-c8d0)
#   ML_IMAGE_TEST_CONTAINERD_CIDR    its address and subnet (default 10.213.47.1/24)
set -Eeuo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${ML_IMAGE_TEST_STATE:-/var/lib/ml-image-test}
ENV_FILE=${ML_IMAGE_TEST_ENV:-$REPO_ROOT/.test-env/images.env}
REGISTRY_ADDR=127.0.0.1:5000
REGISTRY=localhost:5000
NS=${ML_IMAGE_TEST_NS:-$REGISTRY/ml-image-test}
SUITE=bookworm
BUILDX_SUITE=trixie # Debian 12 has no docker-buildx package; Debian 13's is a plain Go binary.

CHANGED=0
T0=$(date +%s)

log() { printf '[test-env] %s\n' "$*" >&2; }
die() { # die CODE MESSAGE
  local code=$1; shift
  printf '[test-env] error: %s\n' "$*" >&2
  exit "$code"
}
die_log() { # die_log CODE LOG MESSAGE: dies with the end of LOG (the failing step's own log)
  local code=$1 file=$2; shift 2
  if [[ -s $file ]]; then
    printf '[test-env] last lines of %s:\n' "$file" >&2
    tail -n 50 "$file" | sed 's/^/  | /' >&2
  fi
  die "$code" "$* (log: $file)"
}
changed() { CHANGED=1; }
phase_start() { PHASE_NAME=$1; PHASE_T=$(date +%s); }
phase_end() { log "phase ${PHASE_NAME}: $(($(date +%s) - PHASE_T))s"; }
trap 'die 1 "failed at line $LINENO: $BASH_COMMAND (see logs in $STATE/logs)"' ERR

if [[ ${1:-} == --print-env ]]; then
  [[ -f $ENV_FILE ]] || die 3 "no env file at $ENV_FILE: run scripts/test-env.sh as root first"
  echo "# $ENV_FILE"; cat "$ENV_FILE"; exit 0
fi
if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0
fi

# --- the second engine's settings and helpers (its phase is engine2, after the images) -------------
# dockerd 26 from Debian 13's docker.io, on the containerd image store, beside the main dockerd: its
# own socket, data-root, exec-root, pid file, managed containerd, cgroup parent and bridge, so it never
# changes what `docker` means (the tests reach it only through DOCKER_HOST=$E2_HOST).
E2_DIR=$STATE/engine-containerd
E2_SOCK=$E2_DIR/docker.sock
E2_HOST=unix://$E2_SOCK
E2_BIN=$E2_DIR/bin
E2_LOG=$STATE/logs/engine-containerd.log
E2_BRIDGE=${ML_IMAGE_TEST_CONTAINERD_BRIDGE:-mlit-c8d0}
E2_CIDR=${ML_IMAGE_TEST_CONTAINERD_CIDR:-10.213.47.1/24}
E2_NAME=ml-image-test-$E2_BRIDGE # its cgroup parent and containerd namespace: one per engine, as its bridge
e2docker() { docker -H "$E2_HOST" "$@"; }
e2_up() { curl -fs -o /dev/null --max-time 2 --unix-socket "$E2_SOCK" http://engine/_ping; }
e2_alive() { # e2_alive PID: running and not a zombie (a setsid daemon is reaped by init, maybe late)
  local st; st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null || true)
  [[ -n $st && $st != Z ]]
}
e2_pid() { # the pid of this state dir's dockerd (its pid file, checked against /proc), or nothing
  local pid cmd
  pid=$(cat "$E2_DIR/docker.pid" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)
  [[ $cmd == *dockerd*"--data-root=$E2_DIR/data"* ]] && e2_alive "$pid" && echo "$pid"
  return 0
}
e2_unmount() { # what a stopped engine leaves mounted under its dir (its netns bind mount), deepest first
  local m
  for m in $(awk -v d="$E2_DIR/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}
e2_stop() { # stops this state dir's dockerd (TERM, then KILL after 30 s) and its managed containerd
  local pid cpid
  pid=$(e2_pid)
  cpid=$(cat "$E2_DIR/exec/containerd/containerd.pid" 2>/dev/null || true)
  if [[ -n $pid ]]; then
    log "stopping the containerd-store engine (dockerd pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do e2_alive "$pid" || break; sleep 0.5; done
    e2_alive "$pid" && { log "  dockerd $pid did not stop within 30s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  # Its containerd ends with it; one left over (dockerd killed) is stopped by its own pid file.
  if [[ $cpid =~ ^[0-9]+$ ]] && e2_alive "$cpid" &&
    [[ $(tr '\0' ' ' 2>/dev/null <"/proc/$cpid/cmdline" || true) == containerd*"$E2_DIR/exec/"* ]]; then
    for _ in $(seq 1 20); do e2_alive "$cpid" || break; sleep 0.5; done
    e2_alive "$cpid" && kill -KILL "$cpid" 2>/dev/null || true
  fi
  rm -f "$E2_DIR/docker.pid" "$E2_DIR/exec/containerd/containerd.pid" "$E2_SOCK"
  e2_unmount
  # Its cgroup parent (v1: one per controller; v2: one) and BuildKit's under it, empty once its
  # containers are gone: children first.
  local cg
  for cg in $(find /sys/fs/cgroup -maxdepth 2 -type d -name "$E2_NAME" 2>/dev/null || true); do
    find "$cg" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

# --- preconditions -------------------------------------------------------------------------------
[[ $NS == "$REGISTRY"/* && ${NS#"$REGISTRY"/} =~ ^[a-z0-9][a-z0-9._/-]*$ ]] ||
  die 2 "ML_IMAGE_TEST_NS='$NS': must be a repository prefix under $REGISTRY/ in lower case, without a tag"
[[ $(id -u) -eq 0 ]] || die 3 "must run as root (it installs packages and starts dockerd): sudo $0"
if [[ ${1:-} == --stop-containerd-engine ]]; then
  # The bridge to delete is the one its config names (a bench run's engine has its own).
  e2_bridge=$(grep -o '"bridge": *"[^"]*"' "$E2_DIR/daemon.json" 2>/dev/null | cut -d'"' -f4 || true)
  e2_stop
  if [[ -n $e2_bridge ]] && ip link show dev "$e2_bridge" >/dev/null 2>&1; then
    ip link delete dev "$e2_bridge" && log "deleted the bridge $e2_bridge"
  fi
  log "the containerd-store engine of $STATE is stopped (its images stay in $E2_DIR/data)"
  exit 0
fi
[[ -r /etc/os-release ]] || die 3 "not a Debian/Ubuntu system (no /etc/os-release); install Docker, buildx, QEMU binfmt and a registry on 127.0.0.1:5000 by hand"
# shellcheck disable=SC1091
OS_ID=$(. /etc/os-release; echo "${ID:-} ${ID_LIKE:-}")
[[ $OS_ID == *debian* || $OS_ID == *ubuntu* ]] || die 3 "unsupported OS '$OS_ID': this script needs Debian or Ubuntu (apt)"
ARCH=$(dpkg --print-architecture)
[[ $ARCH == amd64 ]] || die 3 "host architecture is $ARCH: the test environment expects an amd64 host that emulates arm64"
mkdir -p "$STATE"/{logs,rootfs,registry,apt}

# The mirror this machine already uses (deb822 .sources or one-line .list), so we never add one.
detect_mirror() {
  if [[ -n ${ML_IMAGE_TEST_MIRROR:-} ]]; then echo "$ML_IMAGE_TEST_MIRROR"; return; fi
  local m
  m=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
  [[ -n $m ]] || m=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' | grep -v security | head -n1 || true)
  echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=$(detect_mirror)
[[ $OS_ID == *ubuntu* ]] && DEBIAN_MIRROR=http://deb.debian.org/debian || DEBIAN_MIRROR=$MIRROR

# --- packages from the distribution ----------------------------------------------------------------
phase_start packages
# mmdebstrap (+ arch-test for the foreign arm64 root) builds the base images' root file systems.
# curl: registry_up / in_registry / index_up ask the local registry and index over HTTP.
# iproute2: the containerd-store engine's bridge (ip link/addr).
PKGS=(docker.io qemu-user-static binfmt-support docker-registry mmdebstrap arch-test busybox-static curl iproute2)
missing=()
for p in "${PKGS[@]}"; do
  # An engine installed another way (docker-ce, moby on GitHub's runners) is kept: docker.io would conflict.
  [[ $p == docker.io ]] && command -v dockerd >/dev/null && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$STATE/logs/apt-update.log" 2>&1 || die 3 "apt-get update failed: see $STATE/logs/apt-update.log"
  # policy-rc.d 101: packages must not try to start services (no init system here; we start them).
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE/logs/apt-install.log" 2>&1; then
    rm -f /usr/sbin/policy-rc.d
    die 3 "apt-get install ${missing[*]} failed: see $STATE/logs/apt-install.log"
  fi
  rm -f /usr/sbin/policy-rc.d
  changed
fi
phase_end

# --- QEMU binfmt (arm64 emulation) -------------------------------------------------------------------
phase_start binfmt
if [[ ! -e /proc/sys/fs/binfmt_misc/register ]]; then
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc ||
    die 3 "cannot mount binfmt_misc: the container/VM must allow it (e.g. docker run --privileged)"
  changed
fi
if [[ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]]; then
  log "registering qemu-aarch64 with binfmt_misc"
  update-binfmts --import qemu-aarch64 >/dev/null 2>&1 || true
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
  [[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || die 3 "qemu-aarch64 is not registered in binfmt_misc"
  changed
fi
grep -q '^flags: .*F' /proc/sys/fs/binfmt_misc/qemu-aarch64 ||
  die 3 "qemu-aarch64 binfmt handler lacks the F (fix binary) flag: containers cannot use it"
phase_end

# --- root file systems, started early ------------------------------------------------------------------
# A minimal Debian (mmdebstrap --variant=apt: Essential + apt) with python3 + pip for ARCH, as a
# tarball cached in $STATE/rootfs under a name keyed by everything that decides its contents (suite,
# architecture, package list, options), so a changed list builds a new one and an unchanged one is
# reused by later clones. The .debs are kept per architecture in $STATE/apt/debs-* for the next build.
# No man pages, info, locales or docs (copyright files stay): smaller, and less to unpack under QEMU.
PY_INCLUDE=python3,python3-pip,python-is-python3,ca-certificates
ROOTFS_RECIPE=mmdebstrap-1 # bump when a change below alters the contents in a way the key cannot see
MM_OPTS=(--mode=root --variant=apt --format=tar --skip=download/empty --skip=essential/unlink
  --dpkgopt=force-unsafe-io --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/locale/*'
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright')
rootfs_tar() { # rootfs_tar NAME ARCH INCLUDE -> the cache file's path (keyed by the recipe)
  local key
  key=$(printf '%s\n' "$ROOTFS_RECIPE" "$SUITE" "$2" "$3" "${MM_OPTS[@]}" | sha256sum | cut -c1-12)
  echo "$STATE/rootfs/$1-$SUITE-$2-$key.tar"
}

python_rootfs() { # python_rootfs ARCH -> path of tar
  local arch=$1 tar; tar=$(rootfs_tar python "$1" "$PY_INCLUDE")
  if [[ ! -s $tar ]]; then
    local debs="$STATE/apt/debs-$SUITE-$arch" t=$SECONDS
    mkdir -p "$debs"
    log "mmdebstrap $SUITE/$arch with python3 + pip (amd64 ~1 min, arm64 under QEMU ~3 min)"
    # Behave like python:3.x-slim: pip may install into the system environment (no PEP 668
    # marker); mmdebstrap's own dpkg settings do not stay in the image; no apt lists or caches
    # (mmdebstrap's cleanup).
    mmdebstrap "${MM_OPTS[@]}" --arch="$arch" --include="$PY_INCLUDE" \
      --setup-hook='mkdir -p "$1"/var/cache/apt/archives' \
      --setup-hook="sync-in $debs /var/cache/apt/archives/" \
      --customize-hook='rm -f "$1"/usr/lib/python3*/EXTERNALLY-MANAGED "$1"/etc/dpkg/dpkg.cfg.d/99mmdebstrap' \
      --customize-hook="sync-out /var/cache/apt/archives $debs" \
      "$SUITE" "$tar.tmp" "$DEBIAN_MIRROR" >"$STATE/logs/mmdebstrap-python-$arch.log" 2>&1 ||
      { rm -f "$tar.tmp"; die_log 1 "$STATE/logs/mmdebstrap-python-$arch.log" "mmdebstrap ($arch) failed"; }
    mv "$tar.tmp" "$tar"
    log "  rootfs python $arch: $((SECONDS - t))s ($(($(stat -c %s "$tar") / 1048576)) MB)"
  fi
  echo "$tar"
}

registry_up() { curl -fs -o /dev/null --max-time 2 "http://$REGISTRY_ADDR/v2/"; }
ACCEPT='application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json'
in_registry() { # in_registry localhost:5000/repo:tag
  local ref=${1#"$REGISTRY"/}
  curl -fs -o /dev/null --max-time 5 -H "Accept: $ACCEPT" "http://$REGISTRY_ADDR/v2/${ref%:*}/manifests/${ref##*:}"
}

# --- registry on 127.0.0.1:5000 (first: the rootfs decision below asks it) -----------------------
phase_start registry
if ! registry_up; then
  cat >"$STATE/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  log "starting docker-registry on $REGISTRY_ADDR (log: $STATE/logs/registry.log)"
  setsid docker-registry serve "$STATE/registry/config.yml" >>"$STATE/logs/registry.log" 2>&1 </dev/null &
  for _ in $(seq 1 30); do registry_up && break; sleep 1; done
  registry_up || die 3 "registry did not answer on $REGISTRY_ADDR: see $STATE/logs/registry.log"
  changed
fi
phase_end

# The python roots need only mmdebstrap and binfmt: start the missing ones now, in the background,
# so they build while buildx, cosign and dockerd are set up; the images phase waits for them. Only
# for an image the registry (up by now: after a reboot it is merely stopped, its images kept) lacks.
# Each background job runs in its own process group (set -m while it starts), its PID recorded in
# this shell: the EXIT trap stops (TERM) and reaps those groups only, so no build outlives the
# script, while dockerd, the registry and the index (setsid) keep running.
MARKS=$(mktemp -d)
declare -A ROOTFS_PID=()
BG_PIDS=()
stop_background() {
  local p ppid alive=()
  # Only a recorded job that is still this shell's child (its PID not reused by now): each is a
  # bash subshell, so /proc/PID/stat's second field (comm) has no space and the fourth is the PPID.
  for p in "${BG_PIDS[@]}"; do
    ppid=$(cut -d' ' -f4 "/proc/$p/stat" 2>/dev/null || true)
    [[ $ppid == "$$" ]] && alive+=("$p")
  done
  for p in "${alive[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  for p in "${alive[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$MARKS"
}
trap stop_background EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
start_bg() { # start_bg COMMAND...: runs it in the background in its own process group; sets BG_PID
  set -m
  "$@" &
  BG_PID=$!
  set +m
  BG_PIDS+=("$BG_PID")
}
rootfs_job() { # rootfs_job ARCH: python_rootfs (which tails its log if it fails); its exit status
  local rc=0 # also in $MARKS/rootfs-ARCH.rc, for the chain that waits for it in another shell
  (python_rootfs "$1" >/dev/null) || rc=$?
  echo "$rc" >"$MARKS/rootfs-$1.rc"
  exit "$rc"
}
prebuild_rootfs() { # prebuild_rootfs ARCH
  local arch=$1
  in_registry "$NS/python:3.11-$arch" && return 0
  start_bg rootfs_job "$arch"
  ROOTFS_PID[$arch]=$BG_PID
}
await_rootfs() { # await_rootfs ARCH: waits for prebuild_rootfs's job, if one was started (any shell)
  local pid=${ROOTFS_PID[$1]:-} rc=$MARKS/rootfs-$1.rc log=$STATE/logs/mmdebstrap-python-$1.log
  [[ -n $pid ]] || return 0
  while [[ ! -s $rc ]] && kill -0 "$pid" 2>/dev/null; do sleep 1; done
  [[ -s $rc ]] || die_log 1 "$log" "the rootfs build ($1, pid $pid) ended without a result"
  [[ $(cat "$rc") == 0 ]] || die 1 "mmdebstrap ($1) failed: see above and $log"
}
prebuild_rootfs amd64
prebuild_rootfs arm64

# Download one .deb from a suite/architecture other than the system's, without touching the
# system's apt state (own sources, lists and cache dirs). Prints the path of the .deb.
fetch_deb() { # fetch_deb SUITE ARCH PACKAGE
  local suite=$1 arch=$2 pkg=$3 dir="$STATE/apt/$1-$2"
  mkdir -p "$dir"/{sources,lists/partial,cache/archives/partial,debs}
  local kr=/usr/share/keyrings/debian-archive-keyring.gpg
  {
    echo "Types: deb"; echo "URIs: $DEBIAN_MIRROR"; echo "Suites: $suite"; echo "Components: main"
    [[ -f $kr ]] && echo "Signed-By: $kr"
  } >"$dir/sources/ml-image-test.sources"
  local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$dir/sources"
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache"
    -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" -o Debug::NoLocking=1)
  apt-get "${opts[@]}" update -qq >"$STATE/logs/apt-$suite-$arch.log" 2>&1 ||
    die 3 "could not read the $suite/$arch package lists from $DEBIAN_MIRROR (see $STATE/logs/apt-$suite-$arch.log)"
  (cd "$dir/debs" && rm -f ./"${pkg}"_*.deb && apt-get "${opts[@]}" download "$pkg:$arch" >>"$STATE/logs/apt-$suite-$arch.log" 2>&1) ||
    die 3 "could not download $pkg ($suite/$arch) (see $STATE/logs/apt-$suite-$arch.log)"
  ls "$dir"/debs/"${pkg}"_*.deb | head -n1
}

fetch_debs() { # fetch_debs "SUITE..." ARCH PACKAGE[/SUITE]...: one package-list update, each .deb's path
  local suites=$1 arch=$2; shift 2
  local dir="$STATE/apt/${suites// /+}-$arch"
  mkdir -p "$dir"/{sources,lists/partial,cache/archives/partial,debs}
  local kr=/usr/share/keyrings/debian-archive-keyring.gpg
  {
    echo "Types: deb"; echo "URIs: $DEBIAN_MIRROR"; echo "Suites: $suites"; echo "Components: main"
    [[ -f $kr ]] && echo "Signed-By: $kr"
  } >"$dir/sources/ml-image-test.sources"
  local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$dir/sources"
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache"
    -o "APT::Architecture=$arch" -o "APT::Architectures=$arch" -o Debug::NoLocking=1)
  local log="$STATE/logs/apt-${suites// /+}-$arch.log"
  apt-get "${opts[@]}" update -qq >"$log" 2>&1 ||
    die 3 "could not read the $suites/$arch package lists from $DEBIAN_MIRROR (see $log)"
  (cd "$dir/debs" && rm -f ./*.deb && apt-get "${opts[@]}" download "$@" >>"$log" 2>&1) ||
    die 3 "could not download $* ($suites/$arch) (see $log)"
  ls "$dir"/debs/*.deb
}

# --- buildx CLI plugin ------------------------------------------------------------------------------
phase_start buildx
if ! docker buildx version >/dev/null 2>&1; then
  if apt-cache policy docker-buildx 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "installing docker-buildx from the system's own repositories"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-buildx >>"$STATE/logs/apt-install.log" 2>&1
  else
    log "installing the buildx CLI plugin from Debian $BUILDX_SUITE's docker-buildx package"
    deb=$(fetch_deb "$BUILDX_SUITE" amd64 docker-buildx) || exit $? # its own message said why (exit 3)
    x=$(mktemp -d); dpkg-deb -x "$deb" "$x"
    install -D -m 0755 "$x/usr/libexec/docker/cli-plugins/docker-buildx" /usr/local/lib/docker/cli-plugins/docker-buildx
    rm -rf "$x"
  fi
  docker buildx version >/dev/null 2>&1 || die 3 "buildx installed but 'docker buildx version' still fails"
  changed
fi
phase_end

# --- cosign (signing and attestations) ------------------------------------------------------------
# Debian 12 has no cosign package; Debian 13's (2.5) is a plain Go binary, fetched like buildx.
phase_start cosign
if ! cosign version >/dev/null 2>&1; then
  if apt-cache policy cosign 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    log "installing cosign from the system's own repositories"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cosign >>"$STATE/logs/apt-install.log" 2>&1
  else
    log "installing cosign from Debian $BUILDX_SUITE's cosign package"
    deb=$(fetch_deb "$BUILDX_SUITE" amd64 cosign) || exit $? # its own message said why (exit 3)
    x=$(mktemp -d); dpkg-deb -x "$deb" "$x"
    install -D -m 0755 "$x/usr/bin/cosign" /usr/local/bin/cosign
    rm -rf "$x"
  fi
  cosign version >/dev/null 2>&1 || die 3 "cosign installed but 'cosign version' still fails"
  changed
fi
# The test bed's signing key pair: the password is random, kept in a 0600 file, and reaches cosign
# only through COSIGN_PASSWORD (never a command line).
COSIGN_DIR=$STATE/cosign
COSIGN_KEY=$COSIGN_DIR/cosign.key
COSIGN_PUB=$COSIGN_DIR/cosign.pub
COSIGN_PASSWORD_FILE=$COSIGN_DIR/password
if [[ ! -s $COSIGN_KEY || ! -s $COSIGN_PUB || ! -s $COSIGN_PASSWORD_FILE ]]; then
  log "generating the test signing key pair in $COSIGN_DIR"
  rm -rf "$COSIGN_DIR"; mkdir -p "$COSIGN_DIR"; chmod 0700 "$COSIGN_DIR"
  (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$COSIGN_PASSWORD_FILE")
  (cd "$COSIGN_DIR" && COSIGN_PASSWORD=$(cat "$COSIGN_PASSWORD_FILE") cosign generate-key-pair \
    >"$STATE/logs/cosign-keygen.log" 2>&1) ||
    { rm -f "$COSIGN_KEY" "$COSIGN_PUB"; die 1 "cosign generate-key-pair failed: see $STATE/logs/cosign-keygen.log"; }
  chmod 0600 "$COSIGN_KEY"
  changed
fi
phase_end

# --- pyspdxtools (the SPDX SBOM's validator in the tests) ------------------------------------------
# The SPDX project's own validator (spdx-tools 0.8), from Debian 13's backports with the libraries it
# needs from Debian 13: all pure Python (PyYAML's C part is left unused), unpacked under
# $STATE/spdx-tools and run by this machine's python3 through a wrapper in /usr/local/bin. Nothing
# goes into the system's Python.
SPDX_TOOLS_DIR=$STATE/spdx-tools
SPDX_PKGS=(python3-spdx-tools/"$BUILDX_SUITE"-backports python3-beartype python3-click
  python3-license-expression python3-boolean python3-ply python3-rdflib python3-semantic-version
  python3-uritools python3-xmltodict/"$BUILDX_SUITE" python3-pyparsing/"$BUILDX_SUITE" python3-isodate
  python3-yaml/"$BUILDX_SUITE")
phase_start spdx
if ! pyspdxtools --help >/dev/null 2>&1; then
  command -v python3 >/dev/null || die 3 "python3 not found: pyspdxtools (SPDX validation) runs on it; install python3"
  log "installing pyspdxtools (spdx-tools) from Debian $BUILDX_SUITE-backports into $SPDX_TOOLS_DIR"
  rm -rf "$SPDX_TOOLS_DIR"; mkdir -p "$SPDX_TOOLS_DIR"
  # An assignment, not a for list: a failed download stops the script (its message, exit 3).
  spdx_debs=$(fetch_debs "$BUILDX_SUITE $BUILDX_SUITE-backports" amd64 "${SPDX_PKGS[@]}") || exit $?
  while IFS= read -r deb; do dpkg-deb -x "$deb" "$SPDX_TOOLS_DIR"; done <<<"$spdx_debs"
  cat >/usr/local/bin/pyspdxtools <<EOF
#!/bin/sh
# spdx-tools from Debian packages, unpacked by ml-image-action's scripts/test-env.sh
PYTHONPATH="$SPDX_TOOLS_DIR/usr/lib/python3/dist-packages"\${PYTHONPATH:+":\$PYTHONPATH"} exec python3 -m spdx_tools.spdx.clitools.pyspdxtools "\$@"
EOF
  chmod 0755 /usr/local/bin/pyspdxtools
  pyspdxtools --help >/dev/null 2>&1 ||
    die 3 "pyspdxtools was unpacked in $SPDX_TOOLS_DIR but 'pyspdxtools --help' fails on $(python3 -V 2>&1)"
  changed
fi
phase_end

# --- dockerd -----------------------------------------------------------------------------------------
phase_start dockerd
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null || die 3 "dockerd not found after installing docker.io"
  # A pid file left by a dockerd that never stopped (a machine restored from a snapshot) can name a
  # pid another process holds now, and dockerd then refuses to start: drop it unless it is dockerd's.
  # (Each read may fail, the pid being gone: `|| true` keeps the ERR trap out of it.)
  for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    [[ -f $pidfile ]] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    comm=$(cat "/proc/${pid:-0}/comm" 2>/dev/null || true)
    case $comm in
      dockerd | containerd) ;;
      *) log "removing the stale $pidfile" && rm -f "$pidfile" ;;
    esac
  done
  log "starting dockerd (log: $STATE/logs/dockerd.log)"
  setsid dockerd >>"$STATE/logs/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || die 3 "dockerd did not answer within 60s: see $STATE/logs/dockerd.log"
  changed
fi
phase_end

# --- base images ----------------------------------------------------------------------------------------
# Where image builds log: each background chain sets its own (images-CHAIN.log); merges use this one.
IMAGES_LOG=$STATE/logs/images.log
# Pack ROOT into an image for PLATFORM and push it. buildx (not docker import) so the image config
# records the right architecture: dockerd 20.10 ignores `docker import --platform`.
image_from_tar() { # image_from_tar TAR PLATFORM REF [Dockerfile lines...]
  local tar=$1 platform=$2 ref=$3; shift 3
  local ctx; ctx=$(mktemp -d)
  ln "$tar" "$ctx/rootfs.tar" 2>/dev/null || cp "$tar" "$ctx/rootfs.tar"
  { echo "FROM scratch"; echo "ADD rootfs.tar /"; printf '%s\n' "$@"; } >"$ctx/Dockerfile"
  docker buildx build --builder default --platform "$platform" --provenance=false -t "$ref" --push "$ctx" \
    >>"$IMAGES_LOG" 2>&1 || { rm -rf "$ctx"; die_log 1 "$IMAGES_LOG" "building $ref failed"; }
  rm -rf "$ctx"
}

busybox_rootfs() { # busybox_rootfs ARCH -> path of tar
  local arch=$1 tar="$STATE/rootfs/busybox-$1.tar"
  if [[ ! -s $tar ]]; then
    local bin
    if [[ $arch == "$ARCH" ]]; then
      bin=/bin/busybox
    else
      local deb x; deb=$(fetch_deb "$SUITE" "$arch" busybox-static); x=$(mktemp -d)
      dpkg-deb -x "$deb" "$x"; bin="$x/bin/busybox"
    fi
    local root; root=$(mktemp -d)
    mkdir -p "$root"/{bin,tmp,etc}
    cp "$bin" "$root/bin/busybox"
    for a in sh ls cat echo uname sleep true false env id printf; do ln -s busybox "$root/bin/$a"; done
    echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
    chmod 1777 "$root/tmp"
    tar -C "$root" -cf "$tar" .
    rm -rf "$root" "${x:-}"
  fi
  echo "$tar"
}

merge() { # merge TARGET SOURCE... -> manifest list
  docker buildx imagetools create -t "$@" >>"$IMAGES_LOG" 2>&1 || die_log 1 "$IMAGES_LOG" "imagetools create $1 failed"
}

ensure_local() { # the engine keeps a copy too, so tests can `docker run` without a pull
  docker image inspect "$1" >/dev/null 2>&1 || docker pull -q "$1" >/dev/null
}

# Each missing image is built by one of three chains that run side by side (2 cores: arm64's is
# bound by QEMU, amd64's by dpkg and I/O), and each pushes as soon as its root is ready: busybox
# (both architectures); python amd64, then torch-cpu on top of it; python arm64. The merged tags
# follow when both sides are there. A chain marks $MARKS/changed when it builds something.
built() { touch "$MARKS/changed"; }
timed() { # timed LABEL COMMAND... : runs it and logs how long it took
  local label=$1 t=$SECONDS; shift
  "$@"
  log "  $label: $((SECONDS - t))s"
}

busybox_chain() {
  local IMAGES_LOG=$STATE/logs/images-busybox.log
  for arch in amd64 arm64; do
    local ref=$NS/busybox:$arch
    if ! in_registry "$ref"; then
      log "building $ref"
      timed "image busybox $arch" image_from_tar "$(busybox_rootfs "$arch")" "linux/$arch" "$ref" 'CMD ["sh"]'
      built
    fi
  done
}

PY_LINES=('ENV LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1' 'CMD ["python3"]')
python_chain() { # python_chain ARCH
  local arch=$1 ref=$NS/python:3.11-$1 IMAGES_LOG=$STATE/logs/images-python-$1.log
  if ! in_registry "$ref"; then
    await_rootfs "$arch"
    local tar; tar=$(python_rootfs "$arch")
    log "building $ref"
    timed "image python $arch" image_from_tar "$tar" "linux/$arch" "$ref" "${PY_LINES[@]}"
    built
  fi
}

# CPU PyTorch (Debian's python3-torch 1.13 with numpy 1.24) as an apt-get layer on top of the amd64
# python image (the capture tests look for that layer in the image's history).
torch_image() {
  local ref=$NS/torch-cpu:1.13-amd64 IMAGES_LOG=$STATE/logs/images-torch-amd64.log
  in_registry "$ref" && return 0
  log "building $ref (apt-get install python3-torch, ~1-2 min)"
  local ctx t=$SECONDS; ctx=$(mktemp -d)
  cat >"$ctx/Dockerfile" <<EOF
FROM $NS/python:3.11-amd64
RUN echo "deb $DEBIAN_MIRROR $SUITE main" >/etc/apt/sources.list \\
 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-unsafe-io python3-torch \\
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/apt/archives/*.deb
EOF
  docker buildx build --builder default --network host --platform linux/amd64 --provenance=false -t "$ref" --push "$ctx" \
    >>"$IMAGES_LOG" 2>&1 || { rm -rf "$ctx"; die_log 1 "$IMAGES_LOG" "building $ref failed"; }
  rm -rf "$ctx"
  log "  image torch-cpu amd64: $((SECONDS - t))s"
  built
}

amd64_chain() { # not `a && b`: set -e (and the ERR trap) would be off inside python_chain
  python_chain amd64
  torch_image
}

phase_start images
chains=()
start_bg busybox_chain; chains+=("$BG_PID")
start_bg amd64_chain; chains+=("$BG_PID")
start_bg python_chain arm64; chains+=("$BG_PID")
failed=0
for p in "${chains[@]}"; do wait "$p" || failed=1; done
# The rootfs jobs are done by now where a chain needed them; one no chain waited for (its image
# appeared in the meantime) is waited for here too: nothing is left running.
for arch in "${!ROOTFS_PID[@]}"; do
  rootfs_log=$STATE/logs/mmdebstrap-python-$arch.log
  wait "${ROOTFS_PID[$arch]}" && continue
  # With a result it has printed the end of its log itself; without one (killed) that is done here.
  [[ -s $MARKS/rootfs-$arch.rc ]] || die_log 1 "$rootfs_log" "the rootfs build ($arch) ended without a result"
  die 1 "the rootfs build ($arch) failed: see above and $rootfs_log"
done
((failed == 0)) || die 1 "building the base images failed: see the messages above and $STATE/logs"
BG_PIDS=() # all reaped: nothing for the EXIT trap to stop
if [[ -e $MARKS/changed ]]; then changed; fi
if ! in_registry "$NS/busybox:latest"; then merge "$NS/busybox:latest" "$NS/busybox:amd64" "$NS/busybox:arm64"; changed; fi
for t in 3.11 3.11-slim; do # 3.11-slim: the catalog's tag name, so build.mirrors can map python:3.11-slim here
  if ! in_registry "$NS/python:$t"; then merge "$NS/python:$t" "$NS/python:3.11-amd64" "$NS/python:3.11-arm64"; changed; fi
done
for r in busybox:amd64 busybox:arm64 python:3.11-amd64 python:3.11-arm64 torch-cpu:1.13-amd64; do
  ensure_local "$NS/$r"
done
phase_end

# --- a local package index for the bundled example on 127.0.0.1:5001 (ML_IMAGE_TEST_INDEX_PORT) ---
# examples/hello-ml installs tqdm; PyPI is out of reach here, so a PEP 503 index of a generated wheel
# (tqdm's real Requires-Dist) stands in for it. python3 -m http.server serves the static files.
phase_start index
INDEX_ADDR=127.0.0.1:${ML_IMAGE_TEST_INDEX_PORT:-5001}
index_up() { curl -fs -o /dev/null --max-time 2 "http://$INDEX_ADDR/simple/tqdm/"; }
if ! index_up; then
  command -v python3 >/dev/null || die 3 "python3 is needed for the local package index: apt-get install python3"
  whl=tqdm-4.66.0-py3-none-any.whl
  mkdir -p "$STATE/pypi/simple/tqdm"
  python3 "$REPO_ROOT/scripts/make-wheel.py" \
    '{"name":"tqdm","version":"4.66.0","requires":["colorama; platform_system == \"Windows\""],"requiresPython":">=3.7"}' \
    "$STATE/pypi/simple/tqdm/$whl"
  printf '<!DOCTYPE html><html><body><a href="%s">%s</a></body></html>\n' "$whl" "$whl" >"$STATE/pypi/simple/tqdm/index.html"
  printf '<!DOCTYPE html><html><body><a href="tqdm/">tqdm</a></body></html>\n' >"$STATE/pypi/simple/index.html"
  log "starting a package index on $INDEX_ADDR (log: $STATE/logs/index.log)"
  setsid python3 -m http.server --bind 127.0.0.1 --directory "$STATE/pypi" "${INDEX_ADDR##*:}" >>"$STATE/logs/index.log" 2>&1 </dev/null &
  for _ in $(seq 1 30); do index_up && break; sleep 1; done
  index_up || die 3 "the package index did not answer on $INDEX_ADDR: see $STATE/logs/index.log"
  changed
fi
phase_end

# --- Node 24 (the runners' node24) -------------------------------------------------------------------
# The action runs on node24 on GitHub's runners, this machine's Node is 20, and dist/ must run on
# both (__tests__/integration/node24.test.ts runs its commands on each). Node's own build comes from
# the npm registry (the node-linux-<arch> package: a tarball holding bin/node), unpacked under
# $STATE/node24; nothing goes on PATH.
NODE24_VERSION=24.22.3
NODE24_DIR=$STATE/node24
phase_start node24
if [[ $("$NODE24_DIR/bin/node" --version 2>/dev/null) != "v$NODE24_VERSION" ]]; then
  case $(uname -m) in
  x86_64) node_arch=x64 ;;
  aarch64) node_arch=arm64 ;;
  *) die 3 "no Node $NODE24_VERSION package for $(uname -m)" ;;
  esac
  command -v npm >/dev/null || die 3 "npm not found: Node $NODE24_VERSION for the tests comes from the npm registry; install Node 20 with npm"
  log "fetching Node $NODE24_VERSION (node-linux-$node_arch) from the npm registry into $NODE24_DIR"
  node_tmp=$(mktemp -d)
  if ! (cd "$node_tmp" && npm pack --silent "node-linux-$node_arch@$NODE24_VERSION") >"$STATE/logs/node24.log" 2>&1; then
    rm -rf "$node_tmp"
    die 3 "could not fetch node-linux-$node_arch@$NODE24_VERSION from the npm registry: see $STATE/logs/node24.log"
  fi
  rm -rf "$NODE24_DIR.new" && mkdir -p "$NODE24_DIR.new"
  tar xzf "$node_tmp"/node-linux-*.tgz -C "$NODE24_DIR.new" --strip-components=1
  rm -rf "$node_tmp" "$NODE24_DIR" && mv "$NODE24_DIR.new" "$NODE24_DIR"
  [[ $("$NODE24_DIR/bin/node" --version 2>/dev/null) == "v$NODE24_VERSION" ]] ||
    die 3 "Node $NODE24_VERSION was unpacked in $NODE24_DIR but '$NODE24_DIR/bin/node --version' fails"
  changed
fi
phase_end

# --- a second engine on the containerd image store (dockerd 26) ------------------------------------
# On the runners (buildx's docker-container driver; Docker >= 24 with the containerd image store, the
# default from Docker 29) each platform's push is an OCI index, the image and an attestation manifest
# (unknown/unknown), and containerimage.digest names the index. The main dockerd (20.10, BuildKit
# 0.8) stores no attestations, so __tests__/integration/containerd-store.test.ts builds, merges,
# attests and verifies against this one instead: dockerd 26.1 and containerd 1.7 from Debian 13's
# docker.io and containerd packages (plain Go binaries that run here), unpacked into $E2_DIR/bin
# with this system's runc (Debian 13's needs GLIBC_2.38), on a bridge of its own, without iptables
# or forwarding changes. Its socket is $E2_HOST; the main dockerd, the registry and the index are
# left alone (a named bridge, not "none": with "none" dockerd deletes the host's docker0 at start).
# It pulls the python base image (both platforms) from the registry once.
phase_start engine2
[[ $E2_BRIDGE =~ ^[A-Za-z0-9_.-]{1,15}$ ]] ||
  die 2 "ML_IMAGE_TEST_CONTAINERD_BRIDGE='$E2_BRIDGE': expected an interface name of 1-15 letters, digits, '_', '.' or '-'"
[[ $E2_CIDR =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}$ ]] ||
  die 2 "ML_IMAGE_TEST_CONTAINERD_CIDR='$E2_CIDR': expected an address and prefix like 10.213.47.1/24"
mkdir -p "$E2_DIR"/{data,exec}
if ! "$E2_BIN/dockerd" --version >/dev/null 2>&1 || ! "$E2_BIN/containerd" --version >/dev/null 2>&1 ||
  [[ ! -x $E2_BIN/containerd-shim-runc-v2 ]]; then
  log "fetching dockerd and containerd from Debian $BUILDX_SUITE's docker.io and containerd packages into $E2_BIN"
  e2_debs=$(fetch_debs "$BUILDX_SUITE" amd64 docker.io containerd) || exit $?
  x=$(mktemp -d)
  while IFS= read -r deb; do dpkg-deb -x "$deb" "$x"; done <<<"$e2_debs"
  rm -rf "$E2_BIN.new" && mkdir -p "$E2_BIN.new"
  install -m 0755 "$x/usr/sbin/dockerd" "$x/usr/sbin/docker-proxy" "$x/usr/bin/containerd" \
    "$x/usr/bin/containerd-shim-runc-v2" "$E2_BIN.new/"
  rm -rf "$x" "$E2_BIN" && mv "$E2_BIN.new" "$E2_BIN"
  "$E2_BIN/dockerd" --version >/dev/null 2>&1 || die 3 "$E2_BIN/dockerd (Debian $BUILDX_SUITE's) does not run here: $("$E2_BIN/dockerd" --version 2>&1 | head -n1)"
  changed
fi
runc_bin=$(command -v runc || true)
[[ -n $runc_bin ]] && "$runc_bin" --version >/dev/null 2>&1 ||
  die 3 "no working runc on PATH: the containerd-store engine uses this system's (apt-get install runc)"
if [[ $(readlink "$E2_BIN/runc" 2>/dev/null || true) != "$runc_bin" ]]; then
  ln -sfn "$runc_bin" "$E2_BIN/runc"
  changed
fi
# Its bridge: created, addressed and up only where it is not (a reboot drops it; the engine is
# restarted below then, as dockerd needs the bridge to exist when it starts).
if ! ip link show dev "$E2_BRIDGE" >/dev/null 2>&1; then
  clash=$(ip -4 route show to match "${E2_CIDR%/*}" | grep -v '^default' || true)
  [[ -z $clash ]] || die 3 "the containerd-store engine's subnet $E2_CIDR is already routed here ($clash): set ML_IMAGE_TEST_CONTAINERD_CIDR to a free one"
  log "creating the bridge $E2_BRIDGE ($E2_CIDR) for the containerd-store engine"
  ip link add name "$E2_BRIDGE" type bridge
  # An engine still running (its bridge was deleted under it) has lost its network: restarted below.
  [[ -z $(e2_pid) ]] || e2_stop
  changed
fi
# (read whole, then matched: `ip ... | grep -q` could fail on SIGPIPE under pipefail)
e2_addrs=$(ip -4 -o addr show dev "$E2_BRIDGE")
if [[ " $e2_addrs " != *" inet $E2_CIDR "* ]]; then
  ip addr add "$E2_CIDR" dev "$E2_BRIDGE"
  changed
fi
e2_link=$(ip -o link show dev "$E2_BRIDGE")
if [[ ! $e2_link =~ [\<,]UP[,\>] ]]; then
  ip link set dev "$E2_BRIDGE" up
  changed
fi
# Its own cgroup parent (cgroupfs: a path, whatever the host's init) and containerd namespaces: where a system containerd already listens on
# /run/containerd/containerd.sock (a runner's moby), dockerd uses it instead of starting its own, and
# the namespaces keep the two engines' containers and images apart there.
e2_config=$(cat <<JSON
{
  "features": { "containerd-snapshotter": true },
  "bridge": "$E2_BRIDGE",
  "iptables": false,
  "ip6tables": false,
  "ip-forward": false,
  "ip-masq": false,
  "userland-proxy": false,
  "exec-opts": ["native.cgroupdriver=cgroupfs"],
  "cgroup-parent": "/$E2_NAME",
  "containerd-namespace": "$E2_NAME",
  "containerd-plugins-namespace": "$E2_NAME-plugins",
  "insecure-registries": ["$REGISTRY"]
}
JSON
)
if [[ ! -f $E2_DIR/daemon.json || $(cat "$E2_DIR/daemon.json") != "$e2_config" ]]; then
  printf '%s\n' "$e2_config" >"$E2_DIR/daemon.json"
  # A running engine reads its config at start only.
  [[ -z $(e2_pid) ]] || { log "the containerd-store engine's config changed: restarting it"; e2_stop; }
  changed
fi
if ! e2_up; then
  # Not answering: one of ours that hangs is stopped; what a stopped or killed one left (its pid
  # files, its netns mount) is cleared, or it would not start again.
  e2_stop
  log "starting the containerd-store engine: $("$E2_BIN/dockerd" --version) on $E2_HOST (log: $E2_LOG)"
  PATH="$E2_BIN:$PATH" setsid "$E2_BIN/dockerd" --config-file="$E2_DIR/daemon.json" \
    --data-root="$E2_DIR/data" --exec-root="$E2_DIR/exec" --pidfile="$E2_DIR/docker.pid" \
    --host="$E2_HOST" >>"$E2_LOG" 2>&1 </dev/null &
  e2_started=$!
  # (setsid execs dockerd: $! is its pid, so a dockerd that exits at once is noticed at once)
  for _ in $(seq 1 120); do e2_up && break; e2_alive "$e2_started" || break; sleep 0.5; done
  e2_alive "$e2_started" || e2_up ||
    die_log 3 "$E2_LOG" "the containerd-store engine (dockerd) exited at start, see its log"
  e2_up || die_log 3 "$E2_LOG" "the containerd-store engine (dockerd) did not answer on $E2_HOST within 60s"
  changed
fi
e2_store=$(e2docker info --format '{{range .DriverStatus}}{{index . 1}} {{end}}' 2>/dev/null || true)
[[ $e2_store == *io.containerd.snapshotter.v1* ]] ||
  die_log 3 "$E2_LOG" "the engine on $E2_HOST is not on the containerd image store (driver status: '${e2_store:-none}')"
# The base image the test builds from, for both platforms: each pull is a quick no-op when the
# engine has it (on this store the second platform's pull says "up to date" even when it fetched).
e2_base_was=$(e2docker image inspect --format '{{.Id}}' "$NS/python:3.11" 2>/dev/null || true)
for arch in amd64 arm64; do
  pulled=$(e2docker pull --platform "linux/$arch" "$NS/python:3.11" 2>&1) ||
    { printf '%s\n' "$pulled" >>"$E2_LOG"; die_log 3 "$E2_LOG" "the containerd-store engine could not pull $NS/python:3.11 (linux/$arch) from $REGISTRY"; }
done
if [[ $(e2docker image inspect --format '{{.Id}}' "$NS/python:3.11" 2>/dev/null || true) != "$e2_base_was" ]]; then
  log "  the containerd-store engine pulled $NS/python:3.11 (linux/amd64, linux/arm64)"
  changed
fi
phase_end

# --- env file for the tests ------------------------------------------------------------------------------
mkdir -p "$(dirname "$ENV_FILE")"
new_env=$(cat <<EOF
# Written by scripts/test-env.sh; read by __tests__/helpers/docker-env.ts. Do not edit.
ML_IMAGE_TEST_REGISTRY=$REGISTRY
ML_IMAGE_TEST_BUSYBOX_IMAGE=$NS/busybox:latest
ML_IMAGE_TEST_BUSYBOX_AMD64=$NS/busybox:amd64
ML_IMAGE_TEST_BUSYBOX_ARM64=$NS/busybox:arm64
ML_IMAGE_TEST_PYTHON_IMAGE=$NS/python:3.11
ML_IMAGE_TEST_PYTHON_AMD64=$NS/python:3.11-amd64
ML_IMAGE_TEST_PYTHON_ARM64=$NS/python:3.11-arm64
ML_IMAGE_TEST_TORCH_IMAGE=$NS/torch-cpu:1.13-amd64
ML_IMAGE_TEST_DEBIAN_MIRROR=$DEBIAN_MIRROR
ML_IMAGE_TEST_INDEX_URL=http://$INDEX_ADDR/simple
ML_IMAGE_TEST_COSIGN_KEY=$COSIGN_KEY
ML_IMAGE_TEST_COSIGN_PUB=$COSIGN_PUB
ML_IMAGE_TEST_COSIGN_PASSWORD_FILE=$COSIGN_PASSWORD_FILE
ML_IMAGE_TEST_NODE24=$NODE24_DIR/bin/node
ML_IMAGE_TEST_CONTAINERD_ENGINE=$E2_HOST
EOF
)
if [[ ! -f $ENV_FILE ]] || [[ $(cat "$ENV_FILE") != "$new_env" ]]; then
  printf '%s\n' "$new_env" >"$ENV_FILE"
  log "wrote $ENV_FILE"
  changed
fi

if ((CHANGED)); then
  log "ready in $(($(date +%s) - T0))s: dockerd, buildx, qemu-aarch64, registry $REGISTRY_ADDR, base images under $NS, cosign, pyspdxtools, Node $NODE24_VERSION, the containerd-store engine (dockerd $("$E2_BIN/dockerd" --version | awk '{sub(",", "", $3); print $3}') on $E2_HOST)"
else
  log "nothing to do: everything was already in place (dockerd, buildx, qemu-aarch64, registry, base images, the containerd-store engine on $E2_HOST, $ENV_FILE)"
fi
