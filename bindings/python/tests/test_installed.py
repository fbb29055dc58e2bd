"""The package under test is the installed wheel: its extension module inside it, its metadata
the workspace's (version, repository, licenses), its wheel tag abi3 and manylinux."""

import importlib.metadata
import re
import time
from pathlib import Path

import jwtmint
from conftest import REPO


def _workspace(field):
    """A field of [workspace.package] in the root Cargo.toml (no toml parser before 3.11)."""
    text = (REPO / "Cargo.toml").read_text()
    section = text.split("[workspace.package]", 1)[1].split("\n[", 1)[0]
    return re.search(rf'^{field} = "([^"]*)"', section, re.M).group(1)


def test_imported_from_the_installed_package_not_the_source_tree():
    package_dir = Path(jwtmint.__file__).resolve().parent
    assert REPO / "bindings" / "python" / "src" not in package_dir.parents, package_dir
    native = Path(jwtmint._native.__file__).resolve()
    assert native.parent == package_dir and native.name.startswith("_native.abi3"), native
    assert (package_dir / "py.typed").is_file()
    assert (package_dir / "_native.pyi").is_file()


def test_the_extension_loaded_is_the_one_inside_the_package():
    maps = Path("/proc/self/maps").read_text()
    loaded = {line.split()[-1] for line in maps.splitlines() if "jwtmint" in line}
    assert loaded == {str(Path(jwtmint._native.__file__).resolve())}, loaded


def test_package_version_is_the_workspace_version():
    assert jwtmint.__version__ == jwtmint.library_version() == _workspace("version")
    assert importlib.metadata.version("jwtmint") == jwtmint.__version__
    # bindings/python/Cargo.toml's copy of it (build-wheel.sh refuses to build otherwise).
    crate = (REPO / "bindings" / "python" / "Cargo.toml").read_text()
    assert f'\nversion = "{jwtmint.__version__}"\n' in crate


def test_metadata_has_the_repository_licenses_and_readme():
    metadata = importlib.metadata.metadata("jwtmint")
    assert f"Repository, {_workspace('repository')}" in metadata.get_all("Project-URL")
    assert metadata["License-Expression"] == _workspace("license")
    files = {str(f) for f in importlib.metadata.files("jwtmint")}
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        assert any(f.endswith(f"licenses/{name}") for f in files), name
    assert "# jwtmint for Python" in (metadata.get_payload() or metadata["Description"] or "")


def test_installed_from_an_abi3_manylinux_wheel():
    wheel = importlib.metadata.distribution("jwtmint").read_text("WHEEL") or ""
    assert "Root-Is-Purelib: false" in wheel
    tags = [line.split(": ", 1)[1] for line in wheel.splitlines() if line.startswith("Tag: ")]
    assert tags and all(re.fullmatch(r"cp39-abi3-manylinux_2_\d+_x86_64", t) for t in tags), tags


def test_the_default_clock_is_the_cores_clock():
    before = int(time.time())
    claims = jwtmint.Verifier(jwtmint.Key("x" * 32), required=()).verify(
        jwtmint.ApiTokenMinter("k", jwtmint.Key("x" * 32), skew=0).mint()
    )
    assert before <= claims["iat"] <= int(time.time())
