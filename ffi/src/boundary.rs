//! The one panic boundary every exported function runs inside, and the failure type its
//! bodies return.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::codes::{jwtmint_result, JWTMINT_OK, JWTMINT_PANIC};

/// Why an exported function failed: the result code it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fail(pub jwtmint_result);

impl From<jwtmint_core::Error> for Fail {
    fn from(e: jwtmint_core::Error) -> Self {
        Fail(e.code())
    }
}

/// Runs the body of an exported function: `Ok` becomes `JWTMINT_OK`, a failure its code, and a
/// panic `JWTMINT_PANIC` instead of unwinding into C (which would abort the process).
///
/// `AssertUnwindSafe` is sound here: the bodies only read shared handles, or (the verifier's
/// setters) build a new value and swap it in as their last step, so a panic can never leave a
/// half-updated handle behind for a later call to observe.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Fail>) -> jwtmint_result {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => JWTMINT_OK,
        Ok(Err(Fail(code))) => code,
        Err(_) => JWTMINT_PANIC,
    }
}

/// [`guard`] for the few exports that return a value rather than a result code (`*_free`,
/// the version and message functions): a panic yields `on_panic`.
pub(crate) fn guard_value<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(on_panic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_map_to_codes() {
        assert_eq!(guard(|| Ok(())), JWTMINT_OK);
        assert_eq!(guard(|| Err(Fail(500))), 500);
        assert_eq!(
            guard(|| Err(jwtmint_core::Error::InvalidSignature.into())),
            400
        );
    }

    #[test]
    fn a_panic_becomes_the_panic_code() {
        assert_eq!(guard(|| panic!("boom")), JWTMINT_PANIC);
        assert_eq!(
            guard(|| {
                let v: Vec<u8> = Vec::new();
                // An out-of-bounds index: a panic from inside the standard library.
                let _ = v[usize::from(v.is_empty())];
                Ok(())
            }),
            JWTMINT_PANIC
        );
        assert_eq!(guard_value(7, || panic!("boom")), 7);
        assert_eq!(guard_value(7, || 3), 3);
    }

    /// Every exported function's body runs inside the boundary: a new export that forgets it
    /// fails here.
    #[test]
    #[cfg_attr(miri, ignore = "reads source text, runs no unsafe code")]
    fn every_export_runs_inside_the_boundary() {
        let mut exports = 0;
        for (_, source) in crate::sources::MODULES {
            for (at, _) in source.match_indices("extern \"C\" fn ") {
                let rest = &source[at..];
                let name = rest["extern \"C\" fn ".len()..].split('(').next().unwrap();
                // The body ends at the first closing brace in column 0.
                let body = &rest[..rest.find("\n}\n").expect("end of function")];
                assert!(
                    ["guard(", "guard_value(", "handle::", "configure("]
                        .iter()
                        .any(|g| body.contains(g)),
                    "{name} does not run inside the panic boundary"
                );
                exports += 1;
            }
        }
        // The handle helpers are boundaries too: each must guard.
        let handle = include_str!("handle.rs");
        for (at, _) in handle.match_indices("pub(crate) unsafe fn ") {
            let body = &handle[at..at + handle[at..].find("\n}\n").unwrap()];
            assert!(
                body.contains("guard(") || body.contains("guard_value("),
                "{body}"
            );
        }
        // Every function the header declares was seen here.
        let declared = crate::sources::HEADER
            .lines()
            .filter(|l| l.contains(" jwtmint_") || l.contains("*jwtmint_"))
            .filter(|l| l.contains('(') && !l.starts_with([' ', '#', '/']))
            .count();
        assert_eq!(exports, declared);
        assert!(exports >= 40, "found only {exports} exports");
    }

    #[test]
    fn a_panic_with_a_non_string_payload_is_caught_too() {
        assert_eq!(guard(|| std::panic::panic_any(42_u64)), JWTMINT_PANIC);
    }
}
