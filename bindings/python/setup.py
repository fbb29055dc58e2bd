"""Build step of jwtmint's Python package.

The package is a thin ctypes layer over libjwtmint, the C ABI of the Rust library in this
repository. Building the package builds that library with the repository's one command for
it, `ffi/build-lib.sh` (a release build with cargo), and copies it into the package, so the
installed package carries the exact library it was tested with and needs nothing else at run
time.

Everything else (metadata, packages) is in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.bdist_wheel import bdist_wheel
from setuptools.command.build_py import build_py
from setuptools.errors import SetupError

HERE = Path(__file__).resolve().parent
# This file is bindings/python/setup.py: the repository root is two levels up.
REPO = HERE.parent.parent
BUILD_LIB = REPO / "ffi" / "build-lib.sh"
# The shared library's file name per platform, as ffi/build-lib.sh names it.
LIBRARY_NAMES = ("libjwtmint.so", "libjwtmint.dylib", "jwtmint.dll")


def find_cargo() -> str:
    """The cargo to build with: $CARGO, cargo on PATH, or rustup's default place."""
    candidates = [os.environ.get("CARGO"), shutil.which("cargo")]
    candidates.append(str(Path.home() / ".cargo" / "bin" / "cargo"))
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SetupError(
        "cargo was not found (looked at $CARGO, PATH and ~/.cargo/bin). jwtmint's Python "
        "package compiles the Rust library libjwtmint while it installs: install a Rust "
        "toolchain (https://rustup.rs, Rust 1.88 or newer), or set CARGO to cargo's path, "
        "and run pip again."
    )


def build_library() -> Path:
    """Runs ffi/build-lib.sh and returns the path of the shared library it placed.

    The path is read from the script's output (it prints each file it places) rather than
    guessed, so CARGO_TARGET_DIR and cargo's other settings are honoured as the script honours
    them.
    """
    if not BUILD_LIB.is_file():
        raise SetupError(
            f"the jwtmint repository was not found at {REPO} (no ffi/build-lib.sh there). "
            "jwtmint's Python package is built from a checkout of the repository: run "
            "`pip install ./bindings/python` from the repository root (pip 21.3 or newer, "
            "which builds in place rather than from a copy)."
        )
    cargo = find_cargo()
    # The script runs `cargo`: the one found here comes first on its PATH.
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(cargo).parent), os.environ.get("PATH", "")]))
    command = ["bash", str(BUILD_LIB)]
    print("building libjwtmint:", " ".join(command), file=sys.stderr, flush=True)
    # Cargo's diagnostics go to stderr, as usual; stdout carries the paths the script placed.
    result = subprocess.run(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True, check=False
    )
    if result.returncode != 0:
        raise SetupError(f"ffi/build-lib.sh failed to build libjwtmint (exit status {result.returncode})")
    for line in result.stdout.splitlines():
        path = Path(line.strip())
        if path.name in LIBRARY_NAMES and path.is_file():
            return path
    raise SetupError(f"ffi/build-lib.sh succeeded but named no shared library:\n{result.stdout}")


class BuildPyWithLibrary(build_py):
    """build_py that also builds libjwtmint and puts it next to the package's modules."""

    def run(self) -> None:
        super().run()
        library = build_library()
        if self.editable_mode:
            # An editable install imports from src/: the library goes there (git-ignored).
            target = HERE / "src" / "jwtmint"
        else:
            target = Path(self.build_lib) / "jwtmint"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(library, target / library.name)
        os.chmod(target / library.name, 0o755)


class PlatformWheel(bdist_wheel):
    """A wheel tagged for this platform only (it ships a native library), for any Python 3:
    the library is loaded with ctypes, so it does not depend on the interpreter's ABI."""

    def finalize_options(self) -> None:
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self) -> tuple[str, str, str]:
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(cmdclass={"build_py": BuildPyWithLibrary, "bdist_wheel": PlatformWheel})
