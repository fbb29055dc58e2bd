//! Every command that reads a secret, as a table: the same secret options must work the same
//! on each (tests/secret.rs), whichever kind of secret it reads.

use std::path::Path;

use super::*;

/// A command that reads a secret, and what it prints for a given key.
pub struct SecretDoor {
    /// The command, for messages (`webhook verify`).
    pub name: &'static str,
    /// The variable it reads the secret from by default.
    pub env: &'static str,
    /// The secret's name in its messages.
    pub what: &'static str,
    /// True for JWT secrets, which must be at least 32 bytes (a webhook secret token has no
    /// minimum: Zoom chooses it).
    pub needs_32_bytes: bool,
    /// Its command line (no secret option) for a secret with these key bytes; it reads
    /// nothing from standard input, and `body` is a file holding [`BODY`].
    args: fn(key: &[u8], body: &Path) -> Vec<String>,
    /// What it prints (with the newline) when the secret gives these key bytes.
    expected: fn(key: &[u8]) -> String,
}

impl SecretDoor {
    /// The command line for a secret that gives `key`, in an empty environment.
    pub fn cli(&self, key: &[u8], body: &Path) -> Cli {
        jwtmint((self.args)(key, body))
    }

    /// What it prints for `key`.
    pub fn expected(&self, key: &[u8]) -> String {
        (self.expected)(key)
    }
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|&a| a.to_owned()).collect()
}

fn path(body: &Path) -> &str {
    body.to_str().expect("a UTF-8 temporary path")
}

/// `webhook SUB` of the body, signed at TS with `key`, checked at NOW.
fn webhook_check_args(sub: &str, key: &[u8], body: &Path) -> Vec<String> {
    let sig = webhook_signature(key, TS, BODY.as_bytes());
    let args = ["webhook", sub, "--timestamp", TS, "--signature", &sig];
    strings(&[&args[..], &["--now", NOW_ARG, path(body)]].concat())
}

/// The commands, one per (command, secret kind).
pub const SECRET_DOORS: [SecretDoor; 7] = [
    SecretDoor {
        name: "mint",
        env: "ZOOM_API_SECRET",
        what: "API secret",
        needs_32_bytes: true,
        args: |_, _| strings(&["mint", "--key", KEY, "--now", NOW_ARG]),
        expected: |key| line(&zoom_token(key, KEY, NOW - 30, NOW + 3570)),
    },
    SecretDoor {
        name: "verify",
        env: "ZOOM_API_SECRET",
        what: "API secret",
        needs_32_bytes: true,
        args: |key, _| {
            let token = zoom_token(key, KEY, NOW - 30, NOW + 3570);
            strings(&["verify", &token, "--iss", KEY, "--now", NOW_ARG])
        },
        expected: |_| line(&zoom_payload(KEY, NOW - 30, NOW + 3570)),
    },
    SecretDoor {
        name: "videosdk",
        env: "ZOOM_VIDEO_SDK_SECRET",
        what: "Video SDK secret",
        needs_32_bytes: true,
        args: |_, _| {
            strings(&[
                "videosdk", "--tpc", "room", "--role", "host", "--key", SDK_KEY, "--now", NOW_ARG,
            ])
        },
        expected: |key| line(&sdk_token(key, &default_sdk_payload(1, ""))),
    },
    SecretDoor {
        name: "videosdk verify",
        env: "ZOOM_VIDEO_SDK_SECRET",
        what: "Video SDK secret",
        needs_32_bytes: true,
        args: |key, _| {
            let token = sdk_token(key, &default_sdk_payload(1, ""));
            strings(&[
                "videosdk", "verify", &token, "--key", SDK_KEY, "--now", NOW_ARG,
            ])
        },
        expected: |_| line(&default_sdk_payload(1, "")),
    },
    SecretDoor {
        name: "webhook sign",
        env: "ZOOM_WEBHOOK_SECRET_TOKEN",
        what: "webhook secret token",
        needs_32_bytes: false,
        args: |_, body| strings(&["webhook", "sign", "--timestamp", TS, path(body)]),
        expected: |key| line(&webhook_signature(key, TS, BODY.as_bytes())),
    },
    SecretDoor {
        name: "webhook verify",
        env: "ZOOM_WEBHOOK_SECRET_TOKEN",
        what: "webhook secret token",
        needs_32_bytes: false,
        args: |key, body| webhook_check_args("verify", key, body),
        expected: |_| line("ok"),
    },
    SecretDoor {
        name: "webhook validate",
        env: "ZOOM_WEBHOOK_SECRET_TOKEN",
        what: "webhook secret token",
        needs_32_bytes: false,
        args: |key, body| webhook_check_args("validate", key, body),
        expected: |key| line(&answer_for(key)),
    },
];
