//! A crash between the acknowledgement and the segment close loses nothing:
//! the server is SIGKILLed while a load generator sends, restarted, and every
//! acknowledged batch is read back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reel_test_support::server_process::free_loopback_address;
use reel_test_support::{ServerProcess, http_request};
use serde_json::json;

const API_KEY: &str = "crash-test-key";
const PASSWORD: &str = "crash-test-password";
const ENVIRONMENT: [(&str, &str); 5] = [
    ("REEL_ADMIN_PASSWORD", PASSWORD),
    ("REEL_PROJECT_API_KEY", API_KEY),
    // Close segments constantly, so kills land in the middle of closing too.
    ("REEL_SEGMENTS__CLOSE_CHECK_INTERVAL_MS", "20"),
    ("REEL_SEGMENTS__CLOSE_AGE_MS", "50"),
    ("REEL_SEGMENTS__CLOSE_IDLE_MS", "30"),
];

fn batch_body(sequence: u64) -> String {
    let start_ms = 1_700_000_000_000_i64 + sequence as i64 * 100;
    let mut events =
        vec![json!({"type": 3, "timestamp": start_ms, "data": {"source": 1, "positions": [], "marker": sequence}})];
    if sequence.is_multiple_of(10) {
        events.insert(0, json!({"type": 4, "timestamp": start_ms, "data": {"href": "http://shop/"}}));
    }
    json!({"session_id": 1_700_000_000_000_i64, "device_id": "crash-device", "sequence": sequence, "events": events})
        .to_string()
}

/// Sends batches in order from `first_sequence` until the server stops answering.
fn send_until_failure(
    server_address: std::net::SocketAddr,
    first_sequence: u64,
    acknowledged: Arc<Mutex<BTreeSet<u64>>>,
    stop: Arc<AtomicBool>,
) {
    let authorization = format!("Bearer {API_KEY}");
    let mut sequence = first_sequence;
    while !stop.load(Ordering::Relaxed) {
        let body = batch_body(sequence);
        match http_request(
            server_address,
            "POST",
            "/api/v1/ingest",
            &[("Authorization", &authorization)],
            body.as_bytes(),
        ) {
            Ok(answer) if answer.status == 200 => {
                acknowledged.lock().unwrap().insert(sequence);
                sequence += 1;
            }
            _ => return,
        }
    }
}

fn read_back_markers(server: &ServerProcess) -> BTreeSet<u64> {
    let cookie = server.login_cookie("admin@localhost", PASSWORD).unwrap();
    let list = http_request(server.address, "GET", "/api/v1/sessions", &[("Cookie", &cookie)], b"").unwrap().json();
    let session_uuid = list["sessions"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/sessions/{session_uuid}/recording");
    let recording = http_request(server.address, "GET", &path, &[("Cookie", &cookie)], b"").unwrap().json();
    assert_eq!(recording["corrupt_segments"].as_array().map(Vec::len), Some(0), "no segment is corrupt");
    recording["events"].as_array().unwrap().iter().filter_map(|event| event["data"]["marker"].as_u64()).collect()
}

#[test]
fn sigkill_during_ingest_loses_no_acknowledged_batch() {
    let binary = Path::new(env!("CARGO_BIN_EXE_reel"));
    let data_directory = tempfile::tempdir().unwrap();
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let mut next_sequence = 0;
    for round in 0..3 {
        let address = free_loopback_address().unwrap();
        let mut server = ServerProcess::start(binary, data_directory.path(), address, &ENVIRONMENT).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let sender = {
            let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
            std::thread::spawn(move || send_until_failure(address, next_sequence, acknowledged, stop))
        };
        std::thread::sleep(Duration::from_millis(400 + round * 150));
        server.kill();
        stop.store(true, Ordering::Relaxed);
        sender.join().unwrap();
        next_sequence = acknowledged.lock().unwrap().last().map_or(0, |last| last + 1);
        assert!(next_sequence > 0, "round {round}: the load generator got acknowledgements");
    }
    let server =
        ServerProcess::start(binary, data_directory.path(), free_loopback_address().unwrap(), &ENVIRONMENT).unwrap();
    let stored = read_back_markers(&server);
    let acknowledged = acknowledged.lock().unwrap().clone();
    let lost: Vec<u64> = acknowledged.difference(&stored).copied().collect();
    assert!(lost.is_empty(), "{} acknowledged batches lost, e.g. {:?}", lost.len(), &lost[..lost.len().min(10)]);
    assert!(acknowledged.len() > 20, "only {} batches were acknowledged", acknowledged.len());
}
