//! Graceful shutdown: a request in flight when the signal comes is answered, new connections
//! are refused, and `run` returns.

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use common::{config, read_reply, start};

#[test]
fn in_flight_requests_finish_and_new_ones_are_refused() {
    let mut server = start(config());
    let body = r#"{"sessionName":"room-1","role":1}"#;
    let mut stream = server.connect();
    // The head and half the body: the request is in flight.
    let head = format!(
        "POST /videosdk HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body.as_bytes()[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(200));

    let addr = server.addr;
    let stopper = std::thread::spawn(move || {
        server.shutdown();
        server
    });
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let reply = read_reply(&mut stream);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.json()["signature"].is_string());

    let server = stopper.join().unwrap();
    assert!(TcpStream::connect(addr).is_err(), "still accepting");
    let log = server.log_text();
    let last: serde_json::Value = serde_json::from_str(log.lines().last().unwrap()).unwrap();
    assert_eq!(last["event"], "stopped");
    assert_eq!(last["clean"], true);
}
