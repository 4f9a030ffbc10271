"""The resolver's helper, run inside the base image with its own python3.

Standard library plus pip's vendored `packaging`, so requirements, specifiers and markers are
judged exactly as pip judges them, in the target environment (an arm64 image evaluates
platform_machine as aarch64). Every command prints one JSON object on stdout.

Commands (argv[1]): snapshot | analyze INSPECT REPORT | relax REQS NAME=VERSION...

Bundled as text by src/resolve/py/helper.generated.ts (regenerate with
`UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts`).
"""

import json
import os
import subprocess
import sys

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


def snapshot():
    r = subprocess.run([sys.executable, "-m", "pip", "inspect", "--local"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    out = {"python": {"version": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable},
           "env": {k: v for k, v in os.environ.items()
                   if k.startswith("PIP_") or k in ("CUDA_VERSION", "NVIDIA_PYTORCH_VERSION", "PYTORCH_VERSION")}}
    if r.returncode != 0:
        out["error"] = "pip inspect failed: " + (r.stderr.strip().splitlines() or ["exit %d" % r.returncode])[-1]
        print(json.dumps(out))
        return
    data = json.loads(r.stdout)
    out["pipVersion"] = data.get("pip_version")
    out["environment"] = data.get("environment", {})
    dists = []
    for d in data.get("installed", []):
        m = d.get("metadata", {})
        loc = d.get("metadata_location", "")
        dists.append({
            "name": canonicalize_name(m.get("name", "")),
            "version": m.get("version", ""),
            "requiresDist": m.get("requires_dist", []) or [],
            "installer": (d.get("installer") or "").strip(),
            "editable": bool(d.get("direct_url", {}).get("dir_info", {}).get("editable")),
            "directUrl": "direct_url" in d,
            "location": loc,
        })
    out["installed"] = dists
    cf = os.environ.get("PIP_CONSTRAINT") or "/etc/pip/constraint.txt"
    out["constraintFile"] = {"path": cf, "content": open(cf).read()} if os.path.isfile(cf) else None
    print(json.dumps(out))


def reqs_on(requires, name, env):
    """The requirements in 'requires' that target 'name' and apply in 'env' (extras off)."""
    found = []
    for line in requires:
        try:
            r = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(r.name) != name:
            continue
        if r.marker is not None:
            e = dict(env)
            e["extra"] = ""
            try:
                if not r.marker.evaluate(e):
                    continue
            except Exception:
                pass
        found.append(r)
    return found


def allows(req, version):
    try:
        return req.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return True


def analyze(inspect_path, report_path):
    snap = load(inspect_path)
    rep = load(report_path)
    env = rep.get("environment") or snap.get("environment") or {}
    installed = {d["name"]: d for d in snap.get("installed", [])}
    install = []
    for item in rep.get("install", []):
        m = item.get("metadata", {})
        install.append({"name": canonicalize_name(m.get("name", "")), "version": m.get("version", ""),
                        "requested": bool(item.get("requested")), "requiresDist": m.get("requires_dist", []) or []})
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
            for r in reqs_on(j["requiresDist"], i["name"], env):
                if not allows(r, base["version"]):
                    pulled.append({"dist": j["name"], "version": j["version"], "requirement": str(r),
                                   "requested": j["requested"]})
        replaced.append({"name": i["name"], "from": base["version"], "to": i["version"], "breaks": breaks,
                         "pulledInBy": pulled})
    holders = {}
    for name in [r["name"] for r in replaced]:
        holders[name] = [{"dist": d["name"], "version": d["version"], "requirement": str(r)}
                         for d in installed.values() for r in reqs_on(d["requiresDist"], name, env)]
    print(json.dumps({"install": [{k: v for k, v in i.items() if k != "requiresDist"} for i in install],
                      "replaced": replaced, "holders": holders, "environment": env}))


def relax(reqs_path, pairs):
    """Loosen the named requirements to a lower bound: the user's own, else the major version pip chose."""
    chosen = dict(p.split("=", 1) for p in pairs)
    out, changes = [], []
    for line in open(reqs_path).read().splitlines():
        s = line.strip()
        try:
            r = Requirement(s) if s and not s.startswith(("#", "-")) else None
        except InvalidRequirement:
            r = None
        if r is None or canonicalize_name(r.name) not in chosen:
            out.append(line)
            continue
        lower = None
        for sp in r.specifier:
            if sp.operator in ("==", "===", ">=", "~=", ">") and "*" not in sp.version:
                lower = sp.operator.replace("~=", ">=").replace("===", ">=").replace("==", ">=") + sp.version
        if lower is None:
            v = chosen[canonicalize_name(r.name)]
            lower = ">=%s" % (v.split(".")[0] if v else "0")
        extras = "[%s]" % ",".join(sorted(r.extras)) if r.extras else ""
        marker = "; %s" % r.marker if r.marker is not None else ""
        new = "%s%s%s%s" % (r.name, extras, lower, marker)
        if new != s:
            changes.append({"name": canonicalize_name(r.name), "from": s, "to": new})
        out.append(new)
    print(json.dumps({"requirements": "\n".join(out) + "\n", "changes": changes}))


def main(argv):
    cmd = argv[1]
    if cmd == "snapshot":
        snapshot()
    elif cmd == "analyze":
        analyze(argv[2], argv[3])
    elif cmd == "relax":
        relax(argv[2], argv[3:])
    else:
        print(json.dumps({"error": "unknown command " + cmd}))


if __name__ == "__main__":
    main(sys.argv)
