//! `reel demo-data`: stores generated analytics events once, and explains
//! bad arguments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_reel");

fn run_reel(arguments: &[&str]) -> (bool, String) {
    let output = Command::new(BINARY).args(arguments).env("REEL_ADMIN_PASSWORD", "demo-password").output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

#[test]
fn demo_data_stores_events_once() {
    let data_directory = tempfile::tempdir().unwrap();
    let data_dir = data_directory.path().to_str().unwrap();
    let arguments = ["demo-data", "--data-dir", data_dir, "--users", "20", "--events-per-user", "20", "--days", "3"];
    let (succeeded, output) = run_reel(&arguments);
    assert!(succeeded, "{output}");
    let stored: u64 = output.split_whitespace().nth(1).and_then(|count| count.parse().ok()).unwrap_or(0);
    assert!(stored >= 400, "{output}");
    let (succeeded, output) = run_reel(&arguments);
    assert!(succeeded && output.starts_with("stored 0 "), "the same people again: {output}");
}

#[test]
fn bad_arguments_name_the_fix() {
    let data_directory = tempfile::tempdir().unwrap();
    let data_dir = data_directory.path().to_str().unwrap();
    for (flag, value) in [("--users", "0"), ("--events-per-user", "0"), ("--days", "0")] {
        let (succeeded, output) = run_reel(&["demo-data", "--data-dir", data_dir, flag, value]);
        assert!(!succeeded, "{flag} {value}: {output}");
        assert!(output.contains(flag) && output.contains("e.g."), "{output}");
    }
}
