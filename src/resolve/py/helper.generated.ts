// GENERATED from ml_image_resolve.py: edit that file, then run UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts
// The resolver's Python helper as text, so that the bundle (dist/) carries it without reading files at run time.
export const HELPER_PY = `"""The resolver's helper, run inside the base image with its own python3.

Standard library plus pip's vendored \`packaging\`, so requirements, specifiers and markers are
judged exactly as pip judges them, in the target environment (an arm64 image evaluates
platform_machine as aarch64). Every command prints one JSON object on stdout.

Commands (argv[1]): snapshot | analyze INSPECT REPORT | relax REQS NAME=VERSION...
| run REPORT [--snapshot] [--held] -- PIP_INSTALL_ARGS...: pip's dry run IN this process (the
snapshot first with --snapshot, written to snapshot.json next to REPORT), then its analysis; with
--held, when the run replaces a base package (or the image has a constraint file) and
base-constraints.txt is there, the held run (-c base-constraints.txt, report held.json) and its
analysis follow in the same process. pip's stdout and stderr come back inside the JSON, as a
separate \`python3 -m pip\` would have printed them. With ml_image_pip.py's hide_index_urls (beside
it): the pip it starts for an sdist's build requirements gets the index URLs in its environment.

Bundled as text by src/resolve/py/helper.generated.ts (UPDATE_DOCS=1, resolve-py.test.ts).
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
    from pip._vendor.packaging.utils import canonicalize_name
    from pip._vendor.packaging.version import InvalidVersion, Version
except Exception as e:  # pip too old or missing: say so, the caller turns it into an error
    print(json.dumps({"error": "pip with vendored packaging is required in the image: %s" % e}))
    sys.exit(0)


def load(path):
    with open(path) as f:
        return json.load(f)


# \`pip inspect\` without --local: every distribution on the interpreter's sys.path, as pip's resolver
# sees them (it counts them all as installed: a requirement one of them satisfies installs nothing).
# --local would leave out what pip's is_local() calls outside its environment and never uninstalls:
# in a virtualenv with system site-packages the system's, and on Debian/Ubuntu (whose pip counts
# everything under /usr but /usr/local as the OS's) every python3-* package apt installed in
# /usr/lib/python3/dist-packages. pip installs another version of such a one ahead of it on sys.path
# (shadowing it, the old files left in place): they are part of the base the resolver holds.
INSPECT = ["inspect"]

# The image's variables the snapshot keeps, values and all. PIP_* values are not kept: they may hold
# an index login (PIP_INDEX_URL=https://user:TOKEN@host/simple), and the snapshot is cached on disk.
KEPT_ENV = ("CUDA_VERSION", "NVIDIA_PYTORCH_VERSION", "PYTORCH_VERSION")

# The snapshot's format: 2, every distribution on sys.path (each with pip's "local" flag) and no PIP_*
# values. A cached snapshot of another format is taken again.
FORMAT = 2


def pip_inspect_subprocess():
    r = subprocess.run([sys.executable, "-m", "pip"] + INSPECT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return r.returncode, r.stdout, r.stderr


def pip_local():
    """pip's own is_local(PATH): whether pip may modify (uninstall) what lies there; None without it."""
    try:
        from pip._internal.utils.misc import is_local, normalize_path
        return lambda path: is_local(normalize_path(path))
    except Exception:
        return None


def take_snapshot(environ, inspect, is_local=None):
    """What the image ships: environ is the image's environment, inspect() -> (rc, stdout, stderr),
    is_local(path) pip's judgement of a path (pip_local())."""
    rc, stdout, stderr = inspect()
    out = {"format": FORMAT,
           "python": {"version": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable},
           "env": {k: v for k, v in environ.items() if k in KEPT_ENV}}
    if rc != 0:
        out["error"] = "pip inspect failed: " + (stderr.strip().splitlines() or ["exit %d" % rc])[-1]
        return out
    data = json.loads(stdout)
    out["pipVersion"] = data.get("pip_version")
    out["environment"] = data.get("environment", {})
    dists, seen = [], set()
    for d in data.get("installed", []):
        m = d.get("metadata", {})
        loc = d.get("metadata_location", "")
        name = canonicalize_name(m.get("name", ""))
        if name in seen:  # the first on sys.path is the one Python imports and pip sees
            continue
        seen.add(name)
        dists.append({
            "name": name,
            "version": m.get("version", ""),
            "requiresDist": m.get("requires_dist", []) or [],
            "installer": (d.get("installer") or "").strip(),
            "editable": bool(d.get("direct_url", {}).get("dir_info", {}).get("editable")),
            "directUrl": "direct_url" in d,
            "location": loc,
            "local": is_local_path(is_local, loc),
        })
    out["installed"] = dists
    cf = environ.get("PIP_CONSTRAINT") or "/etc/pip/constraint.txt"
    out["constraintFile"] = {"path": cf, "content": open(cf).read()} if os.path.isfile(cf) else None
    return out


def is_local_path(is_local, path):
    """pip's is_local(PATH) (True where pip would uninstall: pip without it, or a path it cannot judge)."""
    if is_local is None or not path:
        return True
    try:
        return bool(is_local(path))
    except Exception:
        return True


def snapshot():
    print(json.dumps(take_snapshot(os.environ, pip_inspect_subprocess, pip_local())))


def reqs_on(requires, name, env, extras=()):
    """The requirements in 'requires' that target 'name' and apply in 'env', with no extra or one
    of 'extras' (those the plan asked of the distribution: pip's requested_extras)."""
    found = []
    for line in requires:
        try:
            r = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(r.name) == name and (r.marker is None or applies(r.marker, env, extras)):
            found.append(r)
    return found


def applies(marker, env, extras):
    try:
        return any(marker.evaluate({**env, "extra": x}) for x in ["", *extras])
    except Exception:
        return True


def allows(req, version):
    try:
        return req.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return True


def analyze(inspect_path, report_path):
    print(json.dumps(analysis(load(inspect_path), load(report_path))))


def analysis(snap, rep):
    env = rep.get("environment") or snap.get("environment") or {}
    installed = {d["name"]: d for d in snap.get("installed", [])}
    install = []
    for item in rep.get("install", []):
        m = item.get("metadata", {})
        install.append({"name": canonicalize_name(m.get("name", "")), "version": m.get("version", ""),
                        "requested": bool(item.get("requested")), "requiresDist": m.get("requires_dist", []) or [],
                        "extras": [str(x) for x in item.get("requested_extras") or []]})
    new = {i["name"]: i for i in install}
    replaced = []
    for i in install:
        base = installed.get(i["name"])
        if base is None or base["version"] == i["version"]:
            continue
        breaks = []
        for d in installed.values():
            if d["name"] in new:  # itself being replaced: judged by its new version
                continue
            for r in reqs_on(d["requiresDist"], i["name"], env):
                if not allows(r, i["version"]):
                    breaks.append({"dist": d["name"], "version": d["version"], "requirement": str(r)})
        pulled = []
        for j in install:
            for r in reqs_on(j["requiresDist"], i["name"], env, j["extras"]):
                if not allows(r, base["version"]):
                    pulled.append({"dist": j["name"], "version": j["version"], "requirement": str(r),
                                   "requested": j["requested"]})
        entry = {"name": i["name"], "from": base["version"], "to": i["version"], "breaks": breaks,
                 "pulledInBy": pulled}
        if base.get("local") is False:
            # pip does not uninstall it (outside its environment): the new version goes in ahead of
            # it on sys.path, the base's files stay.
            entry["shadows"] = True
        replaced.append(entry)
    holders = {}
    for name in [r["name"] for r in replaced]:
        holders[name] = [{"dist": d["name"], "version": d["version"], "requirement": str(r)}
                         for d in installed.values() for r in reqs_on(d["requiresDist"], name, env)]
    return {"install": [{k: v for k, v in i.items() if k not in ("requiresDist", "extras")} for i in install],
            "replaced": replaced, "holders": holders, "environment": env}


# The operators that bound a version from above: relax drops them.
CAPS = ("==", "===", "~=", "<", "<=")


def loosened(spec, chosen):
    """The specifier set SPEC without its upper bounds, as text, or None when it has none (nothing
    to loosen): the highest lower bound it sets (==X.Y.* and ~=X.Y give >=X.Y; > wins a tie),
    else >= the major version pip chose (CHOSEN; none without one), then every != exclusion.
    A bound is the version's public part: >= and > take no local label (==2.1.0+cu121 gives
    >=2.1.0; >=2.1.0+cu121 is no valid specifier)."""
    if not any(sp.operator in CAPS for sp in spec):
        return None
    floors = []
    for sp in spec:
        op, v = sp.operator, sp.version
        if op not in ("==", "===", "~=", ">=", ">"):
            continue
        if v.endswith(".*"):
            v = v[:-2]
        try:
            floor = Version(Version(v).public)
        except InvalidVersion:
            continue
        floors.append((floor, op == ">", (">" if op == ">" else ">=") + str(floor)))
    if floors:
        lower = [max(floors)[2]]
    else:
        lower = [">=" + chosen.split(".")[0]] if chosen else []
    return ",".join(lower + sorted(str(sp) for sp in spec if sp.operator == "!="))


def relax(reqs_path, pairs):
    print(json.dumps(relaxed(open(reqs_path).read(), pairs)))


def relaxed(text, pairs):
    """Loosen the named requirements (NAME=VERSION pip chose) of TEXT: loosened(); a line with no
    upper bound stays as written, and only a line that got looser is reported as a change."""
    chosen = dict(p.split("=", 1) for p in pairs)
    out, changes = [], []
    for line in text.splitlines():
        s = line.strip()
        try:
            r = Requirement(s) if s and not s.startswith(("#", "-")) else None
        except InvalidRequirement:
            r = None
        # A direct reference (NAME @ URL) stays as written: loosened to a bare name, an index could
        # serve another project of that name (dependency confusion).
        if r is None or r.url or canonicalize_name(r.name) not in chosen:
            out.append(line)
            continue
        spec = loosened(r.specifier, chosen[canonicalize_name(r.name)])
        if spec is None:
            out.append(line)
            continue
        extras = "[%s]" % ",".join(sorted(r.extras)) if r.extras else ""
        # The marker as the line wrote it: packaging's str(Marker) drops a needed pair of
        # parentheses (a and ((b or c)) becomes a and b or c, which holds where c alone does).
        marker = "; %s" % s.split(";", 1)[1].strip() if r.marker is not None else ""
        new = "%s%s%s%s" % (r.name, extras, spec, marker)
        changes.append({"name": canonicalize_name(r.name), "from": s, "to": new})
        out.append(new)
    return {"requirements": "\\n".join(out) + "\\n", "changes": changes}


def pip_in_process(args):
    """pip's main in this process, its stdout and stderr (file descriptors 1 and 2, so that build
    backends it starts are caught too) captured: (exit status, stdout, stderr)."""
    from pip._internal.cli.main import main as pip_main
    import pip
    # The pip it starts for an sdist's build requirements gets the index URLs in its environment.
    shim = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ml_image_pip.py")
    spec = importlib.util.spec_from_file_location("ml_image_pip", shim)
    hiding = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hiding)
    hiding.hide_index_urls(shim)
    saved_argv = sys.argv
    # What \`python3 -m pip\` has: its program name in pip's messages, the working directory on
    # sys.path (where pip looks for installed distributions too).
    sys.argv = [os.path.join(os.path.dirname(pip.__file__), "__main__.py")] + list(args)
    sys.path[0] = os.getcwd()
    files = [tempfile.TemporaryFile(mode="w+b"), tempfile.TemporaryFile(mode="w+b")]
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    os.dup2(files[0].fileno(), 1)
    os.dup2(files[1].fileno(), 2)
    try:
        rc = pip_main(list(args))
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # pip's own crash: reported as pip's failure, as \`python3 -m pip\` would
        import traceback
        traceback.print_exc()
        rc = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
        sys.argv = saved_argv
    texts = []
    for f in files:
        f.seek(0)
        texts.append(f.read().decode("utf-8", "replace"))
        f.close()
    return rc or 0, texts[0], texts[1]


def image_environ():
    """The environment the image gives a plain \`docker exec\`: PID 1's (the session's idle loop),
    else this one without the names the caller added for pip (ML_IMAGE_RUN_ENV)."""
    try:
        with open("/proc/1/environ", "rb") as f:
            pairs = [p.decode("utf-8", "replace").split("=", 1) for p in f.read().split(b"\\0") if b"=" in p]
        return dict(pairs)
    except Exception:
        added = set(os.environ.get("ML_IMAGE_RUN_ENV", "").split(","))
        return {k: v for k, v in os.environ.items() if k not in added}


def run(report, with_snapshot, with_held, pip_args):
    """[snapshot,] pip install --dry-run --report REPORT, analysis: one JSON object."""
    here = os.path.dirname(os.path.abspath(report))
    timing = {}
    out = {}
    t = time.time()
    if with_snapshot:
        snap = take_snapshot(image_environ(), lambda: pip_in_process(INSPECT), pip_local())
        with open(os.path.join(here, "snapshot.json"), "w") as f:
            f.write(json.dumps(snap))
        out["snapshot"] = snap
        timing["snapshot"] = time.time() - t
        if "error" in snap:
            out["timing"] = timing
            print(json.dumps(out))
            return
    else:
        snap = load(os.path.join(here, "snapshot.json"))
    cache = os.environ.get("ML_IMAGE_PIP_CACHE")
    if cache and os.path.isdir(cache) and os.access(cache, os.W_OK):
        # pip's HTTP cache in the volume the caller mounted (when this user may write there).
        os.environ["PIP_CACHE_DIR"] = cache
    out.update(dry_run(snap, report, pip_args, timing, ""))
    held = os.path.join(here, "base-constraints.txt")
    if with_held and out["pip"]["rc"] == 0 and os.path.isfile(held) and (
            out["analysis"]["replaced"] or snap.get("constraintFile") is not None):
        # The base must be held: the same requirements with every base distribution pinned, in
        # this process too (pip is imported already), with the image's own PIP_CONSTRAINT back.
        image = image_environ()
        if "PIP_CONSTRAINT" in image:
            os.environ["PIP_CONSTRAINT"] = image["PIP_CONSTRAINT"]
        else:
            os.environ.pop("PIP_CONSTRAINT", None)
        out["held"] = dry_run(snap, os.path.join(here, "held.json"), held_args(pip_args, held), timing, "held ")
    out["timing"] = timing
    print(json.dumps(out))


def held_args(pip_args, held):
    """The held run's pip arguments: the plain run's (-c preinstalled.txt, torch==V, any number of
    -r too) but -v, and the base's pins (held) as one more constraints file."""
    return [a for a in pip_args if a != "-v"] + ["-c", held]


def dry_run(snap, report, pip_args, timing, prefix):
    """pip install --dry-run --report REPORT in this process, and the analysis of its report."""
    out = {}
    t = time.time()
    rc, stdout, stderr = pip_in_process(["install", "--dry-run"] + pip_args + ["--report", report])
    timing[prefix + "pip"] = time.time() - t
    out["pip"] = {"rc": rc, "stdout": stdout, "stderr": stderr}
    if rc == 0:
        t = time.time()
        out["analysis"] = analysis(snap, load(report))
        timing[prefix + "analysis"] = time.time() - t
    return out


def main(argv):
    cmd = argv[1]
    if cmd == "snapshot":
        snapshot()
    elif cmd == "analyze":
        analyze(argv[2], argv[3])
    elif cmd == "relax":
        relax(argv[2], argv[3:])
    elif cmd == "run":
        sep = argv.index("--")
        run(argv[2], "--snapshot" in argv[3:sep], "--held" in argv[3:sep], argv[sep + 1:])
    else:
        print(json.dumps({"error": "unknown command " + cmd}))


if __name__ == "__main__":
    main(sys.argv)
`;
