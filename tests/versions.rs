//! One version everywhere: every package of the release (the Cargo crates, the npm package,
//! the Python package, the Go module, the C header's version macros) carries the workspace's
//! version (`[workspace.package]` of the root Cargo.toml), which scripts/dist names the
//! artifacts with. The C library's `jwtmint_version()` is its crate's `CARGO_PKG_VERSION`
//! (ffi/src/version.rs), so the crate's version decides it. And the npm package points at the
//! workspace's repository.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lines of a TOML `[section]` (up to the next header), trimmed.
fn section<'a>(toml: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("[{name}]");
    toml.lines()
        .map(str::trim)
        .skip_while(|line| *line != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .collect()
}

/// The value text of `key = value` among some lines (comments and spaces around `=` allowed).
fn value<'a>(lines: &[&'a str], key: &str) -> Option<&'a str> {
    lines.iter().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim())
    })
}

/// A double-quoted string value, without its quotes.
fn quoted(text: &str) -> Option<&str> {
    text.strip_prefix('"')?.split('"').next()
}

fn workspace(key: &str) -> String {
    let toml = read("Cargo.toml");
    let lines = section(&toml, "workspace.package");
    let text = value(&lines, key).unwrap_or_else(|| panic!("no {key} in [workspace.package]"));
    quoted(text).expect("a quoted string").to_owned()
}

/// A crate's version: `version.workspace = true` or a literal.
fn crate_version(manifest: &str, version: &str) -> Result<(), String> {
    let lines = section(manifest, "package");
    if value(&lines, "version.workspace") == Some("true") {
        return Ok(());
    }
    match value(&lines, "version").and_then(quoted) {
        Some(v) if v == version => Ok(()),
        other => Err(format!(
            "version {other:?}, not {version:?} (or version.workspace = true)"
        )),
    }
}

/// Every `NAME = "x.y.z"` assignment of a file (Python's `__version__`, Go's constant).
fn assigned<'a>(source: &'a str, name: &str) -> Vec<&'a str> {
    source
        .lines()
        .filter_map(|line| {
            let (lhs, rhs) = line.split_once('=')?;
            let lhs = lhs.trim().trim_start_matches("const ").trim();
            (lhs == name).then(|| quoted(rhs.trim())).flatten()
        })
        .collect()
}

#[test]
fn every_cargo_crate_has_the_workspace_version() {
    let version = workspace("version");
    let toml = read("Cargo.toml");
    let members = value(&section(&toml, "workspace"), "members").expect("workspace members");
    let members: Vec<&str> = members
        .trim_matches(['[', ']'])
        .split(',')
        .filter_map(|m| quoted(m.trim()))
        .collect();
    assert!(members.len() >= 4, "{members:?}");
    for member in members {
        let path = if member == "." {
            "Cargo.toml".to_owned()
        } else {
            format!("{member}/Cargo.toml")
        };
        crate_version(&read(&path), &version).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    // A Cargo crate of the Python binding (a native extension), when there is one.
    if root().join("bindings/python/Cargo.toml").exists() {
        crate_version(&read("bindings/python/Cargo.toml"), &version)
            .unwrap_or_else(|e| panic!("bindings/python/Cargo.toml: {e}"));
    }
}

#[test]
fn the_npm_package_has_the_workspace_version_and_repository() {
    let version = workspace("version");
    let repository = workspace("repository");
    for (file, pointer, expected) in [
        ("bindings/node/package.json", "/version", &version),
        ("bindings/node/package.json", "/repository/url", &repository),
        ("bindings/node/package-lock.json", "/version", &version),
        // The lock's entry for the package itself, whose name is "".
        (
            "bindings/node/package-lock.json",
            "/packages//version",
            &version,
        ),
    ] {
        let json: serde_json::Value = serde_json::from_str(&read(file)).unwrap();
        assert_eq!(
            json.pointer(pointer).and_then(serde_json::Value::as_str),
            Some(expected.as_str()),
            "{file}: {pointer}"
        );
    }
}

/// The Python package's version: pyproject.toml's literal, or where its `dynamic` version comes
/// from (setuptools' `attr`, or the extension crate's Cargo.toml as maturin reads it); and every
/// `__version__` literal of the package.
#[test]
fn the_python_package_has_the_workspace_version() {
    let version = workspace("version");
    let pyproject = read("bindings/python/pyproject.toml");
    let project = section(&pyproject, "project");
    let mut sources = 0;
    if let Some(literal) = value(&project, "version") {
        assert_eq!(
            quoted(literal),
            Some(version.as_str()),
            "bindings/python/pyproject.toml"
        );
        sources += 1;
    } else {
        let dynamic = value(&project, "dynamic").unwrap_or_default();
        assert!(
            dynamic.contains("\"version\""),
            "pyproject.toml names no version, literal or dynamic"
        );
        // maturin: the crate's version (checked with the crates above).
        if root().join("bindings/python/Cargo.toml").exists() {
            sources += 1;
        }
    }
    let mut files = Vec::new();
    for dir in ["bindings/python/src", "bindings/python/python"] {
        python_files(&root().join(dir), &mut files);
    }
    for file in files {
        let source = fs::read_to_string(&file).unwrap();
        for found in assigned(&source, "__version__") {
            assert_eq!(found, version, "{}", file.display());
            sources += 1;
        }
    }
    assert!(
        sources > 0,
        "no version of the Python package found to compare"
    );
}

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn the_go_module_has_the_workspace_version() {
    let source = read("bindings/go/version.go");
    let found = assigned(&source, "ModuleVersion");
    assert_eq!(
        found,
        [workspace("version")],
        "bindings/go/version.go: const ModuleVersion"
    );
}

#[test]
fn the_c_header_has_the_workspace_version() {
    let header = read("include/jwtmint.h");
    let part = |name: &str| -> String {
        let prefix = format!("#define JWTMINT_VERSION_{name} ");
        let line = header
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {prefix}"));
        line[prefix.len()..].trim().to_owned()
    };
    let header_version = format!("{}.{}.{}", part("MAJOR"), part("MINOR"), part("PATCH"));
    assert_eq!(
        header_version,
        workspace("version"),
        "include/jwtmint.h JWTMINT_VERSION_*"
    );
}

/// The readers above see a differing version: the tests can fail.
#[test]
fn the_readers_see_a_mismatch() {
    let manifest =
        "[package]\nname = \"x\"\nversion = \"9.9.9\"\n\n[dependencies]\nversion = \"0.1.0\"\n";
    assert!(crate_version(manifest, "0.1.0").is_err());
    assert!(crate_version(manifest, "9.9.9").is_ok());
    assert!(crate_version("[package]\nversion.workspace = true\n", "0.1.0").is_ok());
    assert_eq!(
        assigned("__version__ = \"0.2.0\"\n", "__version__"),
        ["0.2.0"]
    );
    assert_eq!(
        assigned("const ModuleVersion = \"0.3.0\"\n", "ModuleVersion"),
        ["0.3.0"]
    );
}
