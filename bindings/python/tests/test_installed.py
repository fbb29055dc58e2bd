"""The package under test is the installed one, and it carries its own native library."""

import ctypes
import importlib.metadata
import time
from pathlib import Path

import jwtmint
from conftest import REPO


def test_imported_from_the_installed_package_not_the_source_tree():
    package_dir = Path(jwtmint.__file__).resolve().parent
    assert REPO / "bindings" / "python" / "src" not in package_dir.parents, package_dir
    assert (package_dir / "libjwtmint.so").is_file()
    assert (package_dir / "py.typed").is_file()


def test_the_library_loaded_is_the_one_inside_the_package():
    maps = Path("/proc/self/maps").read_text()
    loaded = {line.split()[-1] for line in maps.splitlines() if "libjwtmint" in line}
    assert loaded == {str(Path(jwtmint.__file__).resolve().parent / "libjwtmint.so")}


def test_package_version_is_the_library_version():
    assert jwtmint.library_version() == jwtmint.__version__
    cargo = (REPO / "Cargo.toml").read_text()
    assert f'version = "{jwtmint.__version__}"' in cargo


def test_installed_from_a_platform_wheel():
    # The package ships a native library: its wheel must not claim to be pure Python.
    wheel = importlib.metadata.distribution("jwtmint").read_text("WHEEL") or ""
    assert "Root-Is-Purelib: false" in wheel
    tags = [line.split(": ", 1)[1] for line in wheel.splitlines() if line.startswith("Tag: ")]
    assert tags and all(not tag.endswith("-any") for tag in tags), tags
    assert all(tag.startswith("py3-none-") for tag in tags), tags  # ctypes: any Python 3


def test_the_default_clock_is_the_librarys_clock():
    from jwtmint import _args, _native

    out = ctypes.c_int64()
    before = time.time()
    assert _native.lib.jwtmint_now(ctypes.byref(out)) == 0
    ours = _args.now(None)
    assert abs(ours - out.value) <= 1
    assert abs(ours - before) <= 2
