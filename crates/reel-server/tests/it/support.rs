use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use reel_server::{AppState, Config, Stores, build_router, ensure_admin_and_project};
use reel_storage_sqlite::{FileBlobStore, SqliteStore};
use serde_json::{Value, json};
use tower::ServiceExt;

pub const API_KEY: &str = "test-project-key";
pub const PASSWORD: &str = "test-password";

pub struct TestServer {
    pub state: AppState,
    pub router: Router,
    pub directory: tempfile::TempDir,
}

pub fn open_stores(directory: &std::path::Path) -> Stores {
    let sqlite = Arc::new(SqliteStore::open(&directory.join("reel.sqlite3")).unwrap());
    let blobs = Arc::new(FileBlobStore::open(&directory.join("segments")).unwrap());
    Stores { accounts: sqlite.clone(), recordings: sqlite.clone(), events: sqlite, blobs }
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(Config::default()).await
    }

    pub async fn start_with(mut config: Config) -> Self {
        let directory = tempfile::tempdir().unwrap();
        config.admin_password = Some(PASSWORD.into());
        config.project_api_key.get_or_insert_with(|| API_KEY.into());
        let stores = open_stores(directory.path());
        ensure_admin_and_project(&stores, &config).await.unwrap();
        let state = AppState::new(stores, config).unwrap();
        let router = build_router(state.clone());
        Self { state, router, directory }
    }

    pub async fn send(&self, request: Request<Body>) -> (StatusCode, Value, axum::http::HeaderMap) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap_or(Value::Null) };
        (status, body, headers)
    }

    pub async fn ingest(&self, body: impl Into<Body>) -> (StatusCode, Value) {
        let request = Request::post("/api/v1/ingest")
            .header(header::AUTHORIZATION, format!("Bearer {API_KEY}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.into())
            .unwrap();
        let (status, body, _) = self.send(request).await;
        (status, body)
    }

    pub async fn login_cookie(&self) -> String {
        let request = Request::post("/api/v1/login")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"email": "admin@localhost", "password": PASSWORD}).to_string()))
            .unwrap();
        let (status, _, headers) = self.send(request).await;
        assert_eq!(status, StatusCode::OK);
        let cookie = headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
        cookie.split(';').next().unwrap().to_owned()
    }

    pub async fn get_as_admin(&self, path: &str) -> (StatusCode, Value) {
        let cookie = self.login_cookie().await;
        let request = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        let (status, body, _) = self.send(request).await;
        (status, body)
    }

    pub async fn only_session(&self) -> Value {
        let (status, body) = self.get_as_admin("/api/v1/sessions").await;
        assert_eq!(status, StatusCode::OK);
        let sessions = body["sessions"].as_array().unwrap();
        assert_eq!(sessions.len(), 1, "{body}");
        sessions[0].clone()
    }

    pub async fn recording(&self, session_uuid: &str) -> Value {
        let (status, body) = self.get_as_admin(&format!("/api/v1/sessions/{session_uuid}/recording")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }
}

/// A batch with `event_count` events starting at `first_timestamp_ms`.
pub fn batch(sequence: u64, first_timestamp_ms: i64, event_count: usize) -> Value {
    let mut events = Vec::new();
    if sequence == 0 {
        events.push(json!({"type": 4, "timestamp": first_timestamp_ms, "data": {"href": "http://shop/", "width": 800, "height": 600}}));
    }
    while events.len() < event_count {
        let offset = events.len() as i64;
        events.push(json!({"type": 3, "timestamp": first_timestamp_ms + offset, "data": {"source": 1, "positions": [], "marker": format!("{sequence}-{offset}")}}));
    }
    json!({"session_id": 1_700_000_000_000_i64, "device_id": "device-1", "user_id": "alice", "sequence": sequence, "events": events})
}

pub fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_else(|| panic!("no error code in {body}"))
}
