//! A secret (the API secret, the Video SDK secret or the webhook secret token): from an
//! environment variable or a file (or standard input), never from a command-line value (those
//! show up in `ps` and shell history).
//!
//! The text is held in `Zeroizing` buffers that are wiped when dropped, and is read into one
//! buffer allocated up front, so no reallocation leaves a copy behind. Messages name where the
//! secret came from, never what it is.

use std::fs::File;
use std::io::{self, Read};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use clap::Args;
use jwtmint::zoom::WebhookVerifier;
use jwtmint::{Key, SecretEncoding};
use zeroize::Zeroizing;

use crate::outcome::{Failure, Outcome};
pub use crate::secret_kind::{
    ApiSecret, MeetingSdkSecret, SecretKind, VideoSdkSecret, WebhookSecret,
};

/// The largest secret file read. A Zoom secret is a few dozen bytes; anything this big is the
/// wrong file (or `/dev/zero`), and stopping here keeps such input from filling memory.
pub const SECRET_FILE_MAX: usize = 64 * 1024;

/// The secret options of a command; `K` says which secret (its default variable, its name in
/// messages and the help text).
#[derive(Debug, Args)]
pub struct SecretArgs<K: SecretKind> {
    // `//` comments here, not `///`: clap would take doc comments as help text, and the help
    // comes from `K`.

    // The variable the secret is read from, instead of `K::DEFAULT_ENV`.
    #[arg(long, value_name = "NAME", conflicts_with = "secret_file", help = K::ENV_HELP)]
    pub secret_env: Option<String>,

    // The file the secret is read from; `-` for standard input.
    #[arg(long, value_name = "PATH", help = K::FILE_HELP)]
    pub secret_file: Option<PathBuf>,

    // How the secret text becomes key bytes.
    #[arg(
        long,
        value_name = "ENCODING",
        default_value = "utf8",
        value_parser = parse_encoding,
        help = K::ENCODING_HELP,
    )]
    pub secret_encoding: SecretEncoding,

    // Which secret: a type, no value.
    #[arg(skip)]
    kind: PhantomData<K>,
}

/// The core's parser, with its message for clap.
pub fn parse_encoding(text: &str) -> Result<SecretEncoding, String> {
    text.parse::<SecretEncoding>().map_err(|e| e.to_string())
}

/// Where the secret is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// An environment variable.
    Env(String),
    /// A file.
    File(PathBuf),
    /// Standard input (`--secret-file -`).
    Stdin,
}

impl SecretSource {
    /// How messages name the source: `$ZOOM_API_SECRET`, `the file s.txt`, ...
    pub fn describe(&self) -> String {
        match self {
            SecretSource::Env(name) => format!("${name}"),
            SecretSource::File(path) => format!("the file {}", path.display()),
            SecretSource::Stdin => "standard input".to_owned(),
        }
    }
}

impl<K: SecretKind> SecretArgs<K> {
    /// The kind's default variable, read in `encoding`: for commands that read several
    /// secrets, each from its own variable (`serve`).
    #[cfg(feature = "serve")]
    pub fn default_env(encoding: SecretEncoding) -> Self {
        SecretArgs {
            secret_env: None,
            secret_file: None,
            secret_encoding: encoding,
            kind: PhantomData,
        }
    }

    /// Where the secret will be read from.
    pub fn source(&self) -> SecretSource {
        match &self.secret_file {
            Some(path) if path == Path::new("-") => SecretSource::Stdin,
            Some(path) => SecretSource::File(path.clone()),
            None => SecretSource::Env(
                self.secret_env
                    .clone()
                    .unwrap_or_else(|| K::DEFAULT_ENV.to_owned()),
            ),
        }
    }

    /// True when the secret is read from standard input.
    pub fn reads_stdin(&self) -> bool {
        self.source() == SecretSource::Stdin
    }

    /// True when a secret option was given on the command line.
    pub fn given(&self) -> bool {
        self.secret_env.is_some() || self.secret_file.is_some()
    }

    /// True when the default source has something in it: the secret file was named, or the
    /// variable is set and not empty. Reads no file.
    pub fn available(&self) -> bool {
        match self.source() {
            SecretSource::Env(name) => std::env::var_os(name).is_some_and(|v| !v.is_empty()),
            SecretSource::File(_) | SecretSource::Stdin => true,
        }
    }

    /// Reads the secret and builds the HS256 key with the core's `Key::from_encoded` (which
    /// refuses secrets shorter than 32 bytes).
    pub fn load_key(&self) -> Outcome<Key> {
        self.with_text(Key::from_encoded)
    }

    /// Reads the secret text, trims it as its encoding and source call for, refuses it when
    /// empty, and hands it to `build`; a core error is reported with where the secret came
    /// from.
    fn with_text<T>(
        &self,
        build: impl FnOnce(&str, SecretEncoding) -> jwtmint::Result<T>,
    ) -> Outcome<T> {
        let source = self.source();
        let text = read_text::<K>(&source)?;
        let text = trimmed(&text, &source, self.secret_encoding);
        if text.is_empty() {
            return Err(Failure::usage(format!(
                "the {} from {} is empty; {}",
                K::WHAT,
                source.describe(),
                how::<K>()
            )));
        }
        build(text, self.secret_encoding)
            .map_err(|e| Failure::config(&e).context(&format!("(from {})", source.describe())))
    }
}

impl SecretArgs<WebhookSecret> {
    /// Reads the secret token and builds the core's `WebhookVerifier`. A webhook secret token
    /// has no length minimum: Zoom chooses it, not the user.
    pub fn load_webhook_verifier(&self) -> Outcome<WebhookVerifier> {
        self.with_text(WebhookVerifier::from_encoded)
    }
}

/// How to provide a secret, for the messages about a missing or empty one.
fn how<K: SecretKind>() -> String {
    format!(
        "set {}, or name another variable with --secret-env NAME, or use --secret-file PATH \
         ('-' for standard input)",
        K::DEFAULT_ENV
    )
}

/// The part of the secret text that is the secret.
///
/// Hex and base64 never contain whitespace, so surrounding ASCII whitespace is dropped. Text
/// (utf8, and jsrsasign, for which whitespace is part of the key) is used as is, except that
/// one trailing line break is dropped from a file: `echo` and editors add one, and a secret
/// that really ends in a newline is not worth that trap.
fn trimmed<'a>(text: &'a str, source: &SecretSource, encoding: SecretEncoding) -> &'a str {
    let is_text = matches!(
        encoding,
        SecretEncoding::Utf8 | SecretEncoding::JsrsasignCompat
    );
    match (is_text, source) {
        (true, SecretSource::Env(_)) => text,
        (true, _) => text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix('\n'))
            .unwrap_or(text),
        _ => text.trim_matches(|c: char| c.is_ascii_whitespace()),
    }
}

/// Reads the secret text from its source.
fn read_text<K: SecretKind>(source: &SecretSource) -> Outcome<Zeroizing<String>> {
    let bytes = match source {
        SecretSource::Env(name) => {
            return match std::env::var_os(name) {
                None => Err(Failure::usage(format!(
                    "no {}: ${name} is not set; {}",
                    K::WHAT,
                    how::<K>()
                ))),
                // On Unix this moves the bytes, it does not copy them.
                Some(value) => value.into_string().map(Zeroizing::new).map_err(|v| {
                    zeroize::Zeroize::zeroize(&mut v.into_encoded_bytes());
                    Failure::usage(format!("the {} in ${name} is not UTF-8 text", K::WHAT))
                }),
            };
        }
        SecretSource::File(path) => {
            let mut file = File::open(path).map_err(|e| {
                Failure::usage(format!(
                    "cannot read the secret file {}: {e}",
                    path.display()
                ))
            })?;
            read_bounded(&mut file).map_err(|e| {
                Failure::usage(format!(
                    "cannot read the secret file {}: {e}",
                    path.display()
                ))
            })?
        }
        // `Stdin` is buffered, but a read into a buffer at least as large as its own (ours is
        // 64 KiB) bypasses that buffer, so no copy of the secret stays in it.
        SecretSource::Stdin => read_bounded(&mut io::stdin().lock()).map_err(|e| {
            Failure::usage(format!("cannot read the secret from standard input: {e}"))
        })?,
    };
    let Some(bytes) = bytes else {
        return Err(Failure::usage(format!(
            "the secret in {} is longer than {SECRET_FILE_MAX} bytes; is it the right file?",
            source.describe()
        )));
    };
    into_text(bytes).ok_or_else(|| {
        Failure::usage(format!(
            "the secret in {} is not UTF-8 text (for binary secrets use \
             --secret-encoding hex, base64 or base64url)",
            source.describe()
        ))
    })
}

/// Reads at most [`SECRET_FILE_MAX`] bytes into one buffer allocated up front; `None` when
/// there is more.
fn read_bounded(reader: &mut impl Read) -> io::Result<Option<Zeroizing<Vec<u8>>>> {
    let mut buf = Zeroizing::new(vec![0u8; SECRET_FILE_MAX + 1]);
    let mut len = 0;
    while len < buf.len() {
        match reader.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    if len > SECRET_FILE_MAX {
        return Ok(None);
    }
    // Shrinking keeps the allocation; `Zeroizing` wipes its whole capacity on drop.
    buf.truncate(len);
    Ok(Some(buf))
}

/// The bytes as a string without copying them; `None` (bytes wiped) when not UTF-8.
fn into_text(mut bytes: Zeroizing<Vec<u8>>) -> Option<Zeroizing<String>> {
    let vec = std::mem::take(&mut *bytes);
    match String::from_utf8(vec) {
        Ok(text) => Some(Zeroizing::new(text)),
        Err(e) => {
            let mut vec = e.into_bytes();
            zeroize::Zeroize::zeroize(&mut vec);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_follows_the_encoding_and_source() {
        let file = SecretSource::File("s".into());
        let env = SecretSource::Env("X".into());
        assert_eq!(trimmed("abc\n", &file, SecretEncoding::Utf8), "abc");
        assert_eq!(trimmed("abc\r\n", &file, SecretEncoding::Utf8), "abc");
        assert_eq!(trimmed("abc\n\n", &file, SecretEncoding::Utf8), "abc\n");
        assert_eq!(trimmed(" abc ", &file, SecretEncoding::Utf8), " abc ");
        assert_eq!(trimmed("abc\n", &env, SecretEncoding::Utf8), "abc\n");
        assert_eq!(trimmed(" ab\t\n", &file, SecretEncoding::Hex), "ab");
        assert_eq!(trimmed("\r\nab==\n", &env, SecretEncoding::Base64), "ab==");
        // jsrsasign reads whitespace as text: it is kept, as for utf8.
        let js = SecretEncoding::JsrsasignCompat;
        assert_eq!(trimmed(" ab \n", &file, js), " ab ");
        assert_eq!(trimmed(" ab \n", &env, js), " ab \n");
    }

    #[test]
    fn bounded_read_stops_after_the_limit() {
        let big = vec![b'a'; SECRET_FILE_MAX + 10];
        assert!(read_bounded(&mut &big[..]).unwrap().is_none());
        let exact = vec![b'a'; SECRET_FILE_MAX];
        assert_eq!(
            read_bounded(&mut &exact[..]).unwrap().unwrap().len(),
            SECRET_FILE_MAX
        );
    }

    #[test]
    fn non_utf8_is_refused() {
        assert!(into_text(Zeroizing::new(vec![0xff, 0xfe])).is_none());
        assert_eq!(
            into_text(Zeroizing::new(b"ok".to_vec())).unwrap().as_str(),
            "ok"
        );
    }
}
