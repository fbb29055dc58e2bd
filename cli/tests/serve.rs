//! `jwtmint serve`: the binary serves a token over loopback, stops cleanly on SIGTERM, and
//! refuses unsafe or half-given configurations with exit 2. (The server's every endpoint and
//! limit is tested in server/tests.)
#![cfg(feature = "serve")]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use common::{jwtmint, sdk_payload, sdk_token, unix_now, BIN, SDK_KEY, SDK_SECRET};

#[test]
fn serves_a_token_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--skew", "0"])
        .env_clear()
        .env("ZOOM_VIDEO_SDK_KEY", SDK_KEY)
        .env("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    log.read_line(&mut first).unwrap();
    let start: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(start["event"], "listening", "{first}");
    assert_eq!(start["endpoints"]["POST /videosdk"], true);
    assert_eq!(start["endpoints"]["POST /webhook"], false);
    let addr = start["addr"].as_str().unwrap().to_owned();

    let body = r#"{"sessionName":"room-1","role":1}"#;
    let before = unix_now();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "POST /videosdk HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let after = unix_now();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let json: serde_json::Value =
        serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let token = json["signature"].as_str().unwrap();
    // iat = now with --skew 0: one of the seconds the request took.
    let expected: Vec<String> = (before..=after)
        .map(|iat| {
            sdk_token(
                SDK_SECRET.as_bytes(),
                &sdk_payload(1, "room-1", iat, iat + 7200, ""),
            )
        })
        .collect();
    assert!(expected.iter().any(|e| e == token), "{token}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    log.read_to_string(&mut rest).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0), "{rest}");
    assert!(rest.contains(r#""event":"stopped""#), "{rest}");
    assert!(!rest.contains(token) && !rest.contains(SDK_SECRET));
}

#[test]
fn unsafe_or_half_given_configurations_are_refused() {
    let run = |args: &[&str]| jwtmint(["serve"]).args(args).sdk_creds().run();
    run(&["--listen", "0.0.0.0:0"]).fails_with(2, "--bearer-env");
    run(&["--listen", "0.0.0.0:0", "--bearer-env", "NOT_SET_ANYWHERE"])
        .fails_with(2, "NOT_SET_ANYWHERE");
    run(&["--bearer-env", "X", "--insecure-no-auth"]).fails(2);
    run(&["--allow-origin", "https://app.example.com/path"]).fails_with(2, "not an origin");
    run(&["--skew", "1800"]).fails_with(2, "--skew");
    // Half-given or unusable credentials.
    for (vars, needle) in [
        (
            &[("ZOOM_VIDEO_SDK_KEY", SDK_KEY)][..],
            "ZOOM_VIDEO_SDK_KEY is set but not the Video SDK secret",
        ),
        (
            &[("ZOOM_MEETING_SDK_SECRET", SDK_SECRET)],
            "not ZOOM_MEETING_SDK_KEY",
        ),
        (
            &[("ZOOM_VIDEO_SDK_SECRET", SDK_SECRET)],
            "not ZOOM_VIDEO_SDK_KEY",
        ),
        (
            &[
                ("ZOOM_VIDEO_SDK_KEY", SDK_KEY),
                ("ZOOM_VIDEO_SDK_SECRET", "short"),
            ],
            "ZOOM_VIDEO_SDK_SECRET",
        ),
    ] {
        jwtmint(["serve"]).envs(vars).run().fails_with(2, needle);
    }
}
