//! What Zoom's documentation says about a session name (`tpc`) beyond its length, as notes:
//! jwtmint mints and accepts such names (Zoom's auth endpoint sample checks only the length,
//! and refusing them now would break tokens that work), and tells the caller what Zoom will
//! do with them.
//!
//! From <https://developers.zoom.us/docs/video-sdk/auth/>, payload table, `tpc`: "Supports
//! alphanumeric characters, spaces, and standard visible symbols (!, #, $, %, &, (, ), +, -, :,
//! ;, <, =, ., >, ?, @, [, ], ^, _, {, }, |, ~, ,, \). ... Case-insensitive (converted to
//! lowercase)."

/// The symbols Zoom's documentation lists for `tpc`, besides ASCII letters, digits and space.
pub const TPC_DOCUMENTED_SYMBOLS: &str = "!#$%&()+-:;<=.>?@[]^_{}|~,\\";

/// Something Zoom documents about a session name that jwtmint does not refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TpcNote {
    /// The name has a character outside the documented set (ASCII letters and digits, space,
    /// [`TPC_DOCUMENTED_SYMBOLS`]).
    UndocumentedCharacter,
    /// The name has upper-case letters; Zoom lower-cases it, so names differing only in case
    /// are the same session.
    NotLowerCase,
}

impl TpcNote {
    /// Every note, in the order [`tpc_notes`] reports them.
    pub const ALL: [TpcNote; 2] = [TpcNote::UndocumentedCharacter, TpcNote::NotLowerCase];

    /// A stable bit for the C ABI's mask: 1, 2.
    #[must_use]
    pub fn bit(self) -> u32 {
        match self {
            TpcNote::UndocumentedCharacter => 1,
            TpcNote::NotLowerCase => 2,
        }
    }

    /// The note, for a warning.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TpcNote::UndocumentedCharacter => {
                "tpc has a character outside the set Zoom documents (ASCII letters and digits, \
                 space, and !#$%&()+-:;<=.>?@[]^_{}|~,\\)"
            }
            TpcNote::NotLowerCase => {
                "tpc has upper-case letters; Zoom converts session names to lower case, so \
                 names differing only in case join the same session"
            }
        }
    }
}

fn documented(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == ' ' || TPC_DOCUMENTED_SYMBOLS.contains(c)
}

/// The notes that apply to the session name `tpc`, in [`TpcNote::ALL`]'s order.
///
/// ```
/// use jwtmint::zoom::{tpc_notes, TpcNote};
///
/// assert!(tpc_notes("team standup #4").is_empty());
/// assert_eq!(tpc_notes("Team standup"), [TpcNote::NotLowerCase]);
/// assert_eq!(tpc_notes("café"), [TpcNote::UndocumentedCharacter]);
/// ```
#[must_use]
pub fn tpc_notes(tpc: &str) -> Vec<TpcNote> {
    TpcNote::ALL
        .into_iter()
        .filter(|note| match note {
            TpcNote::UndocumentedCharacter => !tpc.chars().all(documented),
            TpcNote::NotLowerCase => tpc.chars().any(char::is_uppercase),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_documented_character_passes_and_others_are_noted() {
        let all = format!("az09 {TPC_DOCUMENTED_SYMBOLS}");
        assert!(tpc_notes(&all).is_empty());
        for odd in ["\"", "'", "`", "*", "/", "\t", "é", "\u{1F600}"] {
            assert_eq!(tpc_notes(odd), [TpcNote::UndocumentedCharacter], "{odd:?}");
        }
        assert_eq!(
            tpc_notes("É"),
            [TpcNote::UndocumentedCharacter, TpcNote::NotLowerCase]
        );
        assert_eq!(TpcNote::ALL.map(TpcNote::bit), [1, 2]);
    }
}
