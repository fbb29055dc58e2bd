"""The package under test is the installed one, and it carries its own native library."""

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
