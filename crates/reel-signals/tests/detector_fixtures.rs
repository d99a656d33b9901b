//! Each detector's fixture recordings (`fixtures/<detector>/<case>.json`)
//! with their reviewed output beside them (`<case>.expected.json`). Set
//! `REEL_UPDATE_SNAPSHOTS=1` to rewrite the expected files, then review the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use serde_json::Value;

use reel_signals::detectors::{dead_click, error_click, rage_click, thrashed_cursor};
use reel_signals::timeline::Timeline;
use reel_signals::{Signal, SignalSettings};

type Detector = fn(&Timeline, &SignalSettings) -> Vec<Signal>;

fn check_fixtures(detector_name: &str, detector: Detector) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detectors/fixtures").join(detector_name);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".json") && !path.to_string_lossy().ends_with(".expected.json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 3, "{detector_name} needs fixtures with positives and look-alikes");
    let update = std::env::var_os("REEL_UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let events: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&case).unwrap()).unwrap();
        let signals = detector(&Timeline::from_events(&events), &SignalSettings::default());
        let actual = serde_json::to_string_pretty(&signals).unwrap() + "\n";
        let expected_path = case.with_extension("expected.json");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}\n--- actual\n{actual}", case.display()));
        }
    }
    assert!(failures.is_empty(), "snapshots differ (REEL_UPDATE_SNAPSHOTS=1 to accept):\n{}", failures.join("\n"));
}

#[test]
fn rage_click_fixtures() {
    check_fixtures("rage_click", rage_click::detect);
}

#[test]
fn dead_click_fixtures() {
    check_fixtures("dead_click", dead_click::detect);
}

#[test]
fn error_click_fixtures() {
    check_fixtures("error_click", error_click::detect);
}

#[test]
fn thrashed_cursor_fixtures() {
    check_fixtures("thrashed_cursor", thrashed_cursor::detect);
}
