//! The bad-input table of docs/ingest-protocol.md: each case answers as
//! documented and loses nothing that was already acknowledged.

use std::io::Write;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use flate2::{Compression, write::GzEncoder};
use reel_server::Config;

use crate::support::{API_KEY, TestServer, batch, error_code};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

async fn assert_first_batch_intact(server: &TestServer) {
    let session = server.only_session().await;
    assert_eq!(session["batch_count"], 1);
    assert_eq!(session["event_count"], 3);
}

#[tokio::test]
async fn malformed_json_is_400_and_loses_nothing() {
    let server = TestServer::start().await;
    assert_eq!(server.ingest(batch(0, 1_700_000_000_000, 3).to_string()).await.0, StatusCode::OK);
    let (status, body) = server.ingest("{\"session_id\": 1,").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&body), "malformed_json");
    assert!(body["error"]["message"].as_str().unwrap().contains("not valid JSON"));
    assert_first_batch_intact(&server).await;
}

#[tokio::test]
async fn missing_or_unknown_api_key_is_401() {
    let server = TestServer::start().await;
    let body = batch(0, 1_700_000_000_000, 3).to_string();
    let missing = Request::post("/api/v1/ingest").body(Body::from(body.clone())).unwrap();
    let (status, answer, _) = server.send(missing).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&answer), "missing_api_key");
    let unknown = Request::post("/api/v1/ingest")
        .header(header::AUTHORIZATION, "Bearer not-a-key")
        .body(Body::from(body.clone()))
        .unwrap();
    let (status, answer, _) = server.send(unknown).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&answer), "unknown_api_key");
    let (status, answer) = server.get_as_admin("/api/v1/sessions").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["sessions"].as_array().unwrap().len(), 0, "nothing stored");
}

#[tokio::test]
async fn the_key_may_come_from_the_query_or_the_body() {
    let server = TestServer::start().await;
    let query = Request::post(format!("/api/v1/ingest?api_key={API_KEY}"))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(batch(0, 1_700_000_000_000, 3).to_string()))
        .unwrap();
    assert_eq!(server.send(query).await.0, StatusCode::OK);
    let mut in_body = batch(1, 1_700_000_001_000, 3);
    in_body["api_key"] = API_KEY.into();
    let request = Request::post("/api/v1/ingest").body(Body::from(in_body.to_string())).unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::OK);
    assert_eq!(server.only_session().await["batch_count"], 2);
}

#[tokio::test]
async fn oversize_body_is_413_naming_the_limit() {
    let mut config = Config::default();
    config.ingest.payload_bytes_max = 2_000;
    let server = TestServer::start_with(config).await;
    assert_eq!(server.ingest(batch(0, 1_700_000_000_000, 3).to_string()).await.0, StatusCode::OK);
    let (status, body) = server.ingest(batch(1, 1_700_000_001_000, 100).to_string()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(&body), "payload_too_large");
    assert!(body["error"]["message"].as_str().unwrap().contains("2000 bytes"), "{body}");
    // A small gzip body that inflates past the limit is refused too.
    let bomb = gzip(batch(1, 1_700_000_001_000, 100).to_string().as_bytes());
    assert!(bomb.len() < 2_000);
    let (status, _) = server.ingest(bomb).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_first_batch_intact(&server).await;
}

#[tokio::test]
async fn corrupt_gzip_is_400_and_valid_gzip_is_accepted() {
    let server = TestServer::start().await;
    let compressed = gzip(batch(0, 1_700_000_000_000, 3).to_string().as_bytes());
    let request = Request::post("/api/v1/ingest")
        .header(header::AUTHORIZATION, format!("Bearer {API_KEY}"))
        .header(header::CONTENT_ENCODING, "gzip")
        .body(Body::from(compressed.clone()))
        .unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::OK);
    let mut corrupt = gzip(batch(1, 1_700_000_001_000, 3).to_string().as_bytes());
    let length = corrupt.len();
    corrupt[length / 2] ^= 0xff;
    corrupt.truncate(length - 6);
    let (status, body) = server.ingest(corrupt).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&body), "corrupt_gzip");
    assert_first_batch_intact(&server).await;
}

#[tokio::test]
async fn wrong_types_are_400() {
    let server = TestServer::start().await;
    assert_eq!(server.ingest(batch(0, 1_700_000_000_000, 3).to_string()).await.0, StatusCode::OK);
    let cases = [
        r#"{"session_id":"yesterday","device_id":"d","sequence":1,"events":[{"type":3,"timestamp":1}]}"#,
        r#"{"session_id":1,"device_id":5,"sequence":1,"events":[{"type":3,"timestamp":1}]}"#,
        r#"{"session_id":1,"device_id":"d","sequence":-1,"events":[{"type":3,"timestamp":1}]}"#,
        r#"{"session_id":1,"device_id":"d","sequence":1,"events":{"type":3}}"#,
        r#"{"session_id":1,"device_id":"d","sequence":1,"events":[{"type":"x","timestamp":"y"}]}"#,
        r#"[1,2,3]"#,
    ];
    for case in cases {
        let (status, body) = server.ingest(case).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{case}");
        assert_eq!(error_code(&body), "invalid_field", "{case}");
    }
    let (status, body) = server.ingest(r#"{"session_id":1,"device_id":"d","sequence":1,"events":[]}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&body), "empty_batch");
    assert_first_batch_intact(&server).await;
}

#[tokio::test]
async fn unknown_api_routes_answer_json_404() {
    let server = TestServer::start().await;
    let (status, body) = server.get_as_admin("/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&body), "not_found");
    let (status, body) = server.get_as_admin("/api/v1/sessions/not-a-session").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&body), "session_not_found");
}

#[tokio::test]
async fn over_the_in_flight_limit_answers_503_with_retry_after() {
    let server = TestServer::start().await;
    let all_permits = server.state.config.ingest.in_flight_requests_max as u32;
    let held = server.state.ingest_permits.clone().acquire_many_owned(all_permits).await.unwrap();
    let request = Request::post("/api/v1/ingest")
        .header(header::AUTHORIZATION, format!("Bearer {API_KEY}"))
        .body(Body::from(batch(0, 1_700_000_000_000, 3).to_string()))
        .unwrap();
    let (status, body, headers) = server.send(request).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_code(&body), "overloaded");
    assert_eq!(headers.get(header::RETRY_AFTER).unwrap(), "1");
    drop(held);
    assert_eq!(server.ingest(batch(0, 1_700_000_000_000, 3).to_string()).await.0, StatusCode::OK);
}
