//! Shared helpers: run the built binary, and an independent HS256 (the `hmac`, `sha2` and
//! `base64` crates directly, never jwtmint) for the expected tokens.
#![allow(dead_code)]

mod extras;
pub mod secret_doors;

pub use extras::*;

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_jwtmint");

/// A test secret of 38 bytes.
pub const SECRET: &str = "test-secret-0123456789abcdef0123456789";
/// A test API key.
pub const KEY: &str = "test-api-key";
/// A fixed time.
pub const NOW: i64 = 1_700_000_000;
/// NOW, as a command-line argument.
pub const NOW_ARG: &str = "1700000000";
/// Every command of `jwtmint`.
pub const COMMANDS: [&str; 9] = [
    "mint",
    "verify",
    "decode",
    "demo",
    "videosdk",
    "meetingsdk",
    "webhook",
    "completions",
    "man",
];
/// A Meeting SDK test key.
pub const MEETING_KEY: &str = "meeting-sdk-key";
/// A Meeting SDK test secret of 36 bytes.
pub const MEETING_SECRET: &str = "Zoom-Meeting-SDK-Secret-Of-36-Chars!";
/// The header every jwtmint token has.
pub const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Asserts exit 0 and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> String {
        assert_eq!(self.code, 0, "expected success; stderr: {}", self.stderr);
        self.stdout()
    }

    /// Asserts [`Run::fails`] with `code` and that stderr contains `needle`; returns stderr.
    #[track_caller]
    pub fn fails_with(&self, code: i32, needle: &str) -> &str {
        let err = self.fails(code);
        assert!(err.contains(needle), "expected {needle:?} in stderr: {err}");
        err
    }

    /// Asserts that `secret` shows on neither output.
    #[track_caller]
    pub fn never_shows(&self, secret: &str) {
        assert!(
            !self.stderr.contains(secret)
                && !String::from_utf8_lossy(&self.stdout).contains(secret),
            "the secret leaked: {self:?}"
        );
    }

    /// Asserts what clap does for a command given nothing: exit 2, nothing on stdout, and
    /// the help, starting with `usage`, on stderr.
    #[track_caller]
    pub fn shows_usage(&self, usage: &str) {
        assert_eq!(self.code, 2, "stderr: {}", self.stderr);
        assert!(self.stdout.is_empty(), "stdout: {:?}", self.stdout());
        assert!(self.stderr.contains(usage), "{}", self.stderr);
    }

    /// Asserts the exit code, an empty stdout, and `error: ` on stderr; returns stderr.
    #[track_caller]
    pub fn fails(&self, code: i32) -> &str {
        assert_eq!(self.code, code, "stderr: {}", self.stderr);
        assert!(
            self.stdout.is_empty(),
            "stdout: {:?}",
            String::from_utf8_lossy(&self.stdout)
        );
        assert!(
            self.stderr.starts_with("error: ") || self.stderr.contains("\nerror: "),
            "stderr: {}",
            self.stderr
        );
        &self.stderr
    }
}

/// A command line for the binary, in an empty environment (no stray `ZOOM_API_*`).
pub struct Cli {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

pub fn jwtmint<I, S>(args: I) -> Cli
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new(BIN);
    cmd.args(args).env_clear();
    Cli { cmd, stdin: None }
}

impl Cli {
    pub fn env(mut self, name: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(name, value);
        self
    }

    /// [`Cli::env`] for each `(name, value)`.
    pub fn envs(self, vars: &[(&str, &str)]) -> Self {
        vars.iter()
            .fold(self, |cli, (name, value)| cli.env(name, value))
    }

    /// More arguments, after those given so far.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    /// One more argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.cmd.arg(arg);
        self
    }

    /// `--now T`.
    pub fn now(self, t: i64) -> Self {
        self.args(["--now".to_owned(), t.to_string()])
    }

    /// The usual test credentials: `ZOOM_API_KEY=KEY`, `ZOOM_API_SECRET=SECRET`.
    pub fn creds(self) -> Self {
        self.env("ZOOM_API_KEY", KEY).env("ZOOM_API_SECRET", SECRET)
    }

    /// The Video SDK test credentials: `ZOOM_VIDEO_SDK_KEY=SDK_KEY`,
    /// `ZOOM_VIDEO_SDK_SECRET=SDK_SECRET`.
    pub fn sdk_creds(self) -> Self {
        self.env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
            .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
    }

    /// The Meeting SDK test credentials: `ZOOM_MEETING_SDK_KEY=MEETING_KEY`,
    /// `ZOOM_MEETING_SDK_SECRET=MEETING_SECRET`.
    pub fn meeting_creds(self) -> Self {
        self.env("ZOOM_MEETING_SDK_KEY", MEETING_KEY)
            .env("ZOOM_MEETING_SDK_SECRET", MEETING_SECRET)
    }

    /// The webhook vector's secret token in `ZOOM_WEBHOOK_SECRET_TOKEN`.
    pub fn webhook_creds(self) -> Self {
        self.env("ZOOM_WEBHOOK_SECRET_TOKEN", WEBHOOK_TOKEN)
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs to completion. Every run is checked for what must never happen: death by signal,
    /// a panic, or an exit code outside the contract.
    #[track_caller]
    pub fn run(mut self) -> Run {
        self.cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn jwtmint");
        let writer = self.stdin.take().map(|bytes| {
            let mut pipe = child.stdin.take().unwrap();
            // The binary may stop reading early (bounded reads); a failed write is fine.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
        });
        let out = child.wait_with_output().expect("wait for jwtmint");
        if let Some(w) = writer {
            w.join().unwrap();
        }
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "panic: {stderr}");
        let code = out.status.code().expect("exited normally, not by a signal");
        assert!(
            [0, 1, 2].contains(&code),
            "exit code {code}; stderr: {stderr}"
        );
        Run {
            code,
            stdout: out.stdout,
            stderr,
        }
    }
}

/// The system clock, in seconds since 1970.
pub fn unix_now() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    i64::try_from(secs).expect("the clock fits in i64")
}

/// `text` and a newline: what every command prints.
pub fn line(text: &str) -> String {
    format!("{text}\n")
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Unpadded base64url.
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url.
pub fn unb64(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).expect("base64url")
}

/// `B64(header).B64(payload).B64(HMAC-SHA256)`, computed without jwtmint.
pub fn sign(secret: &[u8], header_json: &str, payload_json: &str) -> String {
    let input = format!(
        "{}.{}",
        b64(header_json.as_bytes()),
        b64(payload_json.as_bytes())
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", b64(&mac.finalize().into_bytes()))
}

/// The Zoom API payload, built by hand (`key` must need no JSON escaping).
pub fn zoom_payload(key: &str, iat: i64, exp: i64) -> String {
    format!(r#"{{"iss":"{key}","iat":{iat},"exp":{exp}}}"#)
}

/// The Zoom API token for `key` and `secret` with the given times.
pub fn zoom_token(secret: &[u8], key: &str, iat: i64, exp: i64) -> String {
    sign(secret, HEADER, &zoom_payload(key, iat, exp))
}

/// The token `jwtmint mint` should print at NOW with default ttl and skew.
pub fn default_token() -> String {
    zoom_token(SECRET.as_bytes(), KEY, NOW - 30, NOW - 30 + 3600)
}

/// A scratch directory, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jwtmint-cli-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes a file and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Lower-case hex of HMAC-SHA256(secret, data), computed without jwtmint.
pub fn hmac_hex(secret: &[u8], data: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(data);
    hex(&mac.finalize().into_bytes())
}

/// The `x-zm-signature` Zoom sends: `v0=` + hex(HMAC-SHA256(secret, "v0:TS:BODY")).
pub fn webhook_signature(secret: &[u8], timestamp: &str, body: &[u8]) -> String {
    let mut message = format!("v0:{timestamp}:").into_bytes();
    message.extend_from_slice(body);
    format!("v0={}", hmac_hex(secret, &message))
}

/// The key bytes jsrsasign derives from text that is not all-hex and has only characters up
/// to U+00FF: one byte per character, its code point (Latin-1), as jsrsasign's `rstrtohex`
/// does.
pub fn latin1_bytes(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a character up to U+00FF"))
        .collect()
}
