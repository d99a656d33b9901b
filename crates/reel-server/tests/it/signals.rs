//! Frustration signals end to end: ingest, the worker, counts, filters,
//! markers, dedupe with SDK-sent signals, and recompute.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use reel_server::session_signals::recompute_session_signals;
use reel_server::signals_worker::process_dirty_sessions;
use serde_json::{Value, json};

use crate::support::{API_KEY, TestServer};

fn fixture(name: &str) -> Vec<Value> {
    let path = format!("{}/../reel-signals/src/detectors/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

async fn ingest_events(server: &TestServer, device_id: &str, events: Vec<Value>) -> String {
    let session_id = events[0]["timestamp"].as_i64().unwrap();
    for (sequence, chunk) in events.chunks(3).enumerate() {
        let body = json!({"session_id": session_id, "device_id": device_id, "sequence": sequence, "events": chunk});
        assert_eq!(server.ingest(body.to_string()).await.0, StatusCode::OK);
    }
    let (_, list) = server.get_as_admin("/api/v1/sessions").await;
    let sessions = list["sessions"].as_array().unwrap();
    sessions.iter().find(|session| session["device_id"] == device_id).unwrap()["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn signals_are_detected_after_ingest_and_shown_everywhere() {
    let server = TestServer::start().await;
    let rage_uuid = ingest_events(&server, "rage-device", fixture("rage_click/five_fast_clicks_on_a_button")).await;
    let calm_uuid = ingest_events(&server, "calm-device", fixture("dead_click/slow_but_working_button")).await;
    assert_eq!(process_dirty_sessions(&server.state).await, 2);

    let (_, detail) = server.get_as_admin(&format!("/api/v1/sessions/{rage_uuid}")).await;
    assert_eq!(detail["session"]["signal_counts"]["rage_clicks"], 1, "{detail}");
    // The burst hit a button that never reacted: a rage click and a dead click.
    let markers = detail["signals"].as_array().unwrap();
    let mut kinds: Vec<&str> = markers.iter().map(|marker| marker["kind"].as_str().unwrap()).collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["dead_click", "rage_click"]);
    assert_eq!(detail["session"]["signal_counts"]["dead_clicks"], 1);
    let markers: Vec<&Value> = markers.iter().filter(|marker| marker["kind"] == "rage_click").collect();
    assert_eq!(markers[0]["click_count"].as_u64(), Some(5));
    assert_eq!(markers[0]["display_name"], "Rage clicked 'Buy now' button");

    let (_, events) = server.get_as_admin(&format!("/api/v1/sessions/{rage_uuid}/events")).await;
    let rage: Vec<&Value> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| event["event_type"] == "[Amplitude] Rage Click")
        .collect();
    assert_eq!(rage.len(), 1);
    assert_eq!(rage[0]["event_properties"]["[Amplitude] Click Count"], 5);
    assert_eq!(rage[0]["library"], "reel-signals/v1");

    let (_, filtered) = server.get_as_admin("/api/v1/sessions?has_rage_clicks=true").await;
    let ids: Vec<&str> =
        filtered["sessions"].as_array().unwrap().iter().map(|session| session["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [rage_uuid.as_str()]);
    let (_, dead) = server.get_as_admin("/api/v1/sessions?has_dead_clicks=true&has_rage_clicks=true").await;
    assert_eq!(dead["sessions"].as_array().unwrap().len(), 1, "filters combine with AND");
    let (_, errors) = server.get_as_admin("/api/v1/sessions?has_errors=true").await;
    assert!(errors["sessions"].as_array().unwrap().is_empty());
    let (_, calm) = server.get_as_admin(&format!("/api/v1/sessions/{calm_uuid}")).await;
    assert!(calm["signals"].as_array().unwrap().is_empty());

    // Running the detectors again stores nothing twice.
    server.state.dirty_sessions.mark(&rage_uuid, 0);
    process_dirty_sessions(&server.state).await;
    let (_, again) = server.get_as_admin(&format!("/api/v1/sessions/{rage_uuid}")).await;
    assert_eq!(again["session"]["signal_counts"]["rage_clicks"], 1);
}

#[tokio::test]
async fn a_signal_the_amplitude_sdk_already_sent_is_not_doubled() {
    let server = TestServer::start().await;
    let events = fixture("rage_click/five_fast_clicks_on_a_button");
    let first_click_ms = 1_700_000_001_000_i64;
    let sdk_event = json!({"api_key": API_KEY, "events": [{
        "event_type": "[Amplitude] Rage Click", "device_id": "rage-device", "session_id": events[0]["timestamp"],
        "time": first_click_ms + 40, "insert_id": "sdk-rage-1", "library": "amplitude-ts/2.48.1"
    }]});
    let request = Request::post("/2/httpapi")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(sdk_event.to_string()))
        .unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::OK);
    let session_uuid = ingest_events(&server, "rage-device", events).await;
    process_dirty_sessions(&server.state).await;
    let (_, detail) = server.get_as_admin(&format!("/api/v1/sessions/{session_uuid}")).await;
    let markers: Vec<&Value> =
        detail["signals"].as_array().unwrap().iter().filter(|marker| marker["kind"] == "rage_click").collect();
    assert_eq!(markers.len(), 1, "{detail}");
    assert_eq!(markers[0]["source"], "sdk");
    assert_eq!(detail["session"]["signal_counts"]["rage_clicks"], 1);
}

#[tokio::test]
async fn recompute_applies_changed_thresholds() {
    let server = TestServer::start().await;
    let session_uuid = ingest_events(&server, "slow-device", fixture("rage_click/four_slow_clicks")).await;
    process_dirty_sessions(&server.state).await;
    let cookie = server.login_cookie().await;
    let change = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, cookie)
        .body(Body::from(json!({"settings": {"signals": {"rage_click_window_ms": 2000}}}).to_string()))
        .unwrap();
    let (status, body, _) = server.send(change).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["project"]["settings"]["signals"]["rage_click_count_min"], 4,
        "unchanged thresholds keep their values"
    );
    let session = server.state.stores.recordings.find_session(&session_uuid, &[1]).await.unwrap().unwrap();
    assert_eq!(session.signal_counts.rage_clicks, 0);
    recompute_session_signals(&server.state, &session).await.unwrap();
    let session = server.state.stores.recordings.find_session(&session_uuid, &[1]).await.unwrap().unwrap();
    assert_eq!(session.signal_counts.rage_clicks, 1);
}
