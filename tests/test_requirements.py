"""requirements.txt is what production installs; test and lint tools live in requirements-dev.txt only."""

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^=\s]+)$")
TEST_TOOLS = {"pytest", "pytest-django", "playwright-pytest", "hypothesis", "schemathesis", "ruff"}


def _normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(filename):
    pins, includes = {}, []
    for line in (ROOT / filename).read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            includes.append(line.removeprefix("-r ").strip())
            continue
        match = PIN.match(line)
        assert match, f"{filename}: {line!r} is not an exact pin (name==version)"
        pins[_normalized(match["name"])] = match["version"]
    return pins, includes


def test_both_files_pin_every_package_exactly_and_dev_extends_runtime():
    runtime, runtime_includes = _pins("requirements.txt")
    dev, dev_includes = _pins("requirements-dev.txt")
    assert runtime_includes == []
    assert dev_includes == ["requirements.txt"]
    assert not set(runtime) & set(dev), "a package is pinned in both files"


def test_runtime_requirements_carry_no_test_or_lint_tool():
    runtime, _ = _pins("requirements.txt")
    dev, _ = _pins("requirements-dev.txt")
    assert not TEST_TOOLS & set(runtime)
    assert TEST_TOOLS - {"playwright-pytest"} <= set(dev)


# What the production processes load besides the app: the web server, the worker with its Redis
# transport, beat, the static files and the Web Push stack.
PROCESS_MODULES = [
    "gunicorn.app.wsgiapp",
    "celery.apps.worker",
    "celery.apps.beat",
    "celery.concurrency.prefork",
    "kombu.transport.redis",
    "whitenoise.middleware",
    "pywebpush",
    "psycopg",
]
_IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import django
django.setup()
import api, frontend, tracker
for package in (tracker, api, frontend):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.endswith("test_settings"):
            importlib.import_module(info.name)
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


def _runtime_site_packages(folder: Path) -> Path:
    """A site-packages holding only what requirements.txt installs: links into this .venv's own."""
    runtime, _ = _pins("requirements.txt")
    for distribution in importlib.metadata.distributions():
        if _normalized(distribution.metadata["Name"]) not in runtime:
            continue
        site = Path(distribution.locate_file(""))
        for top in {Path(str(file)).parts[0] for file in distribution.files or []}:
            if not (folder / top).exists() and (site / top).exists() and top != "..":
                (folder / top).symlink_to(site / top)
    return folder


def test_the_running_processes_need_only_what_the_runtime_file_installs(tmp_path):
    """The app and its processes import in a site-packages of requirements.txt alone, as installed in
    production: a dependency no metadata declares (kombu's Redis transport imports `packaging`) fails here."""
    site = _runtime_site_packages(tmp_path)
    result = subprocess.run(
        [sys.executable, "-S", "-c", _IMPORT_EVERYTHING, *PROCESS_MODULES],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": f"{ROOT}{os.pathsep}{site}",
            "DJANGO_SETTINGS_MODULE": "tracker.settings",
            "DEBUG": "1",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
