//! This crate's source files and the header generated from them, for the tests that hold the
//! two together (every export inside the panic boundary, every result code in both).

/// Every module of the crate with its source text. A test below fails when lib.rs gains a
/// module that is not listed here.
pub(crate) const MODULES: &[(&str, &str)] = &[
    ("boundary", include_str!("boundary.rs")),
    ("cache", include_str!("cache.rs")),
    ("codes", include_str!("codes.rs")),
    ("handle", include_str!("handle.rs")),
    ("key", include_str!("key.rs")),
    ("meetingsdk", include_str!("meetingsdk.rs")),
    ("mint", include_str!("mint.rs")),
    ("ptr", include_str!("ptr.rs")),
    ("sdk_verify", include_str!("sdk_verify.rs")),
    ("verify", include_str!("verify.rs")),
    ("version", include_str!("version.rs")),
    ("videosdk", include_str!("videosdk.rs")),
    ("videosdk_tpc", include_str!("videosdk_tpc.rs")),
    ("webhook", include_str!("webhook.rs")),
];

/// The committed header (`ffi/gen-header.sh --check` keeps it in step with the sources).
pub(crate) const HEADER: &str = include_str!("../../include/jwtmint.h");

/// `(name, type, value)` of every `pub const NAME: TYPE = VALUE;` in the sources, the value as
/// written (cbindgen copies literal constants only, so the text is the number).
pub(crate) fn rust_constants() -> Vec<(&'static str, &'static str, String)> {
    MODULES
        .iter()
        .flat_map(|(_, source)| source.lines())
        .filter_map(|line| {
            let rest = line.strip_prefix("pub const ")?;
            let (name, rest) = rest.split_once(": ")?;
            let (ty, value) = rest.split_once(" = ")?;
            let value = value.strip_suffix(';')?.replace('_', "");
            Some((name, ty, value))
        })
        .collect()
}

/// `(name, value)` of every `#define NAME VALUE` in the header (the include guard has none).
pub(crate) fn header_defines() -> Vec<(&'static str, &'static str)> {
    HEADER
        .lines()
        .filter_map(|line| line.strip_prefix("#define ")?.split_once(' '))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg_attr(miri, ignore = "reads source text, runs no unsafe code")]
    fn every_module_is_listed() {
        let mut declared: Vec<&str> = include_str!("lib.rs")
            .lines()
            .filter_map(|l| l.split_once("mod "))
            .filter(|(vis, _)| matches!(*vis, "" | "pub " | "pub(crate) "))
            .filter_map(|(_, name)| name.strip_suffix(';'))
            .filter(|&name| name != "sources")
            .collect();
        let mut listed: Vec<&str> = MODULES.iter().map(|m| m.0).collect();
        declared.sort_unstable();
        listed.sort_unstable();
        assert_eq!(declared, listed);
    }

    /// The linker version script (ffi/abi/libjwtmint.map) gives every function of the header a
    /// version node, each exactly once: a new export that is not added there would not be
    /// exported by libjwtmint.so at all.
    #[test]
    #[cfg_attr(miri, ignore = "reads source text, runs no unsafe code")]
    fn the_version_script_names_every_export_once() {
        let mut declared: Vec<&str> = HEADER
            .lines()
            .filter(|l| l.contains('(') && !l.starts_with([' ', '#', '/']))
            .filter_map(|l| l.split('(').next()?.rsplit([' ', '*']).next())
            .filter(|name| name.starts_with("jwtmint_"))
            .collect();
        let mut versioned: Vec<&str> = include_str!("../abi/libjwtmint.map")
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("jwtmint_"))
            .filter_map(|l| l.strip_suffix(';'))
            .collect();
        declared.sort_unstable();
        versioned.sort_unstable();
        let listed = versioned.len();
        versioned.dedup();
        assert_eq!(listed, versioned.len(), "an export is listed twice");
        assert_eq!(declared, versioned);
        assert!(
            declared.len() >= 40,
            "found only {} functions",
            declared.len()
        );
    }
}
