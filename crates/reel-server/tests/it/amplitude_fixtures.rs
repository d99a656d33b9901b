//! Request replay: every request the real Amplitude SDK sent
//! (shared/fixtures/amplitude-sdk) is sent to Reel, and the answers and the
//! stored data are checked against shared/specs/amplitude-compat.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use reel_server::Config;
use serde_json::Value;

use crate::support::TestServer;

pub const FIXTURE_API_KEY: &str = "0123456789abcdef0123456789abcdef";

fn fixtures_root() -> PathBuf {
    let root = std::env::var("REEL_AMPLITUDE_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/amplitude-sdk"));
    assert!(root.exists(), "the Amplitude fixtures are missing at {}: set REEL_AMPLITUDE_FIXTURES", root.display());
    root
}

fn fixture_files(folder: &Path) -> Vec<Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().as_bytes()[0].is_ascii_digit()))
        .collect();
    paths.sort();
    paths.iter().map(|path| serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()).collect()
}

pub async fn start_fixture_server() -> TestServer {
    TestServer::start_with(Config { project_api_key: Some(FIXTURE_API_KEY.into()), ..Config::default() }).await
}

/// Sends one captured request as the SDK sent it (bodies re-encoded as JSON).
pub async fn replay_request(server: &TestServer, captured: &Value) -> (StatusCode, Value, axum::http::HeaderMap) {
    let query = captured["rawQuery"].as_str().unwrap_or_default();
    let uri = if query.is_empty() {
        captured["path"].as_str().unwrap().to_owned()
    } else {
        format!("{}?{query}", captured["path"].as_str().unwrap())
    };
    let mut request = Request::builder().method(captured["method"].as_str().unwrap()).uri(uri);
    for (name, value) in captured["headers"].as_object().unwrap() {
        let skipped = ["content-length", "content-encoding", "host", "connection"];
        if !skipped.contains(&name.as_str()) {
            request = request.header(name.as_str(), value.as_str().unwrap());
        }
    }
    let body = match &captured["body"] {
        Value::Null => Body::empty(),
        Value::String(text) => Body::from(text.clone()),
        json => Body::from(json.to_string()),
    };
    server.send(request.body(body).unwrap()).await
}

fn sent_insert_ids(captured_requests: &[Value]) -> BTreeMap<(String, i64), BTreeSet<String>> {
    let mut by_session: BTreeMap<(String, i64), BTreeSet<String>> = BTreeMap::new();
    for captured in
        captured_requests.iter().filter(|captured| captured["path"] == "/2/httpapi" && captured["method"] == "POST")
    {
        for event in captured["body"]["events"].as_array().into_iter().flatten() {
            let session = (
                event["device_id"].as_str().unwrap_or_default().to_owned(),
                event["session_id"].as_i64().unwrap_or(-1),
            );
            by_session.entry(session).or_default().insert(event["insert_id"].as_str().unwrap().to_owned());
        }
    }
    by_session
}

async fn assert_every_event_stored_once(server: &TestServer, captured_requests: &[Value]) {
    for ((device_id, session_id), insert_ids) in sent_insert_ids(captured_requests) {
        let stored = server.state.stores.events.list_session_events(1, &device_id, session_id, 100_000).await.unwrap();
        let stored_ids: Vec<String> = stored
            .iter()
            .filter(|event| event.event_type != "[Amplitude] Replay Captured")
            .map(|event| event.insert_id.clone().unwrap())
            .collect();
        let unique: BTreeSet<String> = stored_ids.iter().cloned().collect();
        assert_eq!(stored_ids.len(), unique.len(), "an event was stored twice");
        assert_eq!(unique, insert_ids, "stored events of {device_id}/{session_id} differ from the sent ones");
    }
}

#[tokio::test]
async fn the_full_session_is_answered_as_the_sdk_expects_and_stored_once() {
    let server = start_fixture_server().await;
    let captured_requests = fixture_files(&fixtures_root().join("full-session"));
    for captured in &captured_requests {
        let (status, body, headers) = replay_request(&server, captured).await;
        let what = format!("{} {}", captured["method"], captured["path"]);
        match (captured["method"].as_str().unwrap(), captured["path"].as_str().unwrap()) {
            ("OPTIONS", _) => {
                assert!(status.is_success(), "{what}: {status}");
                assert_eq!(
                    headers["access-control-allow-origin"],
                    captured["headers"]["origin"].as_str().unwrap(),
                    "{what}"
                );
                assert_eq!(headers["access-control-allow-credentials"], "true", "{what}");
            }
            ("GET", _) => {
                assert_eq!(status, StatusCode::OK, "{what}");
                assert_eq!(body["configs"]["sessionReplay"]["sr_sampling_config"]["capture_enabled"], true);
            }
            ("POST", "/2/httpapi") => {
                assert_eq!(status, StatusCode::OK, "{what}: {body}");
                assert_eq!(body["code"], 200);
                assert_eq!(body["events_ingested"], captured["body"]["events"].as_array().unwrap().len());
                assert!(body["server_upload_time"].as_i64().unwrap() > 0);
            }
            ("POST", "/sessions/v2/track") => assert_eq!(status, StatusCode::OK, "{what}: {body}"),
            other => panic!("unexpected captured request {other:?}"),
        }
    }
    assert_every_event_stored_once(&server, &captured_requests).await;
    // Sending every analytics request again stores nothing new.
    for captured in
        captured_requests.iter().filter(|captured| captured["path"] == "/2/httpapi" && captured["method"] == "POST")
    {
        assert_eq!(replay_request(&server, captured).await.0, StatusCode::OK);
    }
    assert_every_event_stored_once(&server, &captured_requests).await;

    let session = server.only_session().await;
    assert_eq!(session["page_count"], 2, "two page loads in one replay: {session}");
    assert_eq!(session["replay_id"], "e01112bc-5503-4d13-b7e1-e7532b330248/1795778136440");
    let recording = server.recording(session["id"].as_str().unwrap()).await;
    let sent_replay_events: usize = captured_requests
        .iter()
        .filter(|captured| {
            captured["path"] == "/sessions/v2/track"
                && captured["query"]["type"] == "replay"
                && captured["method"] == "POST"
        })
        .map(|captured| captured["body"]["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(recording["events"].as_array().unwrap().len(), sent_replay_events, "every replay event is readable");
    let metas = recording["events"].as_array().unwrap().iter().filter(|event| event["type"] == 4).count();
    assert_eq!(metas, 2);
    let (_, events) =
        server.get_as_admin(&format!("/api/v1/sessions/{}/events", session["id"].as_str().unwrap())).await;
    let events = events["events"].as_array().unwrap();
    let replay_captured: Vec<&Value> =
        events.iter().filter(|event| event["event_type"] == "[Amplitude] Replay Captured").collect();
    assert_eq!(replay_captured.len(), 1, "one Replay Captured per recorded session");
    assert_eq!(replay_captured[0]["event_properties"]["[Amplitude] Session Replay ID"], session["replay_id"]);
    let clicked = events.iter().find(|event| event["event_type"] == "[Amplitude] Element Clicked").unwrap();
    assert!(clicked["display_name"].as_str().unwrap().starts_with("Clicked"), "{clicked}");
    assert_eq!(clicked["browser_name"], "Chrome Headless");
    let identified =
        server.state.stores.events.find_user_properties(1, "e01112bc-5503-4d13-b7e1-e7532b330248").await.unwrap();
    assert!(identified.is_some(), "identify operations built a profile");
}

#[tokio::test]
async fn every_fault_run_stores_each_event_once() {
    let faults = fixtures_root().join("faults");
    let mut runs: Vec<PathBuf> = std::fs::read_dir(&faults).unwrap().map(|entry| entry.unwrap().path()).collect();
    runs.sort();
    assert_eq!(runs.len(), 12);
    for run in runs {
        let server = start_fixture_server().await;
        let captured_requests = fixture_files(&run);
        for captured in &captured_requests {
            let (status, body, _) = replay_request(&server, captured).await;
            if captured["method"] == "POST" {
                assert_eq!(status, StatusCode::OK, "{} {}: {body}", run.display(), captured["path"]);
            }
        }
        assert_every_event_stored_once(&server, &captured_requests).await;
    }
}
