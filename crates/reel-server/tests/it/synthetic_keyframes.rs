//! A single-page session whose SDK never takes another full snapshot (like
//! Amplitude's): the server builds keyframes, and a seek starts there with
//! the DOM as it was, instead of at the page load.

use axum::http::StatusCode;
use reel_server::segment_closer::close_ready_sessions;
use reel_server::state::now_ms;
use serde_json::{Value, json};

use crate::support::TestServer;

const START_MS: i64 = 1_700_000_000_000;
const STEP_MS: i64 = 10_000;

fn page_load() -> Vec<Value> {
    vec![
        json!({"type": 4, "timestamp": START_MS, "data": {"href": "http://app/", "width": 1000, "height": 700}}),
        json!({"type": 2, "timestamp": START_MS + 1, "data": {"initialOffset": {"left": 0, "top": 0}, "node": {"type": 0, "id": 1, "childNodes": [
            {"type": 2, "id": 2, "tagName": "html", "attributes": {}, "childNodes": [{"type": 2, "id": 3, "tagName": "body", "attributes": {}, "childNodes": [
                {"type": 2, "id": 4, "tagName": "h1", "attributes": {}, "childNodes": [{"type": 3, "id": 5, "textContent": "count 0"}]},
                {"type": 2, "id": 6, "tagName": "ul", "attributes": {}, "childNodes": []}
            ]}]}
        ]}}}),
    ]
}

/// Step `n` adds list item `n` and sets the counter to `n`.
fn step(n: i64) -> Value {
    let item_id = 100 + 2 * n;
    json!({"type": 3, "timestamp": START_MS + n * STEP_MS, "data": {"source": 0, "removes": [], "attributes": [],
        "texts": [{"id": 5, "value": format!("count {n}")}],
        "adds": [{"parentId": 6, "nextId": null, "node": {"type": 2, "id": item_id, "tagName": "li", "attributes": {},
            "childNodes": [{"type": 3, "id": item_id + 1, "textContent": format!("item {n}")}]}}]}})
}

fn texts(node: &Value, found: &mut Vec<String>) {
    if let Some(text) = node["textContent"].as_str() {
        found.push(text.to_owned());
    }
    for child in node["childNodes"].as_array().into_iter().flatten() {
        texts(child, found);
    }
}

#[tokio::test]
async fn a_seek_in_a_long_single_page_session_starts_at_a_server_keyframe() {
    let server = TestServer::start().await;
    // 24 minutes of activity, uploaded and closed every 2 minutes.
    let mut sequence = 0;
    let mut pending = page_load();
    for n in 1..=144 {
        pending.push(step(n));
        if n % 12 == 0 {
            let body =
                json!({"session_id": START_MS, "device_id": "single-page", "sequence": sequence, "events": pending});
            assert_eq!(server.ingest(body.to_string()).await.0, StatusCode::OK);
            close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
            pending = Vec::new();
            sequence += 1;
        }
    }
    let session = server.only_session().await;
    let session_uuid = session["id"].as_str().unwrap();
    let (_, detail) = server.get_as_admin(&format!("/api/v1/sessions/{session_uuid}")).await;
    assert_eq!(detail["keyframes_ms"], json!([START_MS]), "the SDK took one snapshot only");

    let target_ms = START_MS + 65 * STEP_MS + 3_000;
    let path = format!("/api/v1/sessions/{session_uuid}/recording?at_ms={target_ms}&window_ms=5000");
    let (status, seek) = server.get_as_admin(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seek["keyframe_built_by_server"], true, "{}", seek["keyframe_ms"]);
    let keyframe_ms = seek["keyframe_ms"].as_i64().unwrap();
    assert!(keyframe_ms <= target_ms && target_ms - keyframe_ms <= 300_000 + 120_000, "keyframe {keyframe_ms}");
    let events = seek["events"].as_array().unwrap();
    assert_eq!((events[0]["type"].as_i64(), events[1]["type"].as_i64()), (Some(4), Some(2)));
    assert_eq!(events[0]["data"]["href"], "http://app/");
    // The built snapshot shows exactly the steps up to its time.
    let steps_done = (keyframe_ms - START_MS) / STEP_MS;
    let mut found = Vec::new();
    texts(&events[1]["data"]["node"], &mut found);
    let mut expected = vec![format!("count {steps_done}")];
    expected.extend((1..=steps_done).map(|n| format!("item {n}")));
    assert_eq!(found, expected);
    // Then only the events after it, not the recording from the page load.
    assert!(events[2..].iter().all(|event| event["timestamp"].as_i64().unwrap() > keyframe_ms));
    assert!(events.len() < 60, "{} events", events.len());
    // Reading without a seek still returns the recording as recorded.
    let whole = server.recording(session_uuid).await;
    assert_eq!(whole["events"].as_array().unwrap().len(), 2 + 144);
}
