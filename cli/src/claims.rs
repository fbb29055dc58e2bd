//! `--claim NAME=JSON`: extra claims for `mint`, kept in command-line order.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// One `--claim`: a name and its JSON value.
pub type Claim = (String, Value);

/// Extra claims in the order given. `serde_json::Map` would sort them (serde_json is built
/// without `preserve_order`), so this serializes the list as a map itself. Names given twice
/// are written twice: the core refuses such claims (`DuplicateMember`), as it refuses a
/// repeated `iss`, `iat` or `exp`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderedClaims(pub Vec<Claim>);

impl Serialize for OrderedClaims {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// Parses `NAME=JSON` (split at the first `=`), for clap.
pub fn parse_claim(text: &str) -> Result<Claim, String> {
    let Some((name, json)) = text.split_once('=') else {
        return Err(
            "expected NAME=JSON, e.g. --claim role=1 or --claim 'name=\"text\"'".to_owned(),
        );
    };
    if name.is_empty() {
        return Err("the claim name before '=' is empty".to_owned());
    }
    let value = serde_json::from_str(json).map_err(|e| {
        format!(
            "the value of claim {name:?} is not JSON ({e}); write strings with JSON quotes, \
             e.g. --claim '{name}=\"text\"'"
        )
    })?;
    Ok((name.to_owned(), value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_json_values() {
        assert_eq!(parse_claim("role=1").unwrap(), ("role".into(), json!(1)));
        assert_eq!(
            parse_claim("n=\"x=y\"").unwrap(),
            ("n".into(), json!("x=y"))
        );
        assert_eq!(
            parse_claim("o={\"a\":[true,null]}").unwrap(),
            ("o".into(), json!({"a": [true, null]}))
        );
    }

    #[test]
    fn refuses_what_is_not_name_equals_json() {
        assert!(parse_claim("role").unwrap_err().contains("NAME=JSON"));
        assert!(parse_claim("=1").unwrap_err().contains("name"));
        let e = parse_claim("name=admin").unwrap_err();
        assert!(e.contains("not JSON"), "{e}");
        assert!(parse_claim("n=").is_err());
        assert!(parse_claim("n=1 2").is_err());
    }

    #[test]
    fn keeps_order_and_duplicates() {
        let c = OrderedClaims(vec![
            ("z".into(), json!(1)),
            ("a".into(), json!("x")),
            ("z".into(), json!(2)),
        ]);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"z":1,"a":"x","z":2}"#
        );
    }
}
