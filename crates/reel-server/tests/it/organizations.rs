//! Organizations and the portfolio: members see their organizations'
//! projects; the replay list spans them, and one person's sessions in two
//! projects stay two replays.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::support::{TestServer, batch};

async fn post(server: &TestServer, cookie: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let request = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

async fn login(server: &TestServer, email: &str, password: &str) -> String {
    let request = Request::post("/api/v1/login")
        .body(Body::from(json!({"email": email, "password": password}).to_string()))
        .unwrap();
    let (status, body, headers) = server.send(request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    headers.get(header::SET_COOKIE).unwrap().to_str().unwrap().split(';').next().unwrap().to_owned()
}

async fn get(server: &TestServer, cookie: &str, path: &str) -> Value {
    let request = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let (status, body, _) = server.send(request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn ingest_with_key(server: &TestServer, api_key: &str, body: Value) {
    let request = Request::post("/api/v1/ingest")
        .header(header::AUTHORIZATION, format!("Bearer {api_key}"))
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, answer, _) = server.send(request).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[tokio::test]
async fn the_portfolio_lists_every_accessible_project_and_never_stitches_sessions() {
    let server = TestServer::start().await;
    let admin = server.login_cookie().await;
    let (status, created) = post(&server, &admin, "/api/v1/organizations", json!({"name": "Acme"})).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let acme_id = created["organization"]["id"].as_i64().unwrap();
    let (status, project) =
        post(&server, &admin, &format!("/api/v1/organizations/{acme_id}/projects"), json!({"name": "Acme web"})).await;
    assert_eq!(status, StatusCode::CREATED, "{project}");
    let acme_key = project["project"]["api_key"].as_str().unwrap().to_owned();
    let acme_project_id = project["project"]["id"].as_i64().unwrap();

    // The same device and session id in both projects.
    let (status, _) = server.ingest(batch(0, 1_790_000_000_000, 3).to_string()).await;
    assert_eq!(status, StatusCode::OK);
    ingest_with_key(&server, &acme_key, batch(0, 1_790_000_100_000, 3)).await;

    let whole = json!({"start_date": "2026-09-01", "end_date": "2026-09-30"});
    let (status, portfolio) = post(&server, &admin, "/api/v1/sessions/search", whole.clone()).await;
    assert_eq!(status, StatusCode::OK, "{portfolio}");
    let sessions = portfolio["sessions"].as_array().unwrap();
    let projects: Vec<i64> = sessions.iter().map(|session| session["project_id"].as_i64().unwrap()).collect();
    assert_eq!(projects, [acme_project_id, 1], "two replays, one per project");
    assert_ne!(sessions[0]["id"], sessions[1]["id"]);
    assert_eq!(sessions[0]["replay_id"], sessions[1]["replay_id"], "the same Amplitude replay id in each");

    let (status, member) = post(
        &server,
        &admin,
        &format!("/api/v1/organizations/{acme_id}/members"),
        json!({"email": "dana@acme.test", "password": "long-enough-secret"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{member}");
    let dana = login(&server, "dana@acme.test", "long-enough-secret").await;
    let visible = get(&server, &dana, "/api/v1/projects").await;
    let names: Vec<&str> =
        visible["projects"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Acme web"], "only her organization's projects");
    assert_eq!(visible["projects"][0]["organization_name"], "Acme");
    let (_, hers) = post(&server, &dana, "/api/v1/sessions/search", whole).await;
    assert_eq!(hers["sessions"].as_array().unwrap().len(), 1);
    let (status, _) = post(&server, &dana, "/api/v1/sessions/search", json!({"project_ids": [1]})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "another organization's project is refused");
    let request = Request::get("/api/v1/projects/1").header(header::COOKIE, &dana).body(Body::empty()).unwrap();
    assert_eq!(server.send(request).await.0, StatusCode::NOT_FOUND);
    let organizations = get(&server, &dana, "/api/v1/organizations").await;
    assert_eq!(organizations["organizations"][0]["name"], "Acme");
    assert_eq!(organizations["organizations"][0]["projects"][0]["id"], acme_project_id);

    let (status, body) = post(&server, &dana, "/api/v1/organizations/1/projects", json!({"name": "Sneaky"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not a member of the default organization: {body}");
    let (status, body) =
        post(&server, &admin, &format!("/api/v1/organizations/{acme_id}/members"), json!({"email": "new@acme.test"}))
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("password"), "{body}");
}
