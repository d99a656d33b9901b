//! The Microscope: from a chart point to the users behind it, their event
//! streams, and the replays those events belong to.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::support::{TestServer, batch, error_code};

const PAGE: &str = "[Amplitude] Page Viewed";
/// The session `support::batch` records (device `device-1`).
const RECORDED_SESSION_ID: i64 = 1_700_000_000_000;
const NOVEMBER_FIRST_MS: i64 = 1_793_491_200_000;

/// alice views pages on 11-01 inside a recorded session; bob on 11-01 and
/// carol on 11-02 have no replay.
async fn server_with_journeys() -> (TestServer, i64) {
    let server = TestServer::start().await;
    let recording_start_ms = NOVEMBER_FIRST_MS + 10 * 3_600_000;
    let (status, body) = server.ingest(batch(0, recording_start_ms, 5).to_string()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let journeys = [
        Journey::user("alice")
            .device("device-1")
            .browser("Chrome")
            .in_session(RECORDED_SESSION_ID)
            .at("2026-11-01T10:00:30Z")
            .event_with(PAGE, json!({"path": "/"}))
            .after_minutes(1)
            .event_with(PAGE, json!({"path": "/cart"})),
        Journey::user("bob").browser("Firefox").at("2026-11-01T12:00:00Z").event(PAGE),
        Journey::user("carol").browser("Chrome").at("2026-11-02T12:00:00Z").event(PAGE),
    ];
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    (server, recording_start_ms)
}

fn chart(group_by: Value) -> Value {
    json!({"series": [{"event_type": PAGE, "group_by": group_by}], "measure": {"kind": "uniques"}, "interval": "day",
           "start_date": "2026-11-01", "end_date": "2026-11-03"})
}

async fn users_of(server: &TestServer, point: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post("/api/v1/projects/1/analytics/segmentation/users")
        .header(header::COOKIE, cookie)
        .body(Body::from(point.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

fn user_ids(body: &Value) -> Vec<&str> {
    body["users"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|user| user["user_id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_point_lists_its_users_streams_and_replays() {
    let (server, recording_start_ms) = server_with_journeys().await;
    let (status, body) =
        users_of(&server, json!({"query": chart(json!([])), "series": 0, "bucket_ms": NOVEMBER_FIRST_MS})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(user_ids(&body), vec!["alice", "bob"], "the users of 11-01, not carol");
    let alice = &body["users"][0];
    // The recording's own `[Amplitude] Replay Captured` (10:00) and the two page views.
    let alice_events: Vec<&str> =
        alice["events"].as_array().unwrap().iter().map(|event| event["event_type"].as_str().unwrap()).collect();
    assert_eq!(alice_events, vec!["[Amplitude] Replay Captured", PAGE, PAGE]);
    let session_uuid = server.only_session().await["id"].as_str().unwrap().to_owned();
    assert_eq!(alice["replays"][0]["session"], session_uuid.as_str());
    assert_eq!(alice["events"][2]["replay_session"], session_uuid.as_str());
    // The page view at 10:01:30 is 90 s into a recording that starts at 10:00.
    assert_eq!(
        alice["events"][2]["replay_offset_ms"],
        json!(NOVEMBER_FIRST_MS + 10 * 3_600_000 + 90_000 - recording_start_ms)
    );
    assert_eq!(body["users"][1]["replays"], json!([]));
    assert_eq!(body["users"][1]["events"][0]["replay_session"], Value::Null);

    let with_replays =
        json!({"query": chart(json!([])), "series": 0, "bucket_ms": NOVEMBER_FIRST_MS, "with_replays_only": true});
    let (_, body) = users_of(&server, with_replays).await;
    assert_eq!(user_ids(&body), vec!["alice"], "Streams with session replays");

    let by_browser = json!([{"scope": "builtin", "name": "browser_name"}]);
    let (_, body) = users_of(&server, json!({"query": chart(by_browser), "series": 0, "group": ["Chrome"]})).await;
    assert_eq!(user_ids(&body), vec!["alice", "carol"], "the Chrome row's total: both days");
}

#[tokio::test]
async fn bad_points_are_refused() {
    let (server, _) = server_with_journeys().await;
    let formula = json!({"series": [{"event_type": PAGE}], "measure": {"kind": "formula", "formula": "UNIQUES(A) * 2"},
                         "interval": "day", "start_date": "2026-11-01", "end_date": "2026-11-03"});
    for (point, expected) in [
        (json!({"query": chart(json!([])), "series": 3}), "series"),
        (json!({"query": chart(json!([])), "series": 0, "bucket_ms": NOVEMBER_FIRST_MS + 5}), "bucket_ms"),
        (
            json!({"query": chart(json!([])), "series": 0, "bucket_ms": NOVEMBER_FIRST_MS + 40 * 86_400_000}),
            "bucket_ms",
        ),
        (json!({"query": formula, "series": 0}), "formula"),
    ] {
        let (status, body) = users_of(&server, point.clone()).await;
        assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "invalid_query"), "{point}");
        assert!(body["error"]["message"].as_str().unwrap().contains(expected), "{body}");
    }
}
