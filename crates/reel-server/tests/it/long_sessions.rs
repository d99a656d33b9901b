//! No limit on length: a generated 4-hour session is ingested and read back.

use axum::http::StatusCode;
use reel_demo_data::{DemoSessionPlan, generate_session_batches};
use reel_server::segment_closer::close_ready_sessions;
use reel_server::state::now_ms;

use crate::support::TestServer;

#[tokio::test]
async fn a_four_hour_session_is_stored_and_seekable() {
    let server = TestServer::start().await;
    let session_start_ms = 1_700_000_000_000_i64;
    let four_hours_ms = 4 * 3_600_000;
    let plan = DemoSessionPlan {
        device_id: "marathon".into(),
        user_id: Some("long@example.com".into()),
        session_start_ms,
        duration_ms: four_hours_ms,
        base_url: "http://shop".into(),
        page_interval_ms: 300_000,
        batch_interval_ms: 10_000,
        seed: 4,
    };
    let batches = generate_session_batches(&plan);
    let generated_events: usize = batches.iter().map(|batch| batch.events.len()).sum();
    for batch in &batches {
        let (status, body) = server.ingest(serde_json::to_string(batch).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    close_ready_sessions(&server.state, now_ms() + 60_000).await.unwrap();
    let session = server.only_session().await;
    assert!(session["duration_ms"].as_i64().unwrap() > four_hours_ms - 10_000, "{session}");
    assert_eq!(session["event_count"].as_u64().unwrap() as usize, generated_events);
    assert_eq!(session["page_count"], 48);
    let session_uuid = session["id"].as_str().unwrap();
    let whole = server.recording(session_uuid).await;
    assert_eq!(whole["events"].as_array().unwrap().len(), generated_events);

    let middle_ms = session_start_ms + four_hours_ms / 2 + 123_000;
    let (status, seek) = server
        .get_as_admin(&format!("/api/v1/sessions/{session_uuid}/recording?at_ms={middle_ms}&window_ms=30000"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let keyframe_ms = seek["keyframe_ms"].as_i64().unwrap();
    assert!(keyframe_ms <= middle_ms && keyframe_ms > middle_ms - 300_000, "keyframe {keyframe_ms}");
    let events = seek["events"].as_array().unwrap();
    assert_eq!((events[0]["type"].as_i64(), events[1]["type"].as_i64()), (Some(4), Some(2)));
    assert!(events.len() < generated_events / 20, "a seek reads only a few minutes");
}
