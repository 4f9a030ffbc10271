#!/usr/bin/env bash
# How long scripts/test-env.sh takes on a fresh machine, without disturbing the shared test bed.
#
# Runs the script with a private image namespace (localhost:5000/ml-image-test-fresh-<pid>-<side>),
# a private state dir (no rootfs or .deb caches) and a private package-index port, so its images
# and index phases start from scratch while dockerd, buildx and the registry (warm, shared) are
# reused. Both sides run one after the other in the same invocation:
#   old  the script as committed at a git revision (default HEAD), debootstrap + apt in a build
#   new  the working tree's script
# then prints each phase's seconds side by side with the ratio, and removes what each side made:
# its tags in the engine (docker rmi, private tags only), its repositories in the registry (and the
# blobs no other repository links to), its containerd-store engine (stopped, its bridge deleted:
# each side's has a bridge of its own, mlitb<pid>, on 10.213.46.0/24), its state dir and its index
# server.
#
#   sudo bench/test-env.sh                 old (HEAD) and new
#   sudo bench/test-env.sh --new-only      only the working tree's script
#   sudo bench/test-env.sh --old-ref REF   the old side from another revision
#   sudo bench/test-env.sh --keep          leave the new side's images and env file in place (to
#                                          run integration tests against them); prints how to
#                                          remove them later: bench/test-env.sh --clean NS STATE PORT
#
# Needs root and the shared test bed up (scripts/test-env.sh ran once). Figures are noisy on a
# shared machine: compare the two columns of one run, not runs with each other.
set -Eeuo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED_STATE=/var/lib/ml-image-test
REGISTRY_ADDR=127.0.0.1:5000
REGISTRY=localhost:5000
OLD_REF=HEAD
SIDES=(old new)
KEEP=0

log() { printf '[bench test-env] %s\n' "$*" >&2; }
die() { printf '[bench test-env] error: %s\n' "$*" >&2; exit "${2:-1}"; }

# The registry's filesystem root, from the shared test bed's config (distribution 2.8).
registry_root() {
  local cfg=$SHARED_STATE/registry/config.yml
  [[ -r $cfg ]] || die "no registry config at $cfg: run scripts/test-env.sh first" 3
  awk '$1 == "rootdirectory:" {print $2; exit}' "$cfg"
}

# Remove one side's repositories (NS/...) from the registry's storage, and the blobs that only they
# link to; remove its tags from the engine, its index server and its state dir.
clean_side() { # clean_side NS STATE [INDEX_PORT]
  local ns=$1 state=$2 port=${3:-}
  [[ $ns == "$REGISTRY"/ml-image-test-fresh-* ]] || die "refusing to clean '$ns': not a private bench namespace"
  local root repos; root=$(registry_root)
  repos="$root/docker/registry/v2/repositories"
  local mine="$repos/${ns#"$REGISTRY"/}"
  if [[ -d $mine ]]; then
    # Digests linked from our repositories, minus those linked from any other repository.
    local ours others
    # (a link file holds "sha256:<hex>" without a newline: awk adds one)
    ours=$(find "$mine" -name link -path '*/sha256/*' -print0 | xargs -0 -r awk 1 | sort -u)
    others=$(find "$repos" -path "$mine" -prune -o -name link -path '*/sha256/*' -print0 | xargs -0 -r awk 1 | sort -u)
    rm -rf "$mine"
    local d n=0
    for d in $(comm -23 <(echo "$ours") <(echo "$others")); do
      d=${d#sha256:}
      [[ $d =~ ^[0-9a-f]{64}$ ]] || continue
      rm -rf "$root/docker/registry/v2/blobs/sha256/${d:0:2}/$d" && n=$((n + 1))
    done
    log "removed $ns from the registry ($n blobs only it used)"
  fi
  local tags
  tags=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep -F "$ns/" || true)
  [[ -z $tags ]] || docker rmi $tags >/dev/null
  # Its containerd-store engine runs from the state dir: stopped (its mounts undone, its bridge
  # deleted) before the dir goes.
  if [[ -d $state/engine-containerd ]]; then
    ML_IMAGE_TEST_STATE=$state bash "$REPO_ROOT/scripts/test-env.sh" --stop-containerd-engine 2>&1 | sed 's/^/    /' >&2
  fi
  if [[ -n $port ]]; then
    local pid
    pid=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)
    [[ -z $pid ]] || kill "$pid"
  fi
  [[ $state == /tmp/te-fresh-* ]] && rm -rf "$state"
  return 0
}

if [[ ${1:-} == --clean ]]; then
  [[ $# -ge 3 ]] || die "usage: bench/test-env.sh --clean NS STATE [INDEX_PORT]" 2
  clean_side "$2" "$3" "${4:-}"
  exit 0
fi
while (($#)); do
  case $1 in
    --new-only) SIDES=(new) ;;
    --old-ref) OLD_REF=$2; shift ;;
    --keep) KEEP=1 ;;
    -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" 2 ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || die "must run as root, like scripts/test-env.sh: sudo $0" 3
curl -fs -o /dev/null --max-time 2 "http://$REGISTRY_ADDR/v2/" || die "no registry on $REGISTRY_ADDR: run scripts/test-env.sh first" 3

free_port() {
  local p
  for p in $(seq 5101 5199); do
    ss -Hltn "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
  die "no free port in 5101-5199 for the private package index"
}

declare -A PHASE TOTAL
run_side() { # run_side old|new
  local side=$1 script=$REPO_ROOT/scripts/test-env.sh
  local ns=$REGISTRY/ml-image-test-fresh-$$-$side state=/tmp/te-fresh-$$-$side port
  port=$(free_port)
  mkdir -p "$state"
  if [[ $side == old ]]; then
    # The committed script, with its namespace and index port made overridable as the new one has.
    script=$state/test-env-old.sh
    git -C "$REPO_ROOT" show "$OLD_REF:scripts/test-env.sh" |
      sed -e "s|^REPO_ROOT=.*|REPO_ROOT=$REPO_ROOT|" \
        -e 's|^NS=\$REGISTRY/ml-image-test$|NS=${ML_IMAGE_TEST_NS:-$REGISTRY/ml-image-test}|' \
        -e 's|^INDEX_ADDR=127.0.0.1:5001$|INDEX_ADDR=127.0.0.1:${ML_IMAGE_TEST_INDEX_PORT:-5001}|' \
        -e 's|--directory "\$STATE/pypi" 5001|--directory "$STATE/pypi" "${INDEX_ADDR##*:}"|' >"$script"
    grep -q 'ML_IMAGE_TEST_NS' "$script" || die "could not make $OLD_REF's script use a private namespace"
  fi
  log "$side: $ns, state $state, index port $port"
  local t=$SECONDS rc=0
  ML_IMAGE_TEST_NS=$ns ML_IMAGE_TEST_STATE=$state ML_IMAGE_TEST_ENV=$state/images.env \
    ML_IMAGE_TEST_INDEX_PORT=$port ML_IMAGE_TEST_CONTAINERD_BRIDGE=mlitb$$ \
    ML_IMAGE_TEST_CONTAINERD_CIDR=10.213.46.1/24 bash "$script" 2>"$state/run.log" || rc=$?
  TOTAL[$side]=$((SECONDS - t))
  sed 's/^/    /' "$state/run.log" >&2
  local line
  while read -r line; do
    [[ $line =~ ^\[test-env\]\ phase\ ([a-z0-9]+):\ ([0-9]+)s ]] && PHASE[$side.${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
  done <"$state/run.log"
  if ((rc != 0)); then
    clean_side "$ns" "$state" "$port"
    die "$side side failed with exit $rc"
  fi
  if [[ $side == new && $KEEP == 1 ]]; then
    cp "$state/images.env" "/tmp/te-fresh-$$-new.env"
    log "kept: ML_IMAGE_TEST_ENV=/tmp/te-fresh-$$-new.env; remove with: bench/test-env.sh --clean $ns $state $port"
  else
    clean_side "$ns" "$state" "$port"
  fi
}

for side in "${SIDES[@]}"; do run_side "$side"; done

printf '\n%-10s %8s %8s %7s\n' phase old new new/old
for ph in packages buildx cosign binfmt dockerd registry images index engine2 total; do
  o=${PHASE[old.$ph]:-} n=${PHASE[new.$ph]:-}
  [[ $ph == total ]] && { o=${TOTAL[old]:-}; n=${TOTAL[new]:-}; }
  r=-
  [[ -n $o && -n $n && $o -gt 0 ]] && r=$(awk -v a="$n" -v b="$o" 'BEGIN{printf "%.2f", a/b}')
  printf '%-10s %7ss %7ss %7s\n' "$ph" "${o:--}" "${n:--}" "$r"
done
printf '(one run each, one after the other; load average at the end: %s)\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
