//! User Sessions and Journeys over journeys built by hand; the expected
//! numbers are worked out in the comments.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::support::{TestServer, error_code};

async fn post(server: &TestServer, chart: &str, query: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post(format!("/api/v1/projects/1/analytics/{chart}"))
        .header(header::COOKIE, cookie)
        .body(Body::from(query.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

async fn store(server: &TestServer, journeys: Vec<Journey>) {
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
}

/// alice: a 20-minute session of 3 events on 11-01 and a 5-second one of 2
/// events on 11-02; bob: a one-event session on 11-01.
#[tokio::test]
async fn user_sessions_measures() {
    let server = TestServer::start().await;
    store(
        &server,
        vec![
            Journey::user("alice")
                .in_session(1)
                .at("2026-11-01T10:00:00Z")
                .event("a")
                .after_minutes(5)
                .event("b")
                .after_minutes(15)
                .event("c")
                .in_session(2)
                .at("2026-11-02T09:00:00Z")
                .event("a")
                .at("2026-11-02T09:00:05Z")
                .event("b"),
            Journey::user("bob").in_session(3).at("2026-11-01T12:00:00Z").event("a"),
        ],
    )
    .await;
    let measure =
        |name: &str| json!({"measure": name, "interval": "day", "start_date": "2026-11-01", "end_date": "2026-11-02"});
    let expected = [
        ("total_sessions", [2.0, 1.0], 3.0),
        ("average_length", [600_000.0, 5_000.0], 1_205_000.0 / 3.0),
        ("average_time_per_user", [600_000.0, 5_000.0], 602_500.0),
        ("sessions_per_user", [1.0, 1.0], 1.5),
        ("average_events_per_session", [2.0, 2.0], 2.0),
    ];
    for (name, values, total) in expected {
        let (status, body) = post(&server, "sessions", measure(name)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["values"], json!(values), "{name}");
        assert_eq!(body["total"].as_f64().unwrap(), total, "{name}");
    }
    let (_, body) = post(&server, "sessions", measure("length_distribution")).await;
    let bins: Vec<(String, i64)> = body["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|bin| (bin["label"].as_str().unwrap().to_owned(), bin["sessions"].as_i64().unwrap()))
        .collect();
    assert_eq!(bins.iter().map(|(_, count)| count).sum::<i64>(), 3);
    assert_eq!(bins[0], ("< 10 s".to_owned(), 2), "bob's 0 s and alice's 5 s");
    assert_eq!(bins[4], ("10 – 30 min".to_owned(), 1), "alice's 20 minutes");
    let (status, body) = post(
        &server,
        "sessions",
        json!({"measure": "median", "interval": "day", "start_date": "2026-11-01", "end_date": "2026-11-02"}),
    )
    .await;
    assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "invalid_query"));
}

/// Sessions: alice Home, Product, Product, Cart, Buy and later Home, Product,
/// Cart; carol Home, Product, Cart; bob Home, Product, Home; dave Home,
/// Search, Product; erin Product, Cart (never Home).
async fn server_with_paths() -> TestServer {
    let server = TestServer::start().await;
    let session = |user: &str, id: i64, day: &str, events: &[&str]| {
        let mut journey = Journey::user(user).in_session(id).at(&format!("2026-11-{day}T10:00:00Z"));
        for event in events {
            journey = journey.event(event).after_minutes(1);
        }
        journey
    };
    store(
        &server,
        vec![
            session("alice", 1, "01", &["Home", "Product", "Product", "Cart", "Buy"]),
            session("alice", 5, "02", &["Home", "Product", "Cart"]),
            session("carol", 3, "01", &["Home", "Product", "Cart"]),
            session("bob", 2, "01", &["Home", "Product", "Home"]),
            session("dave", 4, "02", &["Home", "Search", "Product"]),
            session("erin", 6, "02", &["Product", "Cart"]),
        ],
    )
    .await;
    server
}

fn paths(body: &Value) -> Vec<(String, i64)> {
    body["paths"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|path| {
            let events: Vec<&str> =
                path["events"].as_array().unwrap().iter().map(|event| event.as_str().unwrap()).collect();
            (events.join(" > "), path["users"].as_i64().unwrap())
        })
        .collect()
}

#[tokio::test]
async fn pathfinder_and_journey_map() {
    let server = server_with_paths().await;
    let query = |extra: Value| {
        let mut query = json!({"path_events": 3, "start_date": "2026-11-01", "end_date": "2026-11-02"});
        query.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        query
    };
    let (status, body) = post(&server, "journeys", query(json!({"start_event": "Home"}))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["users"], 4, "everyone but erin starts at Home");
    assert_eq!(
        paths(&body),
        vec![
            ("Home > Product > Cart".to_owned(), 2),
            ("Home > Product > Home".to_owned(), 1),
            ("Home > Search > Product".to_owned(), 1)
        ]
    );
    let links: Vec<(i64, String, String, i64)> = body["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|link| {
            (
                link["step"].as_i64().unwrap(),
                link["from"].as_str().unwrap().into(),
                link["to"].as_str().unwrap().into(),
                link["users"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(links[0], (0, "Home".into(), "Product".into(), 3));
    assert_eq!(links[1], (1, "Product".into(), "Cart".into(), 2));
    assert_eq!(links.len(), 5);
    // Without collapsing, alice's first session reads Home > Product > Product.
    let (_, body) = post(&server, "journeys", query(json!({"start_event": "Home", "collapse_repeats": false}))).await;
    assert!(paths(&body).contains(&("Home > Product > Product".to_owned(), 1)), "{body}");
    assert!(
        paths(&body).contains(&("Home > Product > Cart".to_owned(), 2)),
        "alice's second session and carol: {body}"
    );
    // Paths to Cart, two events long: alice, carol and erin came from Product.
    let (_, body) = post(&server, "journeys", query(json!({"end_event": "Cart", "path_events": 2}))).await;
    assert_eq!(paths(&body), vec![("Product > Cart".to_owned(), 3)]);
    let (status, body) = post(&server, "journeys", query(json!({"start_event": "Home", "end_event": "Cart"}))).await;
    assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "invalid_query"));
}

#[tokio::test]
async fn the_microscope_on_a_path_and_a_link() {
    let server = server_with_paths().await;
    let journeys =
        json!({"start_event": "Home", "path_events": 3, "start_date": "2026-11-01", "end_date": "2026-11-02"});
    let user_ids = |body: &Value| -> Vec<String> {
        let mut users: Vec<String> = body["users"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|user| user["user_id"].as_str().unwrap().to_owned())
            .collect();
        users.sort();
        users
    };
    let (status, body) =
        post(&server, "journeys/users", json!({"query": journeys, "path": ["Home", "Product", "Cart"]})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(user_ids(&body), vec!["alice", "carol"]);
    let (_, body) = post(
        &server,
        "journeys/users",
        json!({"query": journeys, "link": {"step": 0, "from": "Home", "to": "Product"}}),
    )
    .await;
    assert_eq!(user_ids(&body), vec!["alice", "bob", "carol"]);
    let (_, body) = post(
        &server,
        "journeys/users",
        json!({"query": journeys, "link": {"step": 1, "from": "Home", "to": "Product"}}),
    )
    .await;
    assert_eq!(user_ids(&body), Vec::<String>::new(), "no path has Home second");
    let (status, body) = post(&server, "journeys/users", json!({"query": journeys})).await;
    assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "invalid_query"));
}
