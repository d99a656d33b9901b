//! Bad input on the Amplitude endpoints gets the answer the SDK handles
//! without retrying forever or duplicating events.

use std::io::Write;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use flate2::{Compression, write::GzEncoder};
use reel_server::Config;
use serde_json::json;

use crate::amplitude_fixtures::{FIXTURE_API_KEY, start_fixture_server};
use crate::support::TestServer;

async fn post(
    server: &TestServer,
    path: &str,
    body: Vec<u8>,
) -> (StatusCode, serde_json::Value, axum::http::HeaderMap) {
    server
        .send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "text/plain;charset=UTF-8")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
}

fn analytics_body(events: serde_json::Value) -> Vec<u8> {
    json!({"api_key": FIXTURE_API_KEY, "events": events, "options": {}, "client_upload_time": "2026-11-27T11:03:55.787Z"}).to_string().into_bytes()
}

#[tokio::test]
async fn analytics_errors_use_amplitudes_shape() {
    let server = start_fixture_server().await;
    let unknown = json!({"api_key": "nope", "events": [{"event_type": "a", "device_id": "device-1"}]}).to_string();
    let (status, body, _) = post(&server, "/2/httpapi", unknown.into_bytes()).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::BAD_REQUEST, json!(400)));
    assert!(body["error"].as_str().unwrap().starts_with("Invalid API key"), "the SDK drops the batch: {body}");
    let (status, body, _) = post(&server, "/2/httpapi", b"not json".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!body["missing_field"].as_str().unwrap().is_empty(), "a hopeless body is dropped, not retried: {body}");
    let (status, body, _) = post(&server, "/2/httpapi", json!({"events": []}).to_string().into_bytes()).await;
    assert_eq!((status, body["missing_field"].clone()), (StatusCode::BAD_REQUEST, json!("api_key")));
    let mixed = analytics_body(json!([
        {"event_type": "fine", "device_id": "device-12345", "insert_id": "i1"},
        {"event_type": 7, "device_id": "device-12345", "insert_id": "i2"},
        {"event_type": "fine too", "device_id": "device-12345", "insert_id": "i3", "time": "yesterday"}
    ]));
    let (status, body, _) = post(&server, "/2/httpapi", mixed).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["events_with_invalid_fields"], json!({"event_type": [1], "time": [2]}));
    let stored = server.state.stores.events.list_session_events(1, "device-12345", -1, 100).await.unwrap();
    assert!(stored.is_empty(), "a rejected batch stores nothing; the SDK re-sends the valid events");
    // The SDK's retry without the bad indexes then succeeds once.
    let retry = analytics_body(
        json!([{"event_type": "fine", "device_id": "device-12345", "insert_id": "i1", "session_id": 5}]),
    );
    assert_eq!(post(&server, "/2/httpapi", retry.clone()).await.0, StatusCode::OK);
    assert_eq!(post(&server, "/2/httpapi", retry).await.0, StatusCode::OK);
    assert_eq!(server.state.stores.events.list_session_events(1, "device-12345", 5, 100).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_oversized_analytics_batch_is_413_with_code() {
    let mut config = Config { project_api_key: Some(FIXTURE_API_KEY.into()), ..Config::default() };
    config.ingest.payload_bytes_max = 1_000;
    let server = TestServer::start_with(config).await;
    let big = analytics_body(json!([{"event_type": "x".repeat(2_000), "device_id": "device-12345"}]));
    let (status, body, _) = post(&server, "/2/httpapi", big).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::PAYLOAD_TOO_LARGE, json!(413)));
}

#[tokio::test]
async fn replay_uploads_check_key_ids_and_events() {
    let server = start_fixture_server().await;
    let path = "/sessions/v2/track?device_id=device-1&session_id=1700000000000&type=replay";
    let events = json!({"version": 1, "events": ["{\"type\":4,\"timestamp\":1700000000001,\"data\":{\"href\":\"http://shop/\"}}"]}).to_string();
    let unauthorized = Request::post(path).body(Body::from(events.clone())).unwrap();
    assert_eq!(server.send(unauthorized).await.0, StatusCode::UNAUTHORIZED);
    let wrong_key = Request::post(format!("{path}&api_key=nope")).body(Body::from(events.clone())).unwrap();
    assert_eq!(server.send(wrong_key).await.0, StatusCode::UNAUTHORIZED);
    let no_events =
        Request::post(format!("{path}&api_key={FIXTURE_API_KEY}")).body(Body::from(r#"{"version":2}"#)).unwrap();
    assert_eq!(server.send(no_events).await.0, StatusCode::BAD_REQUEST);
    let no_session = Request::post(format!("/sessions/v2/track?device_id=d&type=replay&api_key={FIXTURE_API_KEY}"))
        .body(Body::from(events.clone()))
        .unwrap();
    assert_eq!(server.send(no_session).await.0, StatusCode::BAD_REQUEST);
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(events.as_bytes()).unwrap();
    let gzipped = Request::post(path)
        .header(header::AUTHORIZATION, format!("Bearer {FIXTURE_API_KEY}"))
        .header(header::CONTENT_ENCODING, "gzip")
        .body(Body::from(encoder.finish().unwrap()))
        .unwrap();
    let (status, _, headers) = server.send(gzipped).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get("x-session-replay-event-skipped").is_none());
    assert_eq!(server.only_session().await["first_url"], "http://shop/");
}

#[tokio::test]
async fn disabled_capture_and_overload_use_the_skip_header() {
    let server = start_fixture_server().await;
    let cookie = server.login_cookie().await;
    let disable = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, &cookie)
        .body(Body::from(json!({"settings": {"replay_capture_enabled": false}}).to_string()))
        .unwrap();
    let (status, body, _) = server.send(disable).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, config, _) = server
        .send(Request::get(format!("/config/{FIXTURE_API_KEY}?config_group=browser")).body(Body::empty()).unwrap())
        .await;
    assert_eq!(config["configs"]["sessionReplay"]["sr_sampling_config"]["capture_enabled"], false);
    let upload =
        Request::post(format!("/sessions/v2/track?device_id=d1&session_id=5&type=replay&api_key={FIXTURE_API_KEY}"))
            .body(Body::from(r#"{"version":1,"events":["{\"type\":3,\"timestamp\":5}"]}"#))
            .unwrap();
    let (status, _, headers) = server.send(upload).await;
    assert_eq!((status, headers["x-session-replay-event-skipped"].to_str().unwrap()), (StatusCode::OK, "4005"));
    let invalid = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, &cookie)
        .body(Body::from(json!({"settings": {"privacy_level": "paranoid"}}).to_string()))
        .unwrap();
    let (status, body, _) = server.send(invalid).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("privacy_level"));
    let unknown_field = Request::patch("/api/v1/projects/1")
        .header(header::COOKIE, &cookie)
        .body(Body::from(json!({"settings": {"sample": 1}}).to_string()))
        .unwrap();
    assert_eq!(server.send(unknown_field).await.0, StatusCode::BAD_REQUEST);
    let unknown_key = Request::get("/config/not-a-key?config_group=browser").body(Body::empty()).unwrap();
    assert_eq!(server.send(unknown_key).await.0, StatusCode::UNAUTHORIZED);
}
