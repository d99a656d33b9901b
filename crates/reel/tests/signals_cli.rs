//! `reel signals recompute` against a data directory a real server wrote,
//! and its messages for bad arguments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use reel_test_support::server_process::free_loopback_address;
use reel_test_support::{ServerProcess, http_request};
use serde_json::json;

const BINARY: &str = env!("CARGO_BIN_EXE_reel");

fn run_reel(arguments: &[&str]) -> (bool, String) {
    let output = Command::new(BINARY).args(arguments).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn recompute_finds_signals_in_stored_sessions() {
    let data_directory = tempfile::tempdir().unwrap();
    let environment = [("REEL_ADMIN_PASSWORD", "cli-password"), ("REEL_PROJECT_API_KEY", "cli-key")];
    let mut server =
        ServerProcess::start(Path::new(BINARY), data_directory.path(), free_loopback_address().unwrap(), &environment)
            .unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../reel-signals/src/detectors/fixtures/rage_click/two_bursts.json");
    let events: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let body = json!({"session_id": 1_700_000_000_000_i64, "device_id": "cli-device", "sequence": 0, "events": events})
        .to_string();
    let answer =
        http_request(server.address, "POST", "/api/v1/ingest", &[("Authorization", "Bearer cli-key")], body.as_bytes())
            .unwrap();
    assert_eq!(answer.status, 200);
    server.kill();

    let data_dir = data_directory.path().to_str().unwrap();
    let (succeeded, output) = run_reel(&["signals", "recompute", "--data-dir", data_dir]);
    assert!(succeeded, "{output}");
    assert!(output.contains("for 1 sessions") && output.contains("3 signals stored"), "{output}");
    let (succeeded, output) = run_reel(&["signals", "recompute", "--data-dir", data_dir, "--since", "2030-01-01"]);
    assert!(succeeded && output.contains("for 0 sessions"), "{output}");
}

#[test]
fn bad_arguments_name_the_problem_and_the_fix() {
    let data_directory = tempfile::tempdir().unwrap();
    let data_dir = data_directory.path().to_str().unwrap();
    let (succeeded, output) = run_reel(&["signals", "recompute", "--data-dir", data_dir, "--since", "last week"]);
    assert!(!succeeded);
    assert!(output.contains("--since") && output.contains("YYYY-MM-DD"), "{output}");
    let (succeeded, output) = run_reel(&["signals", "recompute", "--data-dir", data_dir]);
    assert!(!succeeded);
    assert!(output.contains("no Reel data") && output.contains("--data-dir"), "{output}");
}
