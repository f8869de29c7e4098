"""requirements.txt is what production installs; test and lint tools live in requirements-dev.txt only."""

import ast
import importlib.metadata
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("tracker", "api", "frontend")
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


def _app_imports():
    names = set()
    for package in APP_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return names


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


def test_the_app_imports_nothing_that_only_the_dev_file_installs():
    dev, _ = _pins("requirements-dev.txt")
    distributions_of = importlib.metadata.packages_distributions()
    dev_only_imports = {
        module
        for module in _app_imports()
        if any(_normalized(dist) in dev for dist in distributions_of.get(module, []))
    }
    assert dev_only_imports == set(), "move these packages to requirements.txt"
