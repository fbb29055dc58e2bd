//! A webhook request body: raw bytes from a file or standard input, read with a bound and
//! never altered (a signature covers every byte, trailing newline included).

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

use crate::outcome::{print_note, Failure, Outcome};

/// The largest body read: 1 MiB. Zoom's webhook bodies are a few kilobytes; anything this
/// big is the wrong file (or `/dev/zero`), and stopping here keeps it from filling memory.
pub const BODY_MAX: usize = 1 << 20;

/// True when the body is to be read from standard input: no argument, or `-`.
pub fn body_from_stdin(arg: Option<&PathBuf>) -> bool {
    arg.is_none_or(|a| a == Path::new("-"))
}

/// The body as read, with where it came from.
pub struct Body {
    /// The bytes, exactly as read.
    pub bytes: Vec<u8>,
    /// "the file x.json" or "standard input", for messages.
    pub source: String,
}

/// Reads the body from the file named, or from standard input when the argument is absent or
/// `-`. At most [`BODY_MAX`] bytes; more is a usage error.
pub fn read_body(arg: Option<PathBuf>) -> Outcome<Body> {
    let (result, source) = match arg {
        Some(path) if path != Path::new("-") => {
            let source = format!("the file {}", path.display());
            let result = File::open(&path).and_then(read_bounded);
            (result, source)
        }
        _ => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                print_note("reading the request body from standard input (end with Ctrl-D)");
            }
            (read_bounded(stdin.lock()), "standard input".to_owned())
        }
    };
    match result {
        Ok(Some(bytes)) => Ok(Body { bytes, source }),
        Ok(None) => Err(Failure::usage(format!(
            "the body in {source} is longer than {BODY_MAX} bytes (1 MiB); Zoom's webhook \
             bodies are far smaller: is it the right file?"
        ))),
        Err(e) => Err(Failure::usage(format!(
            "cannot read the body from {source}: {e}"
        ))),
    }
}

/// Reads to the end, or `None` as soon as there are more than [`BODY_MAX`] bytes.
fn read_bounded(reader: impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(BODY_MAX)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= BODY_MAX).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_read_keeps_every_byte_up_to_the_limit() {
        let exact = vec![b'\n'; BODY_MAX];
        assert_eq!(read_bounded(&exact[..]).unwrap().unwrap(), exact);
        let raw = b" {\"a\":1}\r\n\n".to_vec();
        assert_eq!(read_bounded(&raw[..]).unwrap().unwrap(), raw);
        assert!(read_bounded(io::repeat(b'x')).unwrap().is_none());
    }

    #[test]
    fn dash_and_nothing_mean_stdin() {
        assert!(body_from_stdin(None));
        assert!(body_from_stdin(Some(&PathBuf::from("-"))));
        assert!(!body_from_stdin(Some(&PathBuf::from("body.json"))));
        assert!(!body_from_stdin(Some(&PathBuf::from("./-"))));
    }
}
