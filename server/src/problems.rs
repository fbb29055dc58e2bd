//! The 400 answer of Zoom's auth endpoint samples, `{"errors": [{"property", "reason"}]}`,
//! and the reading of a request body's members into typed values.
//!
//! Reading converts types only (a number, or a string the sample would `parseInt`; a string;
//! a string or an array of strings). Every rule about the values (lengths, ranges, regions,
//! roles) is the core's: its error comes back here as one more problem, with its stable
//! `code` and `name` beside the sample's two members.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{Map, Value};

/// One refused member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The request member, as the client named it (`sessionName`).
    pub property: String,
    /// Why.
    pub reason: String,
    /// The core's code, when the core refused the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// The core's name for that code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
}

/// The problems of one request, all members read before answering (as the sample does).
#[derive(Debug, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// Adds a problem found while reading the request.
    pub fn add(&mut self, property: &str, reason: String) {
        self.0.push(Problem {
            property: property.to_owned(),
            reason,
            code: None,
            name: None,
        });
    }

    /// Adds the core's refusal of the value of `property`.
    pub fn core(&mut self, property: &str, e: &jwtmint::Error) {
        self.0.push(Problem {
            property: property.to_owned(),
            reason: e.to_string(),
            code: Some(e.code()),
            name: Some(e.name()),
        });
    }

    /// True when nothing was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `400 {"errors": [...]}`.
    pub fn into_response(self) -> Response {
        self.with_status(StatusCode::BAD_REQUEST)
    }

    /// `{"errors": [...]}` with another status (413, 415 for the body itself).
    pub fn with_status(self, status: StatusCode) -> Response {
        #[derive(Serialize)]
        struct Body {
            errors: Vec<Problem>,
        }
        (status, Json(Body { errors: self.0 })).into_response()
    }
}

/// Reads the members of a request body, noting each one of the wrong type.
pub struct Fields<'a> {
    body: &'a Map<String, Value>,
    /// What was refused so far.
    pub problems: Problems,
}

impl<'a> Fields<'a> {
    /// Reads `body`.
    pub fn new(body: &'a Map<String, Value>) -> Self {
        Fields {
            body,
            problems: Problems::default(),
        }
    }

    /// Notes `message` as the problem of `property`, which is then read as absent.
    fn refuse<T>(&mut self, property: &str, message: String) -> Option<T> {
        self.problems.add(property, message);
        None
    }

    /// A present member must be there; the sample's message otherwise.
    pub fn required<T>(&mut self, property: &str, value: Option<T>) -> Option<T> {
        if value.is_none() && !self.body.contains_key(property) {
            self.problems.add(
                property,
                "Property required, but not present in request body".into(),
            );
        }
        value
    }

    /// An integer: a JSON integer, or a string of one, which the sample reads with
    /// `parseInt`. Only a whole decimal integer is taken (`"1800"`, `" 1800 "`): where
    /// `parseInt` would read `"1800abc"` as 1800 and `"0x10"` as 16, this refuses both.
    pub fn integer(&mut self, property: &str) -> Option<i64> {
        let value = self.body.get(property)?;
        let parsed = match value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.problems.add(
                property,
                format!(
                    "Value {value} not allowed, must be an integer (a number or a string of one)"
                ),
            );
        }
        parsed
    }

    /// A 0/1 member as the builders' `bool`. The builders take a `bool`, so this conversion of
    /// type is the only place 0 and 1 are spelled out.
    pub fn flag(&mut self, property: &str) -> Option<bool> {
        match self.integer(property)? {
            0 => Some(false),
            1 => Some(true),
            other => self.refuse(
                property,
                format!("Value is not valid. Got {other}, expected 0,1"),
            ),
        }
    }

    /// A string of digits: a JSON string as given (the core judges it), or a non-negative
    /// JSON integer written in decimal (the sample's `meetingNumber` may be either).
    pub fn digits(&mut self, property: &str) -> Option<String> {
        match self.body.get(property)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) if n.is_u64() => Some(n.to_string()),
            other => self.refuse(
                property,
                format!("Value {other} not allowed, must be a number or a string of digits"),
            ),
        }
    }

    /// An integer as the builders' `u64` of seconds: a negative one is a problem.
    pub fn seconds(&mut self, property: &str, value: i64) -> Option<u64> {
        let seconds = u64::try_from(value).ok();
        if seconds.is_none() {
            self.problems.add(
                property,
                format!("Value {value} not allowed, must be a number of seconds"),
            );
        }
        seconds
    }

    /// A string.
    pub fn string(&mut self, property: &str) -> Option<String> {
        match self.body.get(property)? {
            Value::String(s) => Some(s.clone()),
            other => self.refuse(
                property,
                format!("Value {other} not allowed, must be of type string"),
            ),
        }
    }

    /// A string, or an array of strings (the sample's `geoRegions`): the items as given.
    pub fn string_or_list(&mut self, property: &str) -> Option<StringOrList> {
        match self.body.get(property)? {
            Value::String(s) => Some(StringOrList::String(s.clone())),
            Value::Array(items) => {
                let strings: Option<Vec<String>> = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect();
                if strings.is_none() {
                    self.problems.add(
                        property,
                        "Value not allowed, must be of type string or string array".into(),
                    );
                }
                strings.map(StringOrList::List)
            }
            other => self.refuse(
                property,
                format!("Value {other} not allowed, must be of type string or string array"),
            ),
        }
    }
}

/// `"US,DE"` or `["US", "DE"]`.
pub enum StringOrList {
    /// The claim's own form, codes joined by commas.
    String(String),
    /// One code per item.
    List(Vec<String>),
}
