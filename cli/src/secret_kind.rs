//! Which secret a command reads: its default environment variable, its name in messages, and
//! the help text of the secret options. A type parameter of
//! [`SecretArgs`](crate::secret::SecretArgs), so clap's help is written at compile time.

/// A kind of secret.
pub trait SecretKind: std::fmt::Debug + Send + Sync + 'static {
    /// The environment variable read when neither `--secret-env` nor `--secret-file` is given.
    const DEFAULT_ENV: &'static str;
    /// What the secret is called in messages ("API secret").
    const WHAT: &'static str;
    /// The help of `--secret-env`.
    const ENV_HELP: &'static str;
    /// The help of `--secret-file`.
    const FILE_HELP: &'static str;
    /// The help of `--secret-encoding`.
    const ENCODING_HELP: &'static str;
}

/// Writes a kind's constants; `concat!` needs literals, hence a macro.
macro_rules! secret_kind {
    ($(#[$doc:meta])* $name:ident, env = $env:literal, what = $what:literal, utf8 = $utf8:literal) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name;

        impl SecretKind for $name {
            const DEFAULT_ENV: &'static str = $env;
            const WHAT: &'static str = $what;
            const ENV_HELP: &'static str = concat!(
                "Read the ", $what, " from the environment variable NAME [default: ", $env, "]"
            );
            const FILE_HELP: &'static str = concat!(
                "Read the ", $what, " from the file PATH ('-' for standard input). One trailing \
                 newline is removed (for hex and base64, all surrounding whitespace)"
            );
            const ENCODING_HELP: &'static str = concat!(
                "How the secret text becomes key bytes: utf8 (its bytes, ", $utf8, "), hex, \
                 base64, base64url, or jsrsasign: the way jsrsasign, the library of Zoom's \
                 Node.js samples, reads a secret string (even-length hex is decoded, other text \
                 gives the low byte of each UTF-16 unit), for secrets used with those samples"
            );
        }
    };
}

secret_kind!(
    /// The API secret of `mint`, `verify` and `demo`.
    ApiSecret,
    env = "ZOOM_API_SECRET",
    what = "API secret",
    utf8 = "what Zoom API secrets are"
);

secret_kind!(
    /// The Video SDK secret of `videosdk` and `videosdk verify`.
    VideoSdkSecret,
    env = "ZOOM_VIDEO_SDK_SECRET",
    what = "Video SDK secret",
    utf8 = "what Zoom Video SDK secrets are"
);

secret_kind!(
    /// The Meeting SDK secret of `meetingsdk` and `meetingsdk verify`.
    MeetingSdkSecret,
    env = "ZOOM_MEETING_SDK_SECRET",
    what = "Meeting SDK secret",
    utf8 = "what Zoom Meeting SDK secrets are"
);

secret_kind!(
    /// The webhook secret token of `webhook verify`, `validate` and `sign`.
    WebhookSecret,
    env = "ZOOM_WEBHOOK_SECRET_TOKEN",
    what = "webhook secret token",
    utf8 = "what Zoom webhook secret tokens are"
);
