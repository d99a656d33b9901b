use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

use crate::support::{TestServer, error_code};

#[tokio::test]
async fn healthz_answers() {
    let server = TestServer::start().await;
    let (status, body, _) = server.send(Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn reading_needs_a_login() {
    let server = TestServer::start().await;
    for path in ["/api/v1/sessions", "/api/v1/projects", "/api/v1/me", "/api/v1/sessions/x/recording"] {
        let (status, body, _) = server.send(Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(error_code(&body), "not_logged_in");
    }
    let forged =
        Request::get("/api/v1/sessions").header(header::COOKIE, "reel_session=forged").body(Body::empty()).unwrap();
    assert_eq!(server.send(forged).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn wrong_password_is_refused_and_right_one_sets_a_safe_cookie() {
    let server = TestServer::start().await;
    let wrong = Request::post("/api/v1/login")
        .body(Body::from(json!({"email": "admin@localhost", "password": "nope"}).to_string()))
        .unwrap();
    let (status, body, headers) = server.send(wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&body), "invalid_credentials");
    assert!(headers.get(header::SET_COOKIE).is_none());

    let right = Request::post("/api/v1/login")
        .body(Body::from(json!({"email": "admin@localhost", "password": crate::support::PASSWORD}).to_string()))
        .unwrap();
    let (status, _, headers) = server.send(right).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

    let malformed = Request::post("/api/v1/login").body(Body::from("{")).unwrap();
    let (status, body, _) = server.send(malformed).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error_code(&body), "bad_request");
}

#[tokio::test]
async fn projects_show_the_api_key_and_logout_ends_the_login() {
    let server = TestServer::start().await;
    let cookie = server.login_cookie().await;
    let request = Request::get("/api/v1/projects").header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    let (status, body, _) = server.send(request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["projects"][0]["api_key"], crate::support::API_KEY);
    let logout = Request::post("/api/v1/logout").header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    assert_eq!(server.send(logout).await.0, StatusCode::NO_CONTENT);
    let after = Request::get("/api/v1/me").header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    assert_eq!(server.send(after).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_api_key_cannot_read() {
    let server = TestServer::start().await;
    let request = Request::get("/api/v1/sessions")
        .header(header::AUTHORIZATION, format!("Bearer {}", crate::support::API_KEY))
        .body(Body::empty())
        .unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::UNAUTHORIZED);
}
