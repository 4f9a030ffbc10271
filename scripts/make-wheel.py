#!/usr/bin/env python3
"""Write one small wheel: make-wheel.py SPEC_JSON OUT.whl

SPEC_JSON: {"name", "version", "requires": [Requires-Dist lines], "module", "files": {path: text},
"requiresPython"}. The tests and benchmarks serve such wheels from a local PEP 503 index; their
METADATA copies the real packages' Requires-Dist, so pip resolves them exactly like the real ones.
"""
import base64, hashlib, json, sys, zipfile
spec = json.loads(sys.argv[1]); out = sys.argv[2]
dist = spec["name"].replace("-", "_")
mod = spec.get("module") or dist
info = f"{dist}-{spec['version']}.dist-info"
meta = ["Metadata-Version: 2.1", f"Name: {spec['name']}", f"Version: {spec['version']}"]
if spec.get("requiresPython"): meta.append(f"Requires-Python: {spec['requiresPython']}")
meta += [f"Requires-Dist: {r}" for r in spec.get("requires", [])]
files = {f"{mod}/__init__.py": f"__version__ = {spec['version']!r}\n"}
files.update({f"{mod}/{k}": v for k, v in (spec.get("files") or {}).items()})
files[f"{info}/METADATA"] = "\n".join(meta) + "\n"
files[f"{info}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: ml-image-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
record = []
for p, c in files.items():
    b = c.encode()
    h = base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b"=").decode()
    record.append(f"{p},sha256={h},{len(b)}")
record.append(f"{info}/RECORD,,")
files[f"{info}/RECORD"] = "\n".join(record) + "\n"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for p, c in files.items(): z.writestr(p, c)
