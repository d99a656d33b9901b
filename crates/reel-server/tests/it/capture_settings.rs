//! Project settings apply to new sessions only: a session keeps the
//! retention and capture settings it started with, and ingest holds its
//! later batches to them.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::support::TestServer;

const START_MS: i64 = 1_790_000_000_000;

fn batch_with_console(device_id: &str, sequence: u64) -> String {
    let at = START_MS + sequence as i64 * 1_000;
    json!({"session_id": START_MS, "device_id": device_id, "sequence": sequence, "events": [
        {"type": 4, "timestamp": at, "data": {"href": "http://shop/"}},
        {"type": 6, "timestamp": at + 1, "data": {"plugin": "rrweb/console@1", "payload": {"level": "warn", "payload": ["low stock"]}}},
    ]})
    .to_string()
}

fn console_event_count(recording: &Value) -> usize {
    let events = recording["events"].as_array().unwrap();
    events.iter().filter(|event| event["data"]["plugin"] == "rrweb/console@1").count()
}

async fn session_of(server: &TestServer, device_id: &str) -> Value {
    let (_, list) = server.get_as_admin("/api/v1/sessions").await;
    let session =
        list["sessions"].as_array().unwrap().iter().find(|session| session["device_id"] == device_id).cloned();
    let id = session.unwrap()["id"].as_str().unwrap().to_owned();
    let (status, body) = server.get_as_admin(&format!("/api/v1/sessions/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    body
}

#[tokio::test]
async fn older_sessions_keep_their_retention_and_capture_settings() {
    let server = TestServer::start().await;
    let (status, answer) = server.ingest(batch_with_console("started-before", 0)).await;
    assert_eq!((status, &answer["events_dropped"]), (StatusCode::OK, &json!(0)));

    let cookie = server.login_cookie().await;
    let change =
        json!({"retention_days": 30, "settings": {"console_capture_enabled": false, "privacy_level": "conservative"}});
    let request = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, cookie)
        .body(Body::from(change.to_string()))
        .unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::OK);
    let (_, config) = server.get_as_admin("/config/test-project-key?config_group=browser").await;
    assert!(
        config.to_string().contains("conservative"),
        "new sessions get the new settings from remote config: {config}"
    );

    let (_, answer) = server.ingest(batch_with_console("started-before", 1)).await;
    assert_eq!(answer["events_dropped"], 0, "the older session still captures console logs");
    let (_, answer) = server.ingest(batch_with_console("started-after", 0)).await;
    assert_eq!((&answer["events_accepted"], &answer["events_dropped"]), (&json!(1), &json!(1)));

    let before = session_of(&server, "started-before").await;
    assert_eq!(before["session"]["retention_days"], 90);
    assert_eq!(before["capture_settings"]["console_capture_enabled"], true);
    assert_eq!(before["capture_settings"]["privacy_level"], "medium");
    let after = session_of(&server, "started-after").await;
    assert_eq!(after["session"]["retention_days"], 30);
    assert_eq!(after["capture_settings"]["console_capture_enabled"], false);
    assert_eq!(after["capture_settings"]["privacy_level"], "conservative");

    let before_recording = server.recording(before["session"]["id"].as_str().unwrap()).await;
    assert_eq!(console_event_count(&before_recording), 2);
    let after_recording = server.recording(after["session"]["id"].as_str().unwrap()).await;
    assert_eq!(console_event_count(&after_recording), 0);
    let (_, stats) = server.get_as_admin("/api/v1/ingest/stats").await;
    assert_eq!(stats["ingest"]["events_dropped"]["console_capture_disabled"], 1, "{stats}");
}

#[tokio::test]
async fn a_refused_settings_change_saves_nothing() {
    let server = TestServer::start().await;
    let cookie = server.login_cookie().await;
    let change = json!({"retention_days": 30, "settings": {"replay_sample_rate": 2}});
    let request = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, cookie)
        .body(Body::from(change.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (_, project) = server.get_as_admin("/api/v1/projects/1").await;
    assert_eq!(project["project"]["retention_days"], 90, "the valid half was not saved either");
}
