#!/usr/bin/env python3
"""ml-image in-container probe: prints one JSON environment record on stdout.

Standard library only, Python 3.8+. It never crashes on a missing tool or module: whatever it
cannot collect is listed under "errors" with the reason. Secrets in environment variables are
redacted by name and by value pattern before anything is printed. It holds at least every field of
PyTorch's torch.utils.collect_env (under "collectEnv").

  python3 ml_image_probe.py                  the record; torch is described without importing it
  python3 ml_image_probe.py --torch-runtime  import torch for its runtime view (slower: ~1-2 s)
  python3 ml_image_probe.py --no-torch       leave torch out
"""
import sys

# `python3 -c` (as capture runs the probe) puts the working directory, the image's WORKDIR, first on
# the import path: a csv.py or platform.py there would shadow the standard library, a stray
# mypkg.egg-info become a package of the record, a source checkout of torch be described instead of
# the installed one. The image's PYTHONPATH stays (-I would drop it): its programs import from it too.
if "" in sys.path:
    sys.path.remove("")

import base64
import csv
import ctypes
import hashlib
import importlib
import io
import itertools
import json
import os
import platform
import re
import shutil
import stat
import subprocess
import time
from urllib.parse import unquote

PROBE_VERSION = 8  # 2: sizes (python.packages[].sizeBytes, apt[].sizeBytes); 3: apt[].source, .sourceVersion; 4: conda
# 5: python.packages sorted by normalised name, copies of one name in sys.path order
# 6: conda[].prefix, one entry per environment (a package in both sys.prefix's and CONDA_PREFIX's is listed in each)
# 7: python.packages[].directUrl (PEP 610 direct_url.json: a VCS commit, an editable install)
# 8: copies of one name in one directory (pip install --ignore-installed) ordered by whose files
#    are on disk (live_copies_first): the imported copy first there too
# The record's sizes are at most 2^53 - 1 (src/capture/record.ts): a larger one (a corrupt RECORD
# or Installed-Size) is not a size, and the record would be refused for it.
MAX_BYTES = 2 ** 53 - 1
START = time.time()
ERRORS = []


def load_redaction_rules():
    """The secret-redaction rules, shared with src/capture/redact.ts (images/probe/redaction-rules.json):
    given as --redaction-rules=JSON (capture runs this file as `python3 -c`), else read beside this file."""
    for arg in sys.argv[1:]:
        if arg.startswith("--redaction-rules="):
            return json.loads(arg[len("--redaction-rules="):])
    if "__file__" not in globals():
        sys.exit("ml_image_probe: no redaction rules (pass --redaction-rules=JSON from images/probe/redaction-rules.json)")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "redaction-rules.json")) as f:
        return json.load(f)


RULES = load_redaction_rules()
SECRET_NAME = re.compile(RULES["secretName"]["pattern"], re.I if RULES["secretName"]["ignoreCase"] else 0)
SECRET_VALUE = [re.compile(p) for p in RULES["secretValues"]] + [re.compile(RULES["privateKey"])]
# A credential an environment value writes in a form of its own (//h/:_authToken=x, db.password=x).
# re.A: case folding as JavaScript's (no Kelvin sign for k, no long s for s).
CREDENTIAL_IN_VALUE = re.compile(RULES["credentialInValue"]["pattern"], re.A | (re.I if RULES["credentialInValue"]["ignoreCase"] else 0))
# JWTs (eyJ...{8,}.{8,}.{8,}) are found by has_jwt: that pattern backtracks quadratically on a long
# run of "eyJeyJ..."; runs of base64url characters joined by dots are matched once each instead
# (a match starts only where a run starts; lookahead + backreference never backtracks into a run).
DOTTED_RUNS = re.compile(r"(?<![A-Za-z0-9_-])(?=([A-Za-z0-9_-]+))\1(?:\.(?=([A-Za-z0-9_-]*))\2)+")
JWT_PREFIX = RULES["jwt"]["prefix"]
JWT_MIN_SEGMENT = RULES["jwt"]["minSegmentLength"]
BASE64_LIKE = re.compile(RULES["base64Like"])  # long base64-like value under any name
HEX = re.compile(RULES["hex"])  # commit SHAs and digests are not secrets
BASE64_MAX_LENGTH = RULES["base64MaxLength"]  # longer text: the patterns only
# scheme://user:password@ and scheme://user@ (a token as the user name), bounded so that no input
# backtracks badly.
URL_USERINFO = re.compile(RULES["urlUserinfo"])
MASK = "***"  # what the action's log masks show: masked already, as src/util/redact.ts reads it
URL_PUBLIC_PASSWORDS = set(p.lower() for p in RULES["urlPublicPasswords"])
REDACTED = RULES["redacted"]
# A URL's text after its scheme (the scheme as urlUserinfo spells it), each read once: a query
# parameter that names a secret (?token=, &sig=, #access_token=, also percent-encoded as in a URL
# nested in another's query: %3Ftoken%3D), Anaconda's /t/<token>/ segment right after the host and
# the first path segment on a host that takes a token there (Cloudsmith's dl.cloudsmith.io/<token>/)
# are masked in it.
URL_SPAN = re.compile(RULES["urlUserinfo"][1:RULES["urlUserinfo"].index("://)")] + "(" + RULES["urlTokens"]["span"] + ")")
URL_QUERY_SECRET = re.compile(RULES["urlTokens"]["query"]["pattern"], re.I if RULES["urlTokens"]["query"]["ignoreCase"] else 0)
URL_PATH_TOKEN = re.compile(RULES["urlTokens"]["pathToken"])
URL_HOST_TOKEN = re.compile(RULES["urlTokens"]["hostToken"]["pattern"])
URL_HOST_TOKEN_HINT = re.compile(re.escape(RULES["urlTokens"]["hostToken"]["hint"]), re.I)
# A connection string's secret (Server=db;Password=...;, AccountKey=...;): the value masked up to its
# ";", the key kept, as src/util/redact-connection.ts does.
CONNECTION_SECRET = re.compile(RULES["connectionString"]["pattern"], re.I if RULES["connectionString"]["ignoreCase"] else 0)
# An HTTP Authorization header's credentials (Authorization: Bearer ..., 'Authorization': 'Basic ...'),
# read as src/util/redact-authorization.ts reads them: the head by the rule's pattern, then the value
# by hand (after a known scheme its token, or its parameters to the line's end; else a quoted value
# whole, an unquoted one's first word), each character once; a masked value or a variable's
# reference ($HF_TOKEN, ${HF_TOKEN}) is kept.
# ASCII: Python's Unicode IGNORECASE would read "ſ" as "s" and "ı" as "i", where JavaScript's does not.
AUTHORIZATION = re.compile(RULES["authorization"]["pattern"], re.A | (re.I if RULES["authorization"]["ignoreCase"] else 0))
AUTH_SCHEMES = set(x.lower() for x in RULES["authorization"]["schemes"])
AUTH_PLAIN_WORDS = set(x.lower() for x in RULES["authorization"]["plainWords"])
AUTH_REFERENCE = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]{0,255}|\{[A-Za-z_][A-Za-z0-9_]{0,255}\})(?![A-Za-z0-9_])")
AUTH_WORD_END = set("\t\n\r\f\v \"'\\,;()<>[]{}*`|")
AUTH_PARAMETER = re.compile(r"[A-Za-z0-9_.-]{1,64}=[^=\t\n\r\f\v ]")
AUTH_SPACE = "\t\n\r\f\v "
# '=', '?', '&' or '#' percent-encoded (any case), as a URL nested in another's query has them.
ENCODED_QUERY = re.compile(r"%(?:3[DF]|2[36])", re.I)


def has_jwt(value):
    if JWT_PREFIX not in value:
        return False
    for m in DOTTED_RUNS.finditer(value):
        segs = m.group(0).split(".")
        for i in range(len(segs) - 2):
            p = segs[i].find(JWT_PREFIX)
            if (p >= 0 and len(segs[i]) - p - len(JWT_PREFIX) >= JWT_MIN_SEGMENT
                    and len(segs[i + 1]) >= JWT_MIN_SEGMENT and len(segs[i + 2]) >= JWT_MIN_SEGMENT):
                return True
    return False


def redact_urls(value):
    if "://" not in value:
        return value
    if "@" in value:
        value = URL_USERINFO.sub(mask_userinfo, value)
    segment = "/t/" in value or URL_HOST_TOKEN_HINT.search(value)
    if ("=" in value and ("?" in value or "&" in value or "#" in value)) or segment or ENCODED_QUERY.search(value):
        value = URL_SPAN.sub(mask_url_tokens, value)
    return value


def mask_url_tokens(m):
    url = m.group(1)
    masked = URL_PATH_TOKEN.sub(mask_secret_part, url, count=1)
    masked = URL_QUERY_SECRET.sub(mask_secret_part, URL_HOST_TOKEN.sub(mask_secret_part, masked, count=1))
    return m.group(0)[:m.start(1) - m.start(0)] + masked


def mask_secret_part(m):
    # Group 1 is what names the secret, group 2 the secret: empty, or masked already, it stays.
    return m.group(0) if m.group(2) in ("", REDACTED) else m.group(1) + REDACTED


def mask_connection_secrets(value):
    # Group 1 is the key and its "=", group 2 the value: empty, or begun masked already (a pair
    # shown again: DB_PASSWORD=[redacted] LANG=C), it stays.
    if "=" not in value:
        return value
    return CONNECTION_SECRET.sub(
        lambda m: m.group(0) if m.group(2) == "" or m.group(2).startswith((REDACTED, MASK)) else m.group(1) + REDACTED, value)


def _word_end(value, i):
    while i < len(value) and value[i] not in AUTH_WORD_END:
        i += 1
    return i


def _value_end(value, i, quote):
    stops = (quote + "\\\r\n") if quote else "\\\r\n]}"
    while i < len(value) and value[i] not in stops:
        i += 1
    return i


def _auth_credentials(value, start, quote, is_tuple):
    # (from, to, next) as src/util/redact-authorization.ts's credentials: from == to holds none.
    word = _word_end(value, start)
    end = _value_end(value, start, quote) if quote else word

    def trimmed(to):
        while to > start and value[to - 1] in AUTH_SPACE:
            to -= 1
        return to

    if value[start:word].lower() in AUTH_SCHEMES:
        frm = word
        while frm < len(value) and value[frm] in " \t":
            frm += 1
        if frm == word:
            return start, start, word
        if quote:
            return frm, max(frm, trimmed(end)), end
        if AUTH_PARAMETER.match(value[frm:frm + 80]):
            to = trimmed(_value_end(value, frm, ""))
        else:
            to = _word_end(value, frm)
        return frm, max(frm, to), to
    if is_tuple and not value.startswith(quote + ")", end):
        return start, start, end
    if quote and trimmed(end) > word:
        return start, trimmed(end), end
    if value[start:word].lower() in AUTH_PLAIN_WORDS:
        return start, start, end
    return start, word, end


def mask_authorization(value):
    if "authorization" not in value.lower():
        return value

    def masked(at):
        return value.startswith((REDACTED, MASK), at) or AUTH_REFERENCE.match(value[at:at + 258]) is not None

    parts, kept, pos = [], 0, 0
    while True:
        m = AUTHORIZATION.search(value, pos)
        if m is None:
            break
        sep, quote = m.group(1), m.group(3) or ""
        start = m.end()
        frm, to, nxt = _auth_credentials(value, start, quote, re.search(r",[\t ]*$", sep) is not None)
        pos = max(nxt, start)
        if frm == to or masked(m.start() + len(sep)) or masked(frm):
            continue
        parts += [value[kept:frm], REDACTED]
        kept = to
    if not parts:
        return value
    parts.append(value[kept:])
    return "".join(parts)


def url_part(raw):
    # Percent-decoded as JavaScript's decodeURIComponent does; as written when it cannot be.
    try:
        return unquote(raw, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return raw


def looks_secret(value):
    if any(p.search(value) for p in SECRET_VALUE) or has_jwt(value):
        return True
    return (len(value) <= BASE64_MAX_LENGTH and bool(BASE64_LIKE.match(value)) and not HEX.match(value)
            and bool(re.search(r"[A-Za-z]", value)) and bool(re.search(r"[0-9]", value)))


def is_token_user(user, password):
    # A user name before a password is a token by its shape (as written or percent-decoded), or
    # before a fixed public password (https://TOKEN:x-oauth-basic@github.com/).
    if user in ("", REDACTED, MASK):
        return False
    return looks_secret(user) or looks_secret(url_part(user)) or url_part(password).lower() in URL_PUBLIC_PASSWORDS


def mask_userinfo(m):
    # The secret is the password, else the user name: a token may be either (https://TOKEN:@host
    # has an empty password, https://:PAT@host no user name); a user name that is a token is masked
    # too where a password follows it. Nothing in it, or masked already: as is.
    scheme, user, password = m.group(1), m.group(2), m.group(3)
    if not password:
        return m.group(0) if user in ("", REDACTED, MASK) else scheme + REDACTED + "@"
    shown_user = REDACTED if is_token_user(user, password) else user
    shown_password = password if password in (REDACTED, MASK) else REDACTED
    if shown_user == user and shown_password == password:
        return m.group(0)
    return scheme + shown_user + ":" + shown_password + "@"


# A proxy variable's login without a scheme (HTTP_PROXY=user:pw@proxy.corp:3128, which curl and pip
# read as http://): given the scheme it stands for, so its password is masked as a URL's.
PROXY_RULE = RULES["schemelessProxy"]
PROXY_NAME = re.compile(PROXY_RULE["name"], re.I if PROXY_RULE["ignoreCase"] else 0)
PROXY_URL_SCHEME = re.compile(PROXY_RULE["scheme"])
PROXY_LOGIN_FIRST = re.compile(PROXY_RULE["loginFirst"])


def redact_value(name, value):
    if SECRET_NAME.search(name):
        return REDACTED
    if PROXY_NAME.search(name) and not PROXY_URL_SCHEME.match(value) and PROXY_LOGIN_FIRST.match(value):
        value = redact_urls("http://" + value)[len("http://"):]
    else:
        value = redact_urls(value)
    value = mask_authorization(mask_connection_secrets(value))
    if CREDENTIAL_IN_VALUE.search(value):
        return REDACTED
    for pattern in SECRET_VALUE:
        if pattern.search(value):
            return REDACTED
    if has_jwt(value):
        return REDACTED
    if len(value) <= BASE64_MAX_LENGTH and BASE64_LIKE.match(value) and not HEX.match(value) and re.search(r"[A-Za-z]", value) and re.search(r"[0-9]", value):
        return REDACTED
    return value


def attempt(field, fn, default=None):
    try:
        return fn()
    except Exception as e:  # the probe reports, it never fails
        ERRORS.append({"field": field, "error": "%s: %s" % (type(e).__name__, str(e).strip()[:300])})
        return default


def run(cmd, timeout=30):
    if shutil.which(cmd[0]) is None:
        raise FileNotFoundError("%s is not installed" % cmd[0])
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (cmd[0], r.returncode, (r.stderr or r.stdout).strip()[:200]))
    return r.stdout


def os_release():
    out = {}
    with open("/etc/os-release") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v.strip('"')
    return out


def glibc():
    lib, ver = platform.libc_ver()
    if lib:
        return "%s %s" % (lib, ver)
    return os.confstr("CS_GNU_LIBC_VERSION")


def packages():
    from importlib import metadata  # Python 3.8+

    out = []
    dists = []
    for d in metadata.distributions():
        # One distribution the probe cannot read is left out (and named under errors), not the list.
        try:
            try:
                entry = package_entry(d)
            except UnicodeDecodeError:  # an old METADATA/PKG-INFO in Latin-1: read it anyway
                entry = package_entry(lenient(metadata, d))
        except Exception as e:
            where = str(getattr(d, "_path", "")) or "a distribution"
            ERRORS.append({"field": "python.packages",
                           "error": "%s left out: %s: %s" % (where, type(e).__name__, str(e).strip()[:200])})
            continue
        if entry is not None:
            out.append(entry)
            dists.append(d)
    # By normalised name (PEP 503), stably: metadata.distributions() walks sys.path in order, so the
    # copies of one distribution (typing_extensions on PYTHONPATH, typing-extensions in dist-packages)
    # stay in sys.path order, the one Python imports first (the diff takes it). Sorted before
    # live_copies_first: Python 3.8/3.9 list one directory in os.listdir's order, where other
    # distributions can come between two copies of one name.
    pairs = sorted(zip(out, dists), key=lambda p: normalized_name(p[0]["name"]))
    return attempt("python.packages.order", lambda: live_copies_first(pairs), [e for e, _d in pairs])


def normalized_name(name):
    """A distribution's name as PEP 503 normalises it: Typing_Extensions is typing-extensions."""
    return re.sub(r"[-_.]+", "-", name).lower()


# At most this many files of one copy are hashed to tell which copy of a distribution is on disk.
LIVE_CHECK_FILES = 8


def live_copies_first(pairs):
    """The entries of PAIRS ((entry, distribution), sorted by normalised name), the copies of one
    name in one directory in the order of how many of their files are on disk as their RECORD
    lists them, most first. `pip install
    --ignore-installed numpy==1.26.4` over numpy 2.0.0 leaves 2.0.0's dist-info beside 1.26.4's;
    metadata.distributions() lists the two in the directory's order, but the files Python imports
    are 1.26.4's. The files compared are those the copies' RECORDs hash differently (the smallest
    few): copies that agree on every file, or list no hashes, keep their order."""
    out = []
    # Copies of one name in one directory are neighbours: PAIRS is sorted by name, stably.
    for (_name, location), copies in itertools.groupby(
            pairs, key=lambda p: (normalized_name(p[0]["name"]), p[0]["location"])):
        copies = list(copies)
        if len(copies) > 1:
            hashes = [attempt("python.packages[%s].RECORD" % e["name"], lambda d=d: record_hashes(d), {})
                      for e, d in copies]
            scores = [live_score(k, hashes, location) for k in range(len(copies))]
            copies = [copies[k] for k in sorted(range(len(copies)), key=lambda k: -scores[k])]
        out.extend(e for e, _d in copies)
    return out


def record_hashes(d):
    """A wheel's RECORD as {path: (algorithm, urlsafe base64 digest, size or None)}, hashed rows only."""
    rows = {}
    for row in csv.reader(io.StringIO(d.read_text("RECORD") or "")):
        if len(row) >= 2 and "=" in row[1]:
            algorithm, _, digest = row[1].partition("=")
            if algorithm in ("sha256", "sha384", "sha512"):
                rows[row[0]] = (algorithm, digest, byte_count(row[2]) if len(row) >= 3 else None)
    return rows


def live_score(k, hashes, location):
    """Files of copy K that are on disk as its RECORD hashes them, less those that are not, over the
    files another copy's RECORD hashes differently (the smallest LIVE_CHECK_FILES of them)."""
    mine = hashes[k]
    differ = [p for p, h in mine.items()
              if any(p in other and other[p][:2] != h[:2] for n, other in enumerate(hashes) if n != k)]
    differ.sort(key=lambda p: (mine[p][2] if mine[p][2] is not None else MAX_BYTES, p))
    score = 0
    for p in differ[:LIVE_CHECK_FILES]:
        algorithm, digest, _size = mine[p]
        score += 1 if file_digest(os.path.normpath(os.path.join(location, p)), algorithm) == digest else -1
    return score


def file_digest(path, algorithm):
    """A regular file's digest as RECORD writes it (urlsafe base64, no padding); None if unreadable."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        h = hashlib.new(algorithm)
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return base64.urlsafe_b64encode(h.digest()).rstrip(b"=").decode("ascii")


# conda-meta/*.json, bounded: a file over 1 MB is not read (a package's record is a few KB, most of it
# its file list), at most this many files per environment.
CONDA_META_MAX_BYTES = 1 << 20
CONDA_META_MAX_FILES = 5000
# torch.utils.collect_env's get_conda_packages filter (CONDA_PATTERNS + COMMON_PATTERNS +
# NVIDIA_PATTERNS + ONEAPI_PATTERNS): a line of `conda list` is kept when one of these is in it.
TORCH_CONDA_PATTERNS = [
    "cudatoolkit", "soumith", "mkl", "magma",
    "torch", "numpy", "triton", "optree",
    "cuda-cudart", "cuda-cupti", "cuda-libraries", "cuda-opencl", "cuda-nvrtc", "cuda-runtime", "cublas",
    "cudnn", "cufft", "curand", "cusolver", "cusparse", "nccl", "nvjitlink", "nvtx",
    "dpcpp-cpp-rt", "intel-cmplr-lib-rt", "intel-cmplr-lib-ur", "intel-cmplr-lic-rt", "intel-opencl-rt",
    "intel-sycl-rt", "mkl", "onemkl-sycl-blas", "onemkl-sycl-dft", "onemkl-sycl-lapack", "onemkl-sycl-rng",
    "onemkl-sycl-sparse", "intel-openmp", "tbb", "impi-rt", "impi-devel", "oneccl", "oneccl-devel",
    "intel-pti", "umf", "tcmlib",
]


def conda_packages():
    """The conda packages of the environment (what `conda list` reads, without conda): each
    <sys.prefix>/conda-meta/*.json, and CONDA_PREFIX's when that is another environment, each entry
    with its environment's prefix: a name in both (numpy in /opt/conda and in the env Python runs
    in) is two entries, which may differ. Sorted by name, sys.prefix's first within one. None: no
    conda-meta. One file the probe cannot read is left out (and named under errors), not the list."""
    prefixes = []
    for prefix in (sys.prefix, os.environ.get("CONDA_PREFIX")):
        if prefix and os.path.isdir(os.path.join(prefix, "conda-meta")) and \
                os.path.realpath(prefix) not in [os.path.realpath(p) for p in prefixes]:
            prefixes.append(prefix)
    if not prefixes:
        return None
    found = {}
    for prefix in prefixes:
        meta = os.path.join(prefix, "conda-meta")
        names = sorted(n for n in os.listdir(meta) if n.endswith(".json"))
        if len(names) > CONDA_META_MAX_FILES:
            ERRORS.append({"field": "conda", "error": "%s: %d files, only the first %d read"
                           % (meta, len(names), CONDA_META_MAX_FILES)})
        for n in names[:CONDA_META_MAX_FILES]:
            try:
                entry = conda_entry(os.path.join(meta, n))
            except Exception as e:
                ERRORS.append({"field": "conda", "error": "%s left out: %s: %s"
                               % (os.path.join(meta, n), type(e).__name__, str(e).strip()[:200])})
                continue
            entry["prefix"] = prefix
            found.setdefault(json.dumps(entry, sort_keys=True), entry)
    keys = ("version", "build", "channel", "subdir")
    order = {p: i for i, p in enumerate(prefixes)}
    return sorted(found.values(), key=lambda p: (p["name"], order[p["prefix"]]) + tuple(p.get(k, "") for k in keys))


def conda_entry(path):
    """One conda-meta record as {name, version, build?, channel?, subdir?}; the channel from its
    "channel" (else its "url" less the file name), without the subdir, a token in it masked."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise ValueError("not a file")
    if st.st_size > CONDA_META_MAX_BYTES:
        raise ValueError("%d bytes, over %d: not read" % (st.st_size, CONDA_META_MAX_BYTES))
    with open(path, "rb") as f:
        data = json.loads(f.read(CONDA_META_MAX_BYTES + 1).decode("utf-8", "replace"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")

    def text(key):
        return data[key] if isinstance(data.get(key), str) else ""

    if not text("name"):
        raise ValueError("no package name")
    entry = {"name": text("name"), "version": text("version")}
    subdir = text("subdir")
    channel = text("channel") or text("url").rpartition("/")[0]
    if subdir and channel.endswith("/" + subdir):
        channel = channel[:-len(subdir) - 1]
    for k, v in (("build", text("build") or text("build_string")), ("channel", redact_urls(channel)), ("subdir", subdir)):
        if v:
            entry[k] = v
    return entry


def conda_list_text(conda):
    """collect_env's conda_packages: `conda list`'s lines (name, version, build, channel) that name
    one of torch's patterns; None without conda."""
    if conda is None:
        return None
    lines = []
    for p in conda:
        # conda list names a channel by its name (conda-forge, pytorch), the defaults channel by none.
        m = re.match(r"https?://(?:conda\.anaconda\.org|repo\.anaconda\.com)/(?:t/[^/]+/)?(.*)$", p.get("channel", ""))
        channel = p.get("channel", "") if m is None else ("" if m.group(1).startswith("pkgs/") else m.group(1))
        lines.append(("%-25s %-15s %15s  %s" % (p["name"], p["version"], p.get("build", ""), channel)).rstrip())
    # `conda list` lists one environment: a package both environments have alike is one line.
    lines = list(dict.fromkeys(lines))
    return "\n".join(line for line in lines if any(name in line for name in TORCH_CONDA_PATTERNS))


def package_entry(d):
    name = d.metadata.get("Name")
    if not name:
        return None
    installer = (d.read_text("INSTALLER") or "").strip()
    location = str(getattr(d, "_path", "")).rsplit("/", 1)[0]
    entry = {
        "name": name,
        "version": d.version or "",  # METADATA without Version: none (the SBOM's purl has none)
        "requires": list(d.requires or []),
        "installer": installer,
        "location": location,
    }
    direct = attempt("python.packages[%s].directUrl" % name, lambda: direct_url(d))
    if direct:
        entry["directUrl"] = direct
    size = attempt("python.packages[%s].sizeBytes" % name, lambda: distribution_size(d, location))
    if size is not None and size > MAX_BYTES:
        ERRORS.append({"field": "python.packages[%s].sizeBytes" % name, "error": "%d bytes: not a size" % size})
    elif size is not None:
        entry["sizeBytes"] = size
    return entry


def direct_url(d):
    """Where pip installed D from, when not from an index (PEP 610's direct_url.json): the URL (a
    login in it masked), a VCS install's commit, and whether it is editable; None for an index's
    install. A git pin moved to another commit keeps its version (4.48.0.dev0): only this tells.
    No archive hash: a wheel built in the image anew differs by its timestamps on every build."""
    text = d.read_text("direct_url.json")
    if not text:
        return None
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise ValueError("direct_url.json: no url")
    out = {"url": redact_urls(data["url"])[:500]}
    vcs = data.get("vcs_info") if isinstance(data.get("vcs_info"), dict) else {}
    if isinstance(vcs.get("commit_id"), str) and vcs["commit_id"]:
        out["commit"] = vcs["commit_id"][:100]
    info = data.get("dir_info") if isinstance(data.get("dir_info"), dict) else {}
    if info.get("editable") is True:
        out["editable"] = True
    return out


def lenient(metadata, d):
    """D, its files read with bytes that are not UTF-8 replaced (U+FFFD)."""

    class Lenient(metadata.Distribution):
        _path = getattr(d, "_path", None)

        def read_text(self, filename):
            try:
                return d.read_text(filename)
            except UnicodeDecodeError:
                return self._path.joinpath(filename).read_bytes().decode("utf-8", "replace")

        def locate_file(self, path):
            return d.locate_file(path)

    return Lenient()


def byte_count(text, unit=1):
    """TEXT (decimal digits) times UNIT when that is a size the record can hold, else None."""
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,16}", text) or int(text) * unit > MAX_BYTES:
        return None
    return int(text) * unit


def file_size(path):
    try:
        st = os.lstat(path)
    except OSError:
        return 0  # listed but gone (removed after install)
    return st.st_size if not os.path.isdir(path) else 0


def tree_size(path):
    """Bytes of the regular files under PATH (a file: its size), links not followed."""
    if not os.path.isdir(path) or os.path.islink(path):
        return file_size(path) if os.path.lexists(path) else 0
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            total += file_size(os.path.join(root, f))
    return total


def distribution_size(d, location):
    """Bytes a distribution installed: the sizes its RECORD lists (a file listed without a size, or
    with one no record can hold, is stat-ed), else the files of an egg-info's installed-files.txt,
    else (Debian's packages keep neither) the top-level packages and modules its top_level.txt
    names. None: nothing to go by."""
    record = d.read_text("RECORD")
    if record:
        total = 0
        for row in csv.reader(io.StringIO(record)):
            if not row or not row[0]:
                continue
            size = byte_count(row[2]) if len(row) >= 3 else None
            if size is not None:
                total += size
            else:
                total += file_size(os.path.normpath(os.path.join(location, row[0])))
        return total
    base = str(getattr(d, "_path", ""))
    installed = d.read_text("installed-files.txt")
    if installed and base:
        return sum(file_size(os.path.normpath(os.path.join(base, line.strip())))
                   for line in installed.splitlines() if line.strip())
    top = d.read_text("top_level.txt")
    if top and location:
        total = 0
        for name in {line.strip() for line in top.splitlines() if line.strip()}:
            if "/" in name or name in (".", ".."):
                continue
            candidates = [os.path.join(location, name)] + [
                os.path.join(location, f) for f in os.listdir(location)
                if f.startswith(name + ".") and f.endswith((".py", ".so", ".pyd"))]
            total += sum(tree_size(c) for c in candidates)
        return total
    return None


# dpkg's package states whose files are not on disk: "c" (removed, its config files left) and
# "n" (not installed). dpkg-query -W lists them too; an SBOM must not.
NOT_INSTALLED = ("c", "n")


# dpkg's Source field: the source package a binary package was built from ("openssl" for libssl3),
# with the source's version in parentheses when it differs from the binary's ("glibc (2.36-9)" for
# a binNMU's 2.36-9+b1; "gcc-defaults (1.203)" for cpp 4:12.2.0-3). Empty when the source package is
# the binary package itself, same name and version.
SOURCE_FIELD = re.compile(r"\s*([^\s()]+)(?:\s+\(([^\s()]+)\))?\s*")


def deb_source(version, field):
    """The source fields of an apt entry from dpkg's Source field (VERSION: the binary's): "source",
    and "sourceVersion" only when it differs from VERSION; none when the field is empty (or is not
    the "name" or "name (version)" dpkg writes)."""
    m = SOURCE_FIELD.fullmatch(field or "")
    if not m:
        return {}
    out = {"source": m.group(1)}
    if m.group(2) and m.group(2) != version:
        out["sourceVersion"] = m.group(2)
    return out


def apt_packages():
    # ${db:Status-Abbrev}: the wanted, current and error states ("ii ", "rc ", "iU ").
    # ${Installed-Size}: KiB, as the package declares it (empty for a few virtual/meta entries).
    # ${Source}: the source package (deb_source), for the SBOM's purl (upstream=): scanners match
    # Debian's advisories by source package (libssl3 -> openssl, libc6 -> glibc).
    text = run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}"
                "\t${Installed-Size}\t${Source}\n"])
    out = []
    for line in text.splitlines():
        if not line:
            continue
        status, _, rest = line.partition("\t")
        if len(status) < 2 or status[1] in NOT_INSTALLED:
            continue
        parts = rest.split("\t")
        entry = dict(zip(("name", "version", "arch"), parts[:3]))
        size = byte_count(parts[3], 1024) if len(parts) > 3 else None
        if size is not None:
            entry["sizeBytes"] = size
        if len(parts) > 4:
            entry.update(deb_source(entry.get("version", ""), parts[4]))
        out.append(entry)
    return out


def load_lib_named(names):
    """The first of NAMES that loads, and that name (which copy answered: torch's or the system's)."""
    last = None
    for n in names:
        try:
            return ctypes.CDLL(n), n
        except OSError as e:
            last = e
    raise OSError("none of %s could be loaded (%s)" % (", ".join(names), last))


def load_lib(names):
    return load_lib_named(names)[0]


def version_call(lib_names, fn_name, decode, loaded=None):
    """FN_NAME's version from the first of LIB_NAMES that loads; LOADED (a list) gets its name."""
    lib, name = load_lib_named(lib_names)
    if loaded is not None:
        loaded.append(name)
    v = ctypes.c_int()
    rc = getattr(lib, fn_name)(ctypes.byref(v))
    if rc != 0:
        raise RuntimeError("%s returned %d" % (fn_name, rc))
    return decode(v.value)


def cuda_int(v):  # 12080 -> "12.8"
    return "%d.%d" % (v // 1000, (v % 1000) // 10)


def nccl_int(v):  # 22703 -> "2.27.3" (NCCL 2.9+: major*10000), 2804 -> "2.8.4" (up to 2.8: major*1000)
    major = v // 10000 if v >= 10000 else v // 1000
    rest = v % 10000 if v >= 10000 else v % 1000
    return "%d.%d.%d" % (major, rest // 100, rest % 100)


def nccl_version_text(v):
    """torch.cuda.nccl.version() as "2.27.3": a tuple (major, minor, patch), or an int (older torch:
    NCCL's own code, 2708 or 21003)."""
    return nccl_int(v) if isinstance(v, int) else ".".join(str(x) for x in v)


def cudnn_int(v):  # 91900 -> "9.19.0" (cuDNN 9: major*10000), 8906 -> "8.9.6" (cuDNN 8: major*1000)
    major = v // 10000 if v >= 10000 else v // 1000
    rest = v % 10000 if v >= 10000 else v % 1000
    return "%d.%d.%d" % (major, rest // 100, rest % 100)


def torch_lib_dirs():
    """Where torch loads its CUDA libraries from before the system's: the nvidia-* wheels beside it
    (site-packages/nvidia/<lib>/lib for CUDA 12, nvidia/cu13/lib for CUDA 13) and torch/lib.
    Found without importing torch."""
    import glob
    import importlib.util

    try:
        spec = importlib.util.find_spec("torch")
    except (ImportError, ValueError):
        return None, []
    if spec is None or not spec.submodule_search_locations:
        return None, []
    root = list(spec.submodule_search_locations)[0]
    site = os.path.dirname(root)
    return site, sorted(glob.glob(os.path.join(site, "nvidia", "*", "lib"))) + [os.path.join(root, "lib")]


def first_library(patterns):
    """(path, where) of the first library matching one of PATTERNS in torch's directories, else
    (None, None): the system's copy is then loaded by name."""
    import glob

    site, dirs = torch_lib_dirs()
    for d in dirs:
        for pattern in patterns:
            found = sorted(glob.glob(os.path.join(d, pattern)))
            if found:
                return found[0], "torch: " + os.path.relpath(found[0], site)
    return None, None


def library_version(field, sources, patterns, names, fn, decode):
    """A CUDA library's version from the copy torch loads (its wheels), else the system's by name."""
    path, where = first_library(patterns)
    candidates = ([path] if path else []) + names
    loaded = []
    value = attempt(field, lambda: version_call(candidates, fn, decode, loaded))
    if value is not None:
        # torch's copy only when it is the one that answered (it may fail to load: the system's then)
        sources[field.split(".")[-1]] = where if path and loaded and loaded[-1] == path else "system"
    return value


def cuda_info():
    info, sources = {}, {}
    # The runtime version comes from the library torch (else the image) loads, not from nvcc.
    info["runtime"] = library_version("cuda.runtime", sources, ["libcudart.so.*"],
                                      ["libcudart.so", "libcudart.so.13", "libcudart.so.12", "libcudart.so.11.0"],
                                      "cudaRuntimeGetVersion", cuda_int)
    info["driverMaxCuda"] = attempt("cuda.driverMaxCuda", lambda: version_call(
        ["libcuda.so.1", "libcuda.so"], "cuDriverGetVersion", cuda_int))
    info["cudnn"] = cudnn_version(sources)
    info["nccl"] = library_version("cuda.nccl", sources, ["libnccl.so.*"], ["libnccl.so.2", "libnccl.so"],
                                   "ncclGetVersion", nccl_int)
    info["nvcc"] = attempt("cuda.nvcc", lambda: re.search(r"release ([\d.]+)", run(["nvcc", "--version"])).group(1))
    info["sources"] = sources
    return info


def cudnn_version(sources):
    path, where = first_library(["libcudnn.so.*"])
    loaded = []

    def read():
        lib, name = load_lib_named(([path] if path else []) + ["libcudnn.so.9", "libcudnn.so.8", "libcudnn.so"])
        loaded.append(name)
        lib.cudnnGetVersion.restype = ctypes.c_size_t
        return cudnn_int(lib.cudnnGetVersion())

    value = attempt("cuda.cudnn", read)
    if value is not None:
        sources["cudnn"] = where if path and loaded and loaded[-1] == path else "system"
    return value


def tf32_state(matmul, cudnn):
    """TF32 as the environment leaves it: NVIDIA_TF32_OVERRIDE=0 turns it off in cuBLAS and cuDNN
    whatever torch asks; TORCH_ALLOW_TF32_CUBLAS_OVERRIDE=1 turns it on for every fp32 matmul."""
    overrides = {k: os.environ[k] for k in ("NVIDIA_TF32_OVERRIDE", "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE") if k in os.environ}
    if os.environ.get("TORCH_ALLOW_TF32_CUBLAS_OVERRIDE") == "1":
        matmul = True
    if os.environ.get("NVIDIA_TF32_OVERRIDE") == "0":
        matmul = cudnn = False
    return {"matmul": bool(matmul), "cudnn": bool(cudnn)}, overrides


def smi_value(text):
    """A field of nvidia-smi's CSV, None where it has none: "[N/A]", "[Not Supported]", empty."""
    return None if not text or (text.startswith("[") and text.endswith("]")) else text


def smi_mib(text):
    """memory.total in MiB, None where nvidia-smi has none: a unified-memory GPU (GB10, with no
    memory of its own) prints "[N/A]"."""
    try:
        return int(float(text))
    except (TypeError, ValueError, OverflowError):
        return None


def gpus():
    text = run(["nvidia-smi", "--query-gpu=name,memory.total,compute_cap,driver_version", "--format=csv,noheader,nounits"])
    out = []
    # Each field read alone: one that nvidia-smi cannot give costs that field, not the GPU (nor the driver).
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) >= 4:
            out.append({"name": parts[0], "memoryMiB": smi_mib(smi_value(parts[1])), "computeCapability": parts[2],
                        "driver": smi_value(parts[3])})
    return out


def torch_info():
    import torch  # noqa: may be absent; attempt() records why

    t = {
        "version": torch.__version__,
        "debugBuild": bool(getattr(torch.version, "debug", False)),
        "cuda": getattr(torch.version, "cuda", None),
        "hip": getattr(torch.version, "hip", None),
        "cudaAvailable": bool(torch.cuda.is_available()),
        "deviceCount": torch.cuda.device_count() if torch.cuda.is_available() else 0,
        "cudnn": attempt("torch.cudnn", lambda: cudnn_int(torch.backends.cudnn.version())
                         if torch.backends.cudnn.is_available() else None),
        "nccl": attempt("torch.nccl", lambda: nccl_version_text(torch.cuda.nccl.version()) if torch.cuda.is_available() else None),
        "allocatorConfig": os.environ.get("PYTORCH_CUDA_ALLOC_CONF") or os.environ.get("PYTORCH_ALLOC_CONF") or "",
        # As collect_env: the submodule is imported first (torch 2.11 no longer loads it with torch).
        "xnnpackAvailable": attempt("torch.xnnpack", lambda: bool(importlib.import_module("torch.backends.xnnpack").enabled)),
        "threads": torch.get_num_threads(),
        "source": "runtime",
    }
    t["tf32"], t["tf32Overrides"] = tf32_state(torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32)
    if t["cudaAvailable"]:
        t["devices"] = [
            {"name": torch.cuda.get_device_name(i),
             "memoryMiB": torch.cuda.get_device_properties(i).total_memory // (1024 * 1024),
             "computeCapability": "%d.%d" % torch.cuda.get_device_capability(i)}
            for i in range(t["deviceCount"])
        ]
    return t


def cuda_devices():
    """Devices the driver reports (cuInit + cuDeviceGetCount), without torch."""
    lib = load_lib(["libcuda.so.1", "libcuda.so"])
    if lib.cuInit(0) != 0:
        return 0
    n = ctypes.c_int()
    return n.value if lib.cuDeviceGetCount(ctypes.byref(n)) == 0 else 0


def torch_static():
    """torch as collect_env describes it, read from its files: importing torch costs seconds."""
    import importlib.util
    from importlib import metadata

    spec = importlib.util.find_spec("torch")  # a top-level find_spec does not import the package
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'torch'")
    root = list(spec.submodule_search_locations)[0]
    fields = {}
    with open(os.path.join(root, "version.py")) as f:
        for line in f:
            m = re.match(r"^(\w+)\s*(?::\s*[\w\[\], ]+)?=\s*(.+)$", line.strip())
            if m:
                try:
                    fields[m.group(1)] = eval(m.group(2), {"__builtins__": {}}, {"None": None, "True": True, "False": False})
                except Exception:
                    pass
    cuda = fields.get("cuda")
    devices = attempt("torch.devices", cuda_devices, 0) if cuda else 0
    tf32, overrides = tf32_state(False, True)  # torch's defaults: matmul TF32 off since 1.12, cuDNN on
    cudnn, nccl = (attempt("torch.cudnn", lambda: cudnn_version({})), library_version(
        "torch.nccl", {}, ["libnccl.so.*"], ["libnccl.so.2"], "ncclGetVersion", nccl_int)) if cuda else (None, None)
    return {
        "version": fields.get("__version__") or metadata.version("torch"),
        "debugBuild": bool(fields.get("debug", False)),
        "cuda": cuda,
        "hip": fields.get("hip"),
        "cudaAvailable": bool(cuda) and devices > 0,
        "deviceCount": devices,
        "tf32": tf32,
        "tf32Overrides": overrides,
        "cudnn": cudnn,
        "nccl": nccl,
        "allocatorConfig": os.environ.get("PYTORCH_CUDA_ALLOC_CONF") or os.environ.get("PYTORCH_ALLOC_CONF") or "",
        # Official builds for x86_64 and aarch64 ship XNNPACK (exact: --torch-runtime).
        "xnnpackAvailable": os.path.isdir(os.path.join(root, "backends", "xnnpack")),
        "source": "static",
    }


def tool_version(cmd):
    return run(cmd).splitlines()[0].strip()


def cpu_info():
    try:
        return run(["lscpu"])
    except Exception:
        with open("/proc/cpuinfo") as f:
            models = sorted({ln.split(":", 1)[1].strip() for ln in f if ln.startswith(("model name", "Model", "CPU part"))})
        return "; ".join(models) + " (%d CPUs)" % (os.cpu_count() or 0)


def main():
    no_torch = "--no-torch" in sys.argv
    pkgs = attempt("python.packages", packages, [])
    conda = attempt("conda", conda_packages)
    torch = None if no_torch else attempt("torch", torch_info if "--torch-runtime" in sys.argv else torch_static)
    if no_torch:
        ERRORS.append({"field": "torch", "error": "skipped (--no-torch)"})
    cuda = cuda_info()
    gpu_list = attempt("gpus", gpus, [])
    if not gpu_list and torch and torch.get("devices"):
        gpu_list = [dict(d, driver=None) for d in torch["devices"]]
    pip_version = next((p["version"] for p in pkgs if p["name"].lower() == "pip"), None)
    record = {
        "schemaVersion": 2,
        "os": {
            "osRelease": attempt("os.osRelease", os_release, {}),
            "glibc": attempt("os.glibc", glibc),
            "kernel": platform.release(),
            "machine": platform.machine(),
        },
        "python": {
            "version": platform.python_version(),
            "implementation": platform.python_implementation(),
            "executable": sys.executable,
            "platform": platform.platform(),
            "pipVersion": pip_version,
            "packages": pkgs,
        },
        "apt": attempt("apt", apt_packages, []),
        **({} if conda is None else {"conda": conda}),
        "cuda": cuda,
        "torch": torch,
        "gpus": gpu_list,
        "tools": {
            "gcc": attempt("tools.gcc", lambda: tool_version(["gcc", "--version"])),
            "clang": attempt("tools.clang", lambda: tool_version(["clang", "--version"])),
            "cmake": attempt("tools.cmake", lambda: tool_version(["cmake", "--version"])),
        },
        "env": {k: redact_value(k, v) for k, v in sorted(os.environ.items())},
    }
    t = torch or {}
    # Every field of torch.utils.collect_env's SystemEnv, from what was collected above.
    record["collectEnv"] = {
        "torch_version": t.get("version"),
        "is_debug_build": t.get("debugBuild"),
        "cuda_compiled_version": t.get("cuda"),
        "gcc_version": record["tools"]["gcc"],
        "clang_version": record["tools"]["clang"],
        "cmake_version": record["tools"]["cmake"],
        "os": record["os"]["osRelease"].get("PRETTY_NAME"),
        "libc_version": record["os"]["glibc"],
        "python_version": "%s (%d-bit runtime)" % (platform.python_version(), 64 if sys.maxsize > 2 ** 32 else 32),
        "python_platform": platform.platform(),
        "is_cuda_available": t.get("cudaAvailable"),
        "cuda_runtime_version": cuda.get("runtime"),
        "cuda_module_loading": os.environ.get("CUDA_MODULE_LOADING"),
        "nvidia_driver_version": gpu_list[0].get("driver") if gpu_list else None,
        "nvidia_gpu_models": "; ".join(g["name"] for g in gpu_list) or None,
        "cudnn_version": cuda.get("cudnn") or t.get("cudnn"),
        "pip_version": "pip3" if pip_version else None,
        "pip_packages": "\n".join("%s==%s" % (p["name"], p["version"]) for p in pkgs
                                  if re.search(r"torch|numpy|mypy|flake8|onnx|triton|optree|nccl|cudnn|cuda", p["name"], re.I)),
        "conda_packages": conda_list_text(conda),
        "hip_compiled_version": t.get("hip"),
        "hip_runtime_version": t.get("hip"),
        "miopen_runtime_version": None,
        "caching_allocator_config": t.get("allocatorConfig"),
        "is_xnnpack_available": t.get("xnnpackAvailable"),
        "cpu_info": attempt("cpu_info", cpu_info),
    }
    record["errors"] = ERRORS
    record["capture"] = {"probeVersion": PROBE_VERSION, "durationMs": int((time.time() - START) * 1000)}
    print(json.dumps(record))


if __name__ == "__main__":
    main()
