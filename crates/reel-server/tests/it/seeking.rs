//! Keyframe segments, seeking with `at_ms`, and gaps.

use axum::http::StatusCode;
use reel_server::segment_closer::close_ready_sessions;
use reel_server::state::now_ms;
use serde_json::{Value, json};

use crate::support::TestServer;

/// Batch `sequence` covers one second; every third batch starts a new page (a keyframe).
fn paged_batch(sequence: u64) -> Value {
    let start_ms = 1_700_000_000_000_i64 + sequence as i64 * 1_000;
    let mut events = Vec::new();
    if sequence.is_multiple_of(3) {
        events.push(json!({"type": 4, "timestamp": start_ms, "data": {"href": format!("http://shop/page-{sequence}"), "width": 800, "height": 600}}));
        events.push(json!({"type": 2, "timestamp": start_ms + 1, "data": {"node": {"type": 0, "childNodes": [], "id": 1}, "initialOffset": {"left": 0, "top": 0}}}));
    }
    events.push(
        json!({"type": 3, "timestamp": start_ms + 500, "data": {"source": 1, "positions": [], "marker": sequence}}),
    );
    json!({"session_id": 1_700_000_000_000_i64, "device_id": "seek-device", "sequence": sequence, "events": events})
}

async fn ingest_paged_session(server: &TestServer, sequences: impl IntoIterator<Item = u64>) -> String {
    for sequence in sequences {
        assert_eq!(server.ingest(paged_batch(sequence).to_string()).await.0, StatusCode::OK);
    }
    server.only_session().await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn segments_start_at_keyframes() {
    let server = TestServer::start().await;
    let session_uuid = ingest_paged_session(&server, 0..9).await;
    let written = close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    assert_eq!(written, 3, "one segment per page");
    let segments = server.state.stores.recordings.list_segments(&session_uuid, i64::MIN, i64::MAX).await.unwrap();
    let ranges: Vec<(u64, u64, bool)> = segments
        .iter()
        .map(|segment| (segment.first_sequence, segment.last_sequence, segment.starts_with_keyframe))
        .collect();
    assert_eq!(ranges, [(0, 2, true), (3, 5, true), (6, 8, true)]);
    assert_eq!(segments[1].page_url.as_deref(), Some("http://shop/page-3"));
}

#[tokio::test]
async fn a_seek_starts_at_the_last_keyframe_before_the_target() {
    let server = TestServer::start().await;
    let session_uuid = ingest_paged_session(&server, 0..9).await;
    close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    // 5.7 s in lies in batch 5; its page started at batch 3 (3.0 s).
    let target_ms = 1_700_000_005_700_i64;
    let (status, body) = server
        .get_as_admin(&format!("/api/v1/sessions/{session_uuid}/recording?at_ms={target_ms}&window_ms=1000"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["keyframe_ms"], 1_700_000_003_000_i64);
    let events = body["events"].as_array().unwrap();
    assert_eq!(events[0]["type"], 4, "starts with Meta");
    assert_eq!(events[1]["type"], 2, "then the FullSnapshot");
    let markers: Vec<u64> = events.iter().filter_map(|event| event["data"]["marker"].as_u64()).collect();
    assert_eq!(markers, [3, 4, 5, 6], "from the keyframe to the target plus the window");
    assert_eq!(body["next_from_ms"], 1_700_000_006_700_i64);
    let (status, body) =
        server.get_as_admin(&format!("/api/v1/sessions/{session_uuid}/recording?at_ms={target_ms}&window_ms=0")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn missing_batches_are_reported_as_gaps() {
    let server = TestServer::start().await;
    let session_uuid = ingest_paged_session(&server, [0, 1, 2, 5, 6]).await;
    let (status, body) = server.get_as_admin(&format!("/api/v1/sessions/{session_uuid}")).await;
    assert_eq!(status, StatusCode::OK);
    let gaps = body["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{body}");
    assert_eq!(gaps[0]["first_missing_sequence"], 3);
    assert_eq!(gaps[0]["missing_batch_count"], 2);
    assert_eq!(gaps[0]["start_ms"], 1_700_000_002_500_i64);
    assert_eq!(gaps[0]["end_ms"], 1_700_000_005_500_i64);
    assert_eq!(body["keyframes_ms"], json!([1_700_000_000_000_i64, 1_700_000_006_000_i64]));
}
