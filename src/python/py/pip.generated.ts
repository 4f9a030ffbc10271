// GENERATED from ml_image_pip.py: edit that file, then run UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts
// pip with its index URLs kept off command lines (the resolver and the build) as text, so that the bundle (dist/) carries it without reading files at run time.
export const PIP_PY = `"""pip with its index URLs kept off command lines.

pip starts a second pip to install a source distribution's build requirements, and gives it every
index URL as an argument (-i URL, --extra-index-url URL, --find-links URL, and since pip 26.2 its
--proxy URL): a token in a URL's path
(Anaconda's /t/<token>/, Cloudsmith's) or a login filled in from a requirements file's \${NAME} is
then in /proc/<pid>/cmdline, which every user of the host can read (\`ps\`), the build's RUN steps
included. hide_index_urls() makes that pip get them in its environment instead (PIP_INDEX_URL,
PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, PIP_PROXY: /proc/<pid>/environ is its owner's only), and start
through this file too, so that a build requirement's own build does the same. With a pip whose
insides differ (no call_subprocess in pip._internal.build_env, or in build_env.installer since pip
26.2), pip runs as it is.

Run as \`python3 ml_image_pip.py ARGS...\` it is \`python3 -m pip ARGS...\` (the templates' install
steps: the ml_image_pip secret mount); as \`python3 ml_image_pip.py --runner RUNNER ARGS...\` it is
the second pip (RUNNER: what pip would have run, its __pip-runner__.py or its directory). The
resolver's helper imports it and calls hide_index_urls() before pip runs in its process.

Bundled as text by src/python/py/pip.generated.ts (regenerate with
\`UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts\`).
"""

import os
import runpy
import sys

# The options whose value pip's second pip gets, and the variable that carries it instead.
MOVED = {
    "-i": "PIP_INDEX_URL",
    "--index-url": "PIP_INDEX_URL",
    "--extra-index-url": "PIP_EXTRA_INDEX_URL",
    "-f": "PIP_FIND_LINKS",
    "--find-links": "PIP_FIND_LINKS",
    "--proxy": "PIP_PROXY",
}
# The variables that hold one value (the others, a list separated by white space).
SINGLE = ("PIP_INDEX_URL", "PIP_PROXY")
# Where pip's build environment starts the second pip: pip 26.2 and later, then before.
BUILD_ENV_MODULES = ("pip._internal.build_env.installer", "pip._internal.build_env")


def off_command_line(cmd):
    """CMD without the index options before its "--", and the variables that carry them. An empty
    value, or one holding white space, stays where it is (pip splits these variables at white
    space; an empty --proxy turns proxying off)."""
    kept, env = [], {}
    i = 0
    while i < len(cmd):
        arg = str(cmd[i])
        if arg == "--":
            kept.extend(cmd[i:])
            break
        name = MOVED.get(arg)
        value = str(cmd[i + 1]) if i + 1 < len(cmd) else ""
        if name is not None and value != "" and not any(c.isspace() for c in value):
            env[name] = value if name in SINGLE or name not in env else env[name] + " " + value
            i += 2
            continue
        kept.append(cmd[i])
        i += 1
    return kept, env


def child_command(cmd, shim):
    """pip's [python, RUNNER, ARGS...] as [python, SHIM, --runner, RUNNER, ARGS...]."""
    if shim is None or len(cmd) < 2 or not runnable(str(cmd[1])):
        return cmd
    return [cmd[0], shim, "--runner", cmd[1]] + list(cmd[2:])


def runnable(path):
    """PATH is there, or is inside a zip file that is (pip 21.1-22.1 run the second pip from a
    temporary .../__env_pip__.zip/pip)."""
    import zipfile
    here = path
    while not os.path.exists(here):
        parent = os.path.dirname(here)
        if parent == here:
            return False
        here = parent
    return here == path or (os.path.isfile(here) and zipfile.is_zipfile(here))


def hide_index_urls(shim=None):
    """pip's second pip gets the index URLs in its environment, and starts through SHIM (this
    file) when given. False where this pip has no call_subprocess in its build environment."""
    import importlib
    wrapped = False
    for name in BUILD_ENV_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        call = getattr(module, "call_subprocess", None)
        if call is None:
            continue
        if not getattr(call, "ml_image_hidden", False):
            module.call_subprocess = hidden(call, shim)
        wrapped = True
    return wrapped


def hidden(call, shim):
    """CALL (pip's call_subprocess) with the index options moved into extra_environ."""
    def call_subprocess(cmd, *args, **kwargs):
        kept, env = off_command_line(list(cmd))
        extra = dict(kwargs.get("extra_environ") or {})
        extra.update(env)
        kwargs["extra_environ"] = extra
        return call(child_command(kept, shim), *args, **kwargs)

    call_subprocess.ml_image_hidden = True
    return call_subprocess


def runner_root(runner):
    """Where the pip that RUNNER runs is imported from: its __pip-runner__.py's or its directory's
    parent (a directory in a zip file too)."""
    pip_dir = os.path.dirname(runner) if runner.endswith(".py") else runner
    return os.path.dirname(os.path.abspath(pip_dir))


class PipFrom:
    """Imports pip, and only pip, from ROOT (as __pip-runner__.py does): the second pip must run
    the pip that started it, and nothing else of ROOT (the parent's site-packages) may shadow the
    standard library or the build environment's own packages."""

    def __init__(self, root):
        self.root = root

    def find_spec(self, fullname, path=None, target=None):
        from importlib.machinery import PathFinder
        return PathFinder.find_spec(fullname, [self.root], target) if fullname == "pip" else None


def main(argv):
    shim = os.path.abspath(argv[0])
    args = argv[1:]
    # Not this file's directory on sys.path (pip's __main__ leaves out the working directory);
    # under -P or PYTHONSAFEPATH it is not there.
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(shim):
        del sys.path[0]
    if args[:1] == ["--runner"] and len(args) >= 2:
        runner = args[1]
        sys.meta_path.insert(0, PipFrom(runner_root(runner)))
        hide_index_urls(shim)
        sys.argv = [runner] + args[2:]
        runpy.run_path(runner, run_name="__main__")
        return 0
    hide_index_urls(shim)
    from pip._internal.cli.main import main as pip_main
    sys.argv = ["pip"] + args
    return pip_main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`;
