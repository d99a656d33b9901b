//! Dedupe, ordering, durability, segment closing and corrupt segments.

use axum::http::StatusCode;
use reel_server::segment_closer::close_ready_sessions;
use reel_server::state::now_ms;
use serde_json::Value;

use crate::support::{TestServer, batch, open_stores};

fn markers(recording: &Value) -> Vec<String> {
    recording["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|event| event["data"]["marker"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_repeated_batch_is_acknowledged_and_stored_once() {
    let server = TestServer::start().await;
    let body = batch(0, 1_700_000_000_000, 3).to_string();
    let (status, first) = server.ingest(body.clone()).await;
    assert_eq!((status, first["duplicate"].clone()), (StatusCode::OK, Value::Bool(false)));
    let (status, second) = server.ingest(body).await;
    assert_eq!((status, second["duplicate"].clone()), (StatusCode::OK, Value::Bool(true)));
    let session = server.only_session().await;
    assert_eq!(session["batch_count"], 1);
    assert_eq!(session["event_count"], 3);
    let recording = server.recording(session["id"].as_str().unwrap()).await;
    assert_eq!(recording["events"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn out_of_order_batches_are_read_back_by_sequence() {
    let server = TestServer::start().await;
    for sequence in [2_u64, 0, 3, 1] {
        let first_timestamp_ms = 1_700_000_000_000 + sequence as i64 * 1_000;
        assert_eq!(server.ingest(batch(sequence, first_timestamp_ms, 3).to_string()).await.0, StatusCode::OK);
    }
    let session = server.only_session().await;
    assert_eq!(session["first_url"], "http://shop/");
    assert_eq!(session["start_time_ms"], 1_700_000_000_000_i64);
    assert_eq!(session["duration_ms"], 3_002);
    let recording = server.recording(session["id"].as_str().unwrap()).await;
    assert_eq!(markers(&recording), ["0-1", "0-2", "1-0", "1-1", "1-2", "2-0", "2-1", "2-2", "3-0", "3-1", "3-2"]);
}

#[tokio::test]
async fn an_acknowledged_batch_survives_a_restart() {
    let server = TestServer::start().await;
    assert_eq!(server.ingest(batch(0, 1_700_000_000_000, 3).to_string()).await.0, StatusCode::OK);
    // A second, independent store on the same files sees the batch at once.
    let reopened = open_stores(server.directory.path());
    let page = reopened
        .recordings
        .list_sessions(reel_storage::SessionListQuery {
            project_ids: vec![1],
            limit: 10,
            cursor: None,
            filters: Default::default(),
        })
        .await
        .unwrap();
    assert_eq!(page.sessions.len(), 1);
    let chunks = reopened.recordings.list_open_chunks(&page.sessions[0].id, i64::MIN, i64::MAX).await.unwrap();
    assert_eq!(chunks.len(), 1);
}

#[tokio::test]
async fn closed_segments_read_back_like_open_chunks_and_windows_filter_by_time() {
    let server = TestServer::start().await;
    for sequence in 0..4_u64 {
        let first_timestamp_ms = 1_700_000_000_000 + sequence as i64 * 1_000;
        server.ingest(batch(sequence, first_timestamp_ms, 3).to_string()).await;
    }
    let session_uuid = server.only_session().await["id"].as_str().unwrap().to_owned();
    let before = server.recording(&session_uuid).await;
    let closed = close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    assert_eq!(closed, 1);
    let segments = server.state.stores.recordings.list_segments(&session_uuid, i64::MIN, i64::MAX).await.unwrap();
    assert_eq!(segments.len(), 1);
    assert_eq!((segments[0].first_sequence, segments[0].last_sequence), (0, 3));
    // A batch after closing stays open and is merged on read.
    server.ingest(batch(4, 1_700_000_004_000, 3).to_string()).await;
    let after = server.recording(&session_uuid).await;
    let mut expected = markers(&before);
    expected.extend(["4-0", "4-1", "4-2"].map(String::from));
    assert_eq!(markers(&after), expected);
    let (status, window) = server
        .get_as_admin(&format!("/api/v1/sessions/{session_uuid}/recording?from_ms=1700000001000&to_ms=1700000002002"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(markers(&window), ["1-0", "1-1", "1-2", "2-0", "2-1"]);
}

#[tokio::test]
async fn a_corrupt_segment_is_reported_and_the_rest_still_plays() {
    let server = TestServer::start().await;
    for sequence in 0..2_u64 {
        server.ingest(batch(sequence, 1_700_000_000_000 + sequence as i64 * 1_000, 3).to_string()).await;
    }
    let session_uuid = server.only_session().await["id"].as_str().unwrap().to_owned();
    close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    server.ingest(batch(2, 1_700_000_002_000, 3).to_string()).await;
    let segments = server.state.stores.recordings.list_segments(&session_uuid, i64::MIN, i64::MAX).await.unwrap();
    let blob_path = server.directory.path().join("segments").join(&segments[0].blob_key);
    std::fs::write(&blob_path, b"garbage").unwrap();
    let recording = server.recording(&session_uuid).await;
    assert_eq!(recording["corrupt_segments"].as_array().unwrap().len(), 1);
    assert_eq!(markers(&recording), ["2-0", "2-1", "2-2"]);
}

#[tokio::test]
async fn demo_seed_stores_sessions_once() {
    let server = TestServer::start().await;
    let seeded = reel_server::demo_seed::seed_demo_sessions(&server.state, "http://127.0.0.1:8080", 3).await.unwrap();
    assert_eq!(seeded, 3);
    let again = reel_server::demo_seed::seed_demo_sessions(&server.state, "http://127.0.0.1:8080", 3).await.unwrap();
    assert_eq!(again, 0);
    let (_, body) = server.get_as_admin("/api/v1/sessions").await;
    let sessions = body["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert!(sessions.iter().all(|session| session["click_count"].as_u64().unwrap() > 3));
    assert!(sessions.iter().all(|session| session["page_count"].as_u64().unwrap() >= 2));
    let recording = server.recording(sessions[0]["id"].as_str().unwrap()).await;
    assert_eq!(recording["events"][0]["type"], 4);
    assert_eq!(recording["events"][1]["type"], 2);
}

#[tokio::test]
async fn a_skewed_device_clock_is_corrected_by_the_sent_clock() {
    let server = TestServer::start().await;
    let hour_ms = 3_600_000;
    let device_now_ms = now_ms() - hour_ms;
    let body = serde_json::json!({"session_id": device_now_ms, "device_id": "slow-clock", "sequence": 0, "sent_at_ms": device_now_ms,
        "events": [{"type": 3, "timestamp": device_now_ms - 500, "data": {"source": 1, "positions": [], "marker": "m"}}]});
    assert_eq!(server.ingest(body.to_string()).await.0, StatusCode::OK);
    let session = server.only_session().await;
    let recording = server.recording(session["id"].as_str().unwrap()).await;
    let stored_ms = recording["events"][0]["timestamp"].as_i64().unwrap();
    let expected_ms = device_now_ms - 500 + hour_ms;
    assert!((stored_ms - expected_ms).abs() < 5_000, "stored {stored_ms}, expected about {expected_ms}");
    assert_eq!(session["start_time_ms"].as_i64().unwrap(), stored_ms, "the index uses corrected times too");
}
