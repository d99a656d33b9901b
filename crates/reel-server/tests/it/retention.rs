//! Retention: fixed per session at creation, swept with an injected clock.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use reel_server::retention_sweeper::sweep_expired_sessions;
use reel_server::segment_closer::close_ready_sessions;
use reel_server::state::now_ms;
use serde_json::{Value, json};

use crate::support::TestServer;

const DAY_MS: i64 = 86_400_000;

fn one_batch(device_id: &str) -> String {
    json!({"session_id": 1_700_000_000_000_i64, "device_id": device_id, "sequence": 0,
        "events": [{"type": 4, "timestamp": 1_700_000_000_000_i64, "data": {"href": "http://shop/"}}]})
    .to_string()
}

async fn set_retention(server: &TestServer, days: u32) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, cookie)
        .body(Body::from(json!({"retention_days": days}).to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

async fn sessions_by_device(server: &TestServer) -> Vec<(String, u64)> {
    let (_, body) = server.get_as_admin("/api/v1/sessions").await;
    let mut sessions: Vec<(String, u64)> = body["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|session| (session["device_id"].as_str().unwrap().to_owned(), session["retention_days"].as_u64().unwrap()))
        .collect();
    sessions.sort();
    sessions
}

#[tokio::test]
async fn a_retention_change_applies_only_to_new_sessions() {
    let server = TestServer::start().await;
    server.ingest(one_batch("before-change")).await;
    let (status, body) = set_retention(&server, 30).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["project"]["retention_days"], 30);
    server.ingest(one_batch("after-change")).await;
    assert_eq!(sessions_by_device(&server).await, [("after-change".into(), 30), ("before-change".into(), 90)]);
    let (status, body) = set_retention(&server, 45).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("[30, 90]"));
}

#[tokio::test]
async fn the_sweeper_deletes_expired_sessions_with_their_segments() {
    let server = TestServer::start().await;
    server.ingest(one_batch("kept-90-days")).await;
    set_retention(&server, 30).await;
    server.ingest(one_batch("kept-30-days")).await;
    close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    let segment_directory = server.directory.path().join("segments").join("sessions");
    assert_eq!(std::fs::read_dir(&segment_directory).unwrap().count(), 2);

    assert_eq!(sweep_expired_sessions(&server.state, now_ms() + 29 * DAY_MS).await.unwrap(), 0);
    assert_eq!(sweep_expired_sessions(&server.state, now_ms() + 31 * DAY_MS).await.unwrap(), 1);
    assert_eq!(sessions_by_device(&server).await, [("kept-90-days".into(), 90)]);
    let remaining_blobs: usize = std::fs::read_dir(&segment_directory)
        .unwrap()
        .map(|entry| std::fs::read_dir(entry.unwrap().path()).unwrap().count())
        .sum();
    assert_eq!(remaining_blobs, 1, "the expired session's segment is deleted");
    assert_eq!(sweep_expired_sessions(&server.state, now_ms() + 91 * DAY_MS).await.unwrap(), 1);
    assert!(sessions_by_device(&server).await.is_empty());
}
