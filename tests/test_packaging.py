"""The package as an installer sees it: a wheel built from the repository holds every module under ``fromto/``, a
non-editable install of it imports them all from outside the repository, and every package that
``pyproject.toml`` names is pinned in ``requirements.txt``.

The wheel is built offline (no build isolation, no index) with the setuptools that ``requirements.txt`` pins, from a
copy of the files the build reads, so the test writes nothing into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from fromto import paths

ROOT = paths.ROOT
PACKAGE = ROOT / "fromto"
#: What the build reads besides the package: its configuration, the readme and the licence it names.
BUILD_FILES = ("pyproject.toml", "README.md", "LICENSE")
#: Modules that are not imported: the package's ``python -m`` entry, and a script the kernel manager runs by path.
NOT_IMPORTED = {"fromto.__main__", "fromto._kernel_launcher"}


def _norm(name: str) -> str:
    """A distribution name in its normalised form (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _name(requirement: str) -> str:
    return _norm(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip()).group(0))


def source_modules() -> list[str]:
    """Every module file under ``fromto/`` as a path inside the wheel (``fromto/clean/body.py``)."""
    return sorted(p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _setuptools_too_old() -> str | None:
    required = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    floor = next(int(m.group(1)) for r in required if (m := re.fullmatch(r"setuptools>=(\d+).*", r)))
    try:
        installed = metadata.version("setuptools")
    except metadata.PackageNotFoundError:
        installed = None
    if installed is None or int(installed.split(".")[0]) < floor:
        return (f"setuptools {installed} cannot build this package offline (pyproject.toml needs >={floor}); "
                f"install the pinned one: python -m pip install -r requirements.txt")
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    reason = _setuptools_too_old()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in BUILD_FILES:
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(PACKAGE, src / "fromto", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "-w", str(out)],
        capture_output=True, text=True, cwd=tmp, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("fromto-*.whl")
    return built


def test_the_wheel_holds_every_module_of_the_source_tree(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [m for m in source_modules() if m not in names]
    assert not missing, f"modules left out of the wheel: {missing}"
    assert "fromto/clean/__init__.py" in names  # a subpackage, which a fixed package list once left out


def test_the_wheel_declares_the_command_and_no_test_packages_as_runtime_needs(wheel):
    with zipfile.ZipFile(wheel) as z:
        info = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = z.read(info).decode("utf-8")
        entry_points = z.read(info.replace("METADATA", "entry_points.txt")).decode("utf-8")
    assert "fromto = fromto.cli:main" in entry_points
    runtime = {_name(line.split(":", 1)[1]) for line in meta.splitlines()
               if line.startswith("Requires-Dist:") and "extra ==" not in line}
    assert runtime and not runtime & {"pytest", "playwright", "lxml"}


def test_an_installed_wheel_imports_every_module_from_outside_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", str(wheel), "--no-deps", "--no-index", "--disable-pip-version-check",
         "--quiet", "--target", str(target)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = sorted(m[:-3].replace("/", ".").removesuffix(".__init__") for m in source_modules())
    expected = [m for m in expected if m not in NOT_IMPORTED]
    script = (
        "import importlib, sys\n"
        f"target = {str(target)!r}\n"
        "for name in sys.argv[1:]:\n"
        "    module = importlib.import_module(name)\n"
        "    assert module.__file__.startswith(target), (name, module.__file__)\n"
        "print(len(sys.argv) - 1)\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    # Run where no fromto/ folder is in reach, so only the installed copy can answer.
    result = subprocess.run([sys.executable, "-c", script, *expected], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == str(len(expected))


def test_every_package_pyproject_names_is_pinned_in_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    named = {_name(r) for r in project["dependencies"]}
    named |= {_name(r) for extra in project.get("optional-dependencies", {}).values() for r in extra}
    pinned = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            name, _, version = line.partition("==")
            assert version, f"requirements.txt: {line!r} is not an exact pin"
            pinned[_norm(name)] = version
    assert not named - pinned.keys(), f"named in pyproject.toml but not pinned: {sorted(named - pinned.keys())}"
