//! User Lookup: search by user id, device id and user property; the
//! profile and its event stream grouped by session with replays marked.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::session_search::{RecordedSession, record};
use crate::support::{TestServer, error_code};

const ALICE_REPLAY: RecordedSession = RecordedSession {
    device_id: "alice-laptop",
    session_id: 5_001,
    user_id: Some("alice@example.com"),
    start: "2026-11-10T10:00:00Z",
    duration_ms: 60_000,
    urls: &["http://shop/"],
    forwarded_for: None,
};

async fn server_with_alice() -> TestServer {
    let server = TestServer::start().await;
    record(&server, &ALICE_REPLAY).await;
    let journeys = [
        Journey::user("alice@example.com")
            .device("alice-laptop")
            .in_session(5_001)
            .at("2026-11-10T10:00:10Z")
            .event("Page Viewed")
            .set_user_properties(json!({"plan": "Enterprise", "company": "Acme"}))
            .after_minutes(0)
            .event("Add to Cart"),
        // A later session on her phone, without a replay.
        Journey::user("alice@example.com").device("alice-phone").at("2026-11-12T08:00:00Z").event("Search"),
        Journey::anonymous("visitor-7").at("2026-11-11T08:00:00Z").event("Page Viewed"),
        Journey::user("bob@example.com").at("2026-11-09T08:00:00Z").event("Page Viewed"),
    ];
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    server
}

async fn found(server: &TestServer, query: &str) -> Vec<String> {
    let (status, body) = server.get_as_admin(&format!("/api/v1/projects/1/users/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}: {body}");
    body["users"].as_array().unwrap().iter().map(|user| user["user_key"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn users_are_found_by_id_device_or_property() {
    let server = server_with_alice().await;
    assert_eq!(found(&server, "query=ALICE&by=user_id").await, ["alice@example.com"], "prefix, any case");
    assert!(found(&server, "query=example&by=user_id").await.is_empty(), "ids match by prefix");
    assert_eq!(found(&server, "query=alice-ph&by=device_id").await, ["alice@example.com"]);
    assert_eq!(found(&server, "query=visitor&by=device_id").await, ["visitor-7"]);
    assert_eq!(found(&server, "query=acm&by=user_property&property=company").await, ["alice@example.com"]);
    let any = found(&server, "query=a").await;
    assert_eq!(any, ["alice@example.com"], "user id or device id");
    let (_, body) = server.get_as_admin("/api/v1/projects/1/users/search?query=visitor").await;
    assert_eq!(body["users"][0]["matched_on"], "device_id");
    assert_eq!(body["users"][0]["last_seen_ms"], 1_794_384_000_000_i64);
}

#[tokio::test]
async fn bad_lookups_are_refused_in_json() {
    let server = server_with_alice().await;
    for (query, expected) in
        [("query=", "query"), ("query=x&by=shoe_size", "by"), ("query=x&by=user_property", "property")]
    {
        let (status, body) = server.get_as_admin(&format!("/api/v1/projects/1/users/search?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(body["error"]["message"].as_str().unwrap().contains(expected), "{query}: {body}");
    }
    let (status, body) = server.get_as_admin("/api/v1/projects/1/users/profile?user_key=nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&body), "not_found");
    let (status, _) = server.get_as_admin("/api/v1/projects/9/users/search?query=a").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another organization's project");
}

#[tokio::test]
async fn the_profile_groups_events_by_session_newest_first_and_marks_replays() {
    let server = server_with_alice().await;
    let (status, body) = server.get_as_admin("/api/v1/projects/1/users/profile?user_key=alice%40example.com").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let user = &body["user"];
    assert_eq!(user["properties"], json!({"plan": "Enterprise", "company": "Acme"}));
    assert_eq!(user["session_count"], 2);
    assert_eq!(user["device_ids"], json!(["alice-laptop", "alice-phone"]));
    assert!(user["first_seen_ms"].as_i64().unwrap() < user["last_seen_ms"].as_i64().unwrap());
    let sessions = body["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["device_id"], "alice-phone", "newest session first");
    assert_eq!(sessions[0]["replay"], Value::Null);
    let recorded = &sessions[1];
    let event_types: Vec<&str> =
        recorded["events"].as_array().unwrap().iter().map(|event| event["event_type"].as_str().unwrap()).collect();
    assert_eq!(
        event_types,
        ["[Amplitude] Replay Captured", "Page Viewed", "Add to Cart"],
        "oldest first within a session"
    );
    assert_eq!(recorded["replay"]["replay_id"], "alice-laptop/5001");
    assert!(recorded["replay"]["session_uuid"].as_str().is_some());
}

#[tokio::test]
async fn country_and_platform_come_from_the_newest_event_that_has_them() {
    let server = server_with_alice().await;
    let mut own = Journey::user("carol").at("2026-11-12T08:00:00Z").event("Page Viewed").build();
    own[0].context.country = Some("FR".into());
    own[0].context.platform = Some("Web".into());
    // A newer event the server added itself (as frustration signals are), without either.
    let added = Journey::user("carol").at("2026-11-12T09:00:00Z").event("[Amplitude] Dead Click").build();
    server.state.stores.events.insert_events(own.into_iter().chain(added).collect()).await.unwrap();
    let (status, body) = server.get_as_admin("/api/v1/projects/1/users/profile?user_key=carol").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!((&body["user"]["country"], &body["user"]["platform"]), (&json!("FR"), &json!("Web")));
    let (_, alice) = server.get_as_admin("/api/v1/projects/1/users/profile?user_key=alice%40example.com").await;
    let replay = &alice["sessions"][1]["replay"];
    assert_eq!(replay["start_ms"], 1_794_304_800_000_i64, "where the replay starts, for Play Session offsets");
}
