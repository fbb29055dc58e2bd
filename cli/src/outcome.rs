//! Exit codes, failures and how they are reported on standard error.
//!
//! The contract: 0 success, 1 the token was rejected, 2 a usage or configuration error
//! (including an unusable standard output). Nothing here panics: `println!`/`eprintln!` panic
//! when a write fails, so every write goes through `io::Write` and its result is handled.

use std::io::{self, Write};
use std::process::ExitCode;

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success.
    Ok = 0,
    /// The token was rejected (malformed, bad signature, expired, wrong issuer, ...).
    Rejected = 1,
    /// Bad arguments, a missing or bad key or secret, or an unusable standard output.
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// Why a command did not succeed, with the message to show (none for a silent stop).
#[derive(Debug)]
pub struct Failure {
    exit: Exit,
    message: Option<String>,
}

/// What a command returns.
pub type Outcome<T = ()> = Result<T, Failure>;

impl Failure {
    /// A usage or configuration error found by the CLI itself.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            exit: Exit::Usage,
            message: Some(message.into()),
        }
    }

    /// An error from the core about the caller's input (key, secret, options, claims to mint).
    pub fn config(error: &jwtmint::Error) -> Self {
        Failure {
            exit: Exit::Usage,
            message: Some(with_code(error)),
        }
    }

    /// An error from the core about a token: a rejection (exit 1) when the core says so,
    /// otherwise a configuration error (e.g. an unusable system clock).
    pub fn token(error: &jwtmint::Error) -> Self {
        Failure {
            exit: if error.is_rejection() {
                Exit::Rejected
            } else {
                Exit::Usage
            },
            message: Some(with_code(error)),
        }
    }

    /// As [`Failure::token`], with the CLI's own text in place of the core's message.
    pub fn token_with_message(error: &jwtmint::Error, message: &str) -> Self {
        let mut failure = Failure::token(error);
        failure.message = Some(format!(
            "{message} [code {} {}]",
            error.code(),
            error.name()
        ));
        failure
    }

    /// A failed write to standard output. A closed pipe (`jwtmint mint | head -c1`) means the
    /// reader has all it wanted: stop quietly, as ripgrep does, with the command's own status.
    pub fn output(error: &io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure {
                exit: Exit::Ok,
                message: None,
            }
        } else {
            Failure::usage(format!("cannot write to standard output: {error}"))
        }
    }

    /// Adds where the problem came from, e.g. "(from $ZOOM_API_SECRET)".
    #[must_use]
    pub fn context(mut self, context: &str) -> Self {
        if let Some(message) = &mut self.message {
            message.push(' ');
            message.push_str(context);
        }
        self
    }

    /// The exit code.
    #[cfg(test)]
    pub fn exit(&self) -> Exit {
        self.exit
    }

    /// The message, if there is one to show.
    #[cfg(test)]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Prints `error: <message>` on standard error (if there is a message) and returns the
    /// exit code.
    pub fn report(self) -> Exit {
        if let Some(message) = &self.message {
            print_error(message);
        }
        self.exit
    }
}

/// `<core message> [code N name]`: the stable code next to the human text.
pub fn with_code(error: &jwtmint::Error) -> String {
    format!("{error} [code {} {}]", error.code(), error.name())
}

/// Writes `error: <message>` on standard error, ignoring a failed write (there is nowhere
/// left to report it).
pub fn print_error(message: &str) {
    let _ = writeln!(io::stderr().lock(), "error: {message}");
}

/// Writes `warning: <message>` on standard error, ignoring a failed write.
pub fn print_warning(message: &str) {
    let _ = writeln!(io::stderr().lock(), "warning: {message}");
}

/// Writes `note: <message>` on standard error, ignoring a failed write.
pub fn print_note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "note: {message}");
}

/// Writes `bytes` to standard output and flushes, mapping a failure to [`Failure::output`].
pub fn write_stdout(bytes: &[u8]) -> Outcome {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Failure::output(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_quiet_other_write_errors_are_usage_errors() {
        let quiet = Failure::output(&io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(quiet.exit(), Exit::Ok);
        assert!(quiet.message().is_none());

        let full = Failure::output(&io::Error::other("disk full"));
        assert_eq!(full.exit(), Exit::Usage);
        assert!(full.message().unwrap().contains("disk full"));
    }

    #[test]
    fn token_errors_split_by_rejection() {
        let expired = jwtmint::Error::Expired { exp: 1, now: 5 };
        let f = Failure::token(&expired);
        assert_eq!(f.exit(), Exit::Rejected);
        assert_eq!(
            f.message(),
            Some("the token expired (exp 1, now 5) [code 500 expired]")
        );
        assert_eq!(Failure::token(&jwtmint::Error::Clock).exit(), Exit::Usage);
    }

    #[test]
    fn context_is_appended() {
        let f = Failure::usage("the secret is empty").context("(from $X)");
        assert_eq!(f.message(), Some("the secret is empty (from $X)"));
    }
}
