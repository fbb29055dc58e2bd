"""Build step of jwtmint's Python package.

The package is a thin ctypes layer over libjwtmint, the C ABI of the Rust library in this
repository. Building the package compiles that library with cargo
(`cargo build --release -p jwtmint-ffi`) and copies it into the package, so the installed
package carries the exact library it was tested with and needs nothing else at run time.

Everything else (metadata, packages) is in pyproject.toml.
"""

from __future__ import annotations

import json
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
FFI_MANIFEST = REPO / "ffi" / "Cargo.toml"
# The shared library's file name per platform (crate jwtmint-ffi, [lib] name = "jwtmint").
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
    """Runs cargo for the C ABI crate and returns the path of the shared library it built.

    The path is read from cargo's JSON messages rather than guessed, so CARGO_TARGET_DIR and
    other cargo settings of the environment are honoured.
    """
    if not FFI_MANIFEST.is_file():
        raise SetupError(
            f"the jwtmint repository was not found at {REPO} (no ffi/Cargo.toml there). "
            "jwtmint's Python package is built from a checkout of the repository: run "
            "`pip install ./bindings/python` from the repository root (pip 21.3 or newer, "
            "which builds in place rather than from a copy)."
        )
    command = [
        find_cargo(),
        "build",
        "--release",
        "--locked",
        "-p",
        "jwtmint-ffi",
        "--manifest-path",
        str(REPO / "Cargo.toml"),
        "--message-format=json-render-diagnostics",
    ]
    print("building libjwtmint:", " ".join(command), file=sys.stderr, flush=True)
    # Diagnostics and progress go to stderr, as usual; stdout carries the JSON messages.
    result = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise SetupError(f"cargo failed to build libjwtmint (exit status {result.returncode})")
    for line in result.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if (
            message.get("reason") == "compiler-artifact"
            and Path(message.get("manifest_path", "")).resolve() == FFI_MANIFEST.resolve()
            and "cdylib" in message.get("target", {}).get("crate_types", [])
        ):
            for filename in message.get("filenames", []):
                if Path(filename).name in LIBRARY_NAMES:
                    return Path(filename)
    raise SetupError("cargo succeeded but reported no shared library for jwtmint-ffi")


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
