//! Event Segmentation over a small event set built with journeys; every
//! expected number is computed by hand in the comments.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::support::{TestServer, error_code};

const PAGE: &str = "[Amplitude] Page Viewed";
const PURCHASE: &str = "Purchase";
const REPLAY: &str = "[Amplitude] Replay Captured";
const REPLAY_ID: &str = "[Amplitude] Session Replay ID";

/// Days 2026-11-01 (a Sunday), 11-02 and 11-03; dave's events fall outside.
async fn server_with_journeys() -> TestServer {
    let server = TestServer::start().await;
    let journeys = [
        Journey::user("alice")
            .browser("Chrome")
            .at("2026-11-01T10:00:00Z")
            .event_with(PAGE, json!({"path": "/home"}))
            .set_user_properties(json!({"plan": "pro"}))
            .after_minutes(5)
            .event_with(PAGE, json!({"path": "/cart"}))
            .after_minutes(1)
            .event_with(PURCHASE, json!({"amount": 30}))
            .event_with(REPLAY, json!({REPLAY_ID: "alice-device/1"}))
            .at("2026-11-02T09:00:00Z")
            .event_with(PAGE, json!({"path": "/home"}))
            .event_with(REPLAY, json!({REPLAY_ID: "alice-device/2"})),
        Journey::user("bob")
            .browser("Firefox")
            .at("2026-11-01T12:00:00Z")
            .event_with(PAGE, json!({"path": "/home"}))
            .event_with(REPLAY, json!({REPLAY_ID: "bob-device/3"}))
            .at("2026-11-03T08:00:00Z")
            .event_with(PAGE, json!({"path": "/home"}))
            .after_minutes(1)
            .event_with(PAGE, json!({"path": "/cart"}))
            .after_minutes(1)
            .event_with(PURCHASE, json!({"amount": 20}))
            .after_minutes(1)
            .event_with(PURCHASE, json!({"amount": 50}))
            .event_with(REPLAY, json!({REPLAY_ID: "bob-device/4"}))
            .event_with(REPLAY, json!({REPLAY_ID: "bob-device/4"})),
        Journey::anonymous("carol-device")
            .browser("Chrome")
            .at("2026-11-02T23:59:00Z")
            .event_with(PAGE, json!({"path": "/home"}))
            .event("[Amplitude] Dead Click"),
        Journey::user("eve").at("2026-11-01T15:00:00Z").event_with(PURCHASE, json!({"amount": 5})),
        Journey::user("dave").at("2026-10-31T23:00:00Z").event(PAGE).at("2026-11-04T00:00:00Z").event(PAGE),
    ];
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    server
}

async fn segmentation(server: &TestServer, query: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post("/api/v1/projects/1/analytics/segmentation")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(query.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

fn query(series: Value, measure: Value, interval: &str) -> Value {
    json!({"series": series, "measure": measure, "interval": interval, "start_date": "2026-11-01", "end_date": "2026-11-03"})
}

/// `(group, values, total)` of each row.
fn rows(body: &Value) -> Vec<(Vec<String>, Vec<f64>, f64)> {
    body["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows in {body}"))
        .iter()
        .map(|row| {
            let group = row["group"].as_array().unwrap().iter().map(|cell| cell.as_str().unwrap().to_owned()).collect();
            let values = row["values"].as_array().unwrap().iter().map(|value| value.as_f64().unwrap()).collect();
            (group, values, row["total"].as_f64().unwrap())
        })
        .collect()
}

async fn measure_rows(server: &TestServer, event_type: &str, measure: Value) -> Vec<(Vec<String>, Vec<f64>, f64)> {
    let (status, body) = segmentation(server, query(json!([{"event_type": event_type}]), measure, "day")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    rows(&body)
}

#[tokio::test]
async fn uniques_totals_average_and_active_percent_by_day() {
    let server = server_with_journeys().await;
    let (status, body) =
        segmentation(&server, query(json!([{"event_type": PAGE}]), json!({"kind": "uniques"}), "day")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let day_ms = 86_400_000_i64;
    let first_day_ms = 1_793_491_200_000_i64; // 2026-11-01T00:00:00Z
    assert_eq!(body["buckets_ms"], json!([first_day_ms, first_day_ms + day_ms, first_day_ms + 2 * day_ms]));
    assert_eq!(body["rows"][0]["series"], "A");
    assert_eq!(body["rows"][0]["label"], PAGE);
    // 11-01 alice, bob; 11-02 alice, carol; 11-03 bob. Range: alice, bob, carol (dave is outside).
    assert_eq!(rows(&body), vec![(vec![], vec![2.0, 2.0, 1.0], 3.0)]);
    // alice 2 + bob 1; alice 1 + carol 1; bob 2.
    assert_eq!(measure_rows(&server, PAGE, json!({"kind": "totals"})).await, vec![(vec![], vec![3.0, 2.0, 2.0], 7.0)]);
    assert_eq!(
        measure_rows(&server, PAGE, json!({"kind": "average"})).await,
        vec![(vec![], vec![1.5, 1.0, 2.0], 7.0 / 3.0)]
    );
    // Active on 11-01: alice, bob, eve (3); 11-02: alice, carol; 11-03: bob. Range: 4 active, 3 viewed.
    let active = measure_rows(&server, PAGE, json!({"kind": "active_percent"})).await;
    assert_eq!(active, vec![(vec![], vec![2.0 / 3.0 * 100.0, 100.0, 100.0], 75.0)]);
    // Any event: 11-01 alice, bob, eve.
    assert_eq!(
        measure_rows(&server, "_active", json!({"kind": "uniques"})).await,
        vec![(vec![], vec![3.0, 2.0, 1.0], 4.0)]
    );
}

#[tokio::test]
async fn filters_and_group_by() {
    let server = server_with_journeys().await;
    let cart = json!([{"event_type": PAGE, "filters": [{"property": {"scope": "event", "name": "path"}, "operator": "is", "values": ["/cart"]}]}]);
    let (_, body) = segmentation(&server, query(cart, json!({"kind": "uniques"}), "day")).await;
    assert_eq!(rows(&body), vec![(vec![], vec![1.0, 0.0, 1.0], 2.0)]);
    let pro = json!([{"event_type": PAGE, "filters": [{"property": {"scope": "user", "name": "plan"}, "operator": "is", "values": ["pro"]}]}]);
    let (_, body) = segmentation(&server, query(pro, json!({"kind": "totals"}), "day")).await;
    assert_eq!(rows(&body), vec![(vec![], vec![2.0, 1.0, 0.0], 3.0)], "only alice's page views carry plan = pro");
    let not_home = json!([{"event_type": PAGE, "filters": [{"property": {"scope": "event", "name": "path"}, "operator": "does_not_contain", "values": ["HOME"]}]}]);
    let (_, body) = segmentation(&server, query(not_home, json!({"kind": "totals"}), "day")).await;
    assert_eq!(rows(&body), vec![(vec![], vec![1.0, 0.0, 1.0], 2.0)]);
    let big = json!([{"event_type": PURCHASE, "filters": [{"property": {"scope": "event", "name": "amount"}, "operator": "greater_than", "values": ["10"]}]}]);
    let (_, body) = segmentation(&server, query(big, json!({"kind": "totals"}), "day")).await;
    assert_eq!(rows(&body), vec![(vec![], vec![1.0, 0.0, 2.0], 3.0)]);
    // By browser: Chrome = alice + carol (4 views), Firefox = bob (3 views); most events first.
    let by_browser = json!([{"event_type": PAGE, "group_by": [{"scope": "builtin", "name": "browser_name"}]}]);
    let (_, body) = segmentation(&server, query(by_browser, json!({"kind": "uniques"}), "day")).await;
    assert_eq!(
        rows(&body),
        vec![
            (vec!["Chrome".to_owned()], vec![1.0, 2.0, 0.0], 2.0),
            (vec!["Firefox".to_owned()], vec![1.0, 0.0, 1.0], 1.0)
        ]
    );
}

#[tokio::test]
async fn property_measures_frequency_and_intervals() {
    let server = server_with_journeys().await;
    let amount = json!({"scope": "event", "name": "amount"});
    // Purchases: 11-01 alice 30, eve 5; 11-03 bob 20 and 50.
    let sum = measure_rows(&server, PURCHASE, json!({"kind": "property_sum", "property": amount})).await;
    assert_eq!(sum, vec![(vec![], vec![35.0, 0.0, 70.0], 105.0)]);
    let average = measure_rows(&server, PURCHASE, json!({"kind": "property_average", "property": amount})).await;
    assert_eq!(average, vec![(vec![], vec![17.5, 0.0, 35.0], 26.25)]);
    let distinct =
        measure_rows(&server, PURCHASE, json!({"kind": "property_distinct_count", "property": amount})).await;
    assert_eq!(distinct, vec![(vec![], vec![2.0, 0.0, 2.0], 4.0)]);
    // Page views per user in the range: alice 3, bob 3, carol 1.
    let (status, body) =
        segmentation(&server, query(json!([{"event_type": PAGE}]), json!({"kind": "frequency"}), "day")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["rows"], json!([]));
    assert_eq!(body["frequency"][0]["histogram"], json!([{"times": 1, "users": 1}, {"times": 3, "users": 2}]));
    // 2026-11-01 is a Sunday: the three days are one week, and one month.
    for interval in ["week", "month"] {
        let (_, body) =
            segmentation(&server, query(json!([{"event_type": PAGE}]), json!({"kind": "uniques"}), interval)).await;
        assert_eq!(rows(&body), vec![(vec![], vec![3.0], 3.0)], "{interval}");
    }
    let (_, body) =
        segmentation(&server, query(json!([{"event_type": PAGE}]), json!({"kind": "totals"}), "hour")).await;
    let hourly = &rows(&body)[0].1;
    assert_eq!(hourly.len(), 72);
    assert_eq!((hourly[10], hourly[12], hourly[24 + 9], hourly[24 + 23], hourly[48 + 8]), (2.0, 1.0, 1.0, 1.0, 2.0));
    assert_eq!(hourly.iter().sum::<f64>(), 7.0);
}

#[tokio::test]
async fn formulas_and_the_replay_count_recipe() {
    let server = server_with_journeys().await;
    let two_series = json!([{"event_type": PURCHASE}, {"event_type": PAGE}]);
    // Purchasers: [alice+eve, -, bob] = [2, 0, 1], range 3; viewers [2, 2, 1], range 3.
    let (_, body) = segmentation(
        &server,
        query(two_series.clone(), json!({"kind": "formula", "formula": "UNIQUES(A) / UNIQUES(B)"}), "day"),
    )
    .await;
    assert_eq!(rows(&body), vec![(vec![], vec![1.0, 0.0, 1.0], 1.0)]);
    assert_eq!(body["rows"][0]["series"], "formula");
    // Views [3, 2, 2] minus twice the purchases [2, 0, 2]; range 7 - 2 * 4.
    let (_, body) = segmentation(
        &server,
        query(two_series, json!({"kind": "formula", "formula": "TOTALS(B) - TOTALS(A) * 2"}), "day"),
    )
    .await;
    assert_eq!(rows(&body), vec![(vec![], vec![-1.0, 2.0, -2.0], -1.0)]);
    // The seed's recipe: replays per day are alice/1 + bob/3, alice/2, bob/4 (sent twice); 4 distinct in all.
    let replays = json!([{"event_type": REPLAY, "group_by": [{"scope": "event", "name": REPLAY_ID}]}]);
    let (status, body) =
        segmentation(&server, query(replays, json!({"kind": "formula", "formula": "PROPCOUNT(A)"}), "day")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(rows(&body), vec![(vec![], vec![2.0, 1.0, 1.0], 4.0)]);
}

#[tokio::test]
async fn bad_queries_are_refused_with_the_field_named() {
    let server = server_with_journeys().await;
    let page = json!([{"event_type": PAGE}]);
    let cases = [
        (
            json!({"series": [], "measure": {"kind": "uniques"}, "interval": "day", "start_date": "2026-11-01", "end_date": "2026-11-03"}),
            "series",
        ),
        (query(page.clone(), json!({"kind": "median"}), "day"), "unknown variant"),
        (query(page.clone(), json!({"kind": "uniques"}), "minute"), "unknown variant"),
        (
            json!({"series": page, "measure": {"kind": "uniques"}, "interval": "day", "start_date": "11/01/2026", "end_date": "2026-11-03"}),
            "start_date",
        ),
        (
            json!({"series": page, "measure": {"kind": "uniques"}, "interval": "day", "start_date": "2026-11-03", "end_date": "2026-11-01"}),
            "end_date",
        ),
        (
            json!({"series": page, "measure": {"kind": "uniques"}, "interval": "hour", "start_date": "2020-01-01", "end_date": "2026-11-01"}),
            "interval",
        ),
        (
            query(
                json!([{"event_type": PAGE, "group_by": [{"scope": "builtin", "name": "shoe_size"}]}]),
                json!({"kind": "uniques"}),
                "day",
            ),
            "series[0].group_by[0]",
        ),
        (
            query(
                json!([{"event_type": PAGE, "filters": [{"property": {"scope": "event", "name": "x"}, "operator": "greater_than", "values": ["many"]}]}]),
                json!({"kind": "totals"}),
                "day",
            ),
            "series[0].filters[0].values",
        ),
        (query(page.clone(), json!({"kind": "formula", "formula": "PROPCOUNT(A)"}), "day"), "grouped by a property"),
        (query(page.clone(), json!({"kind": "formula", "formula": "UNIQUES(B)"}), "day"), "no series B"),
        (
            json!({"series": page, "measure": {"kind": "uniques"}, "interval": "day", "start_date": "2026-11-01", "end_date": "2026-11-03", "colour": "red"}),
            "unknown field",
        ),
    ];
    for (bad_query, expected_in_message) in cases {
        let (status, body) = segmentation(&server, bad_query.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad_query} -> {body}");
        assert_eq!(error_code(&body), "invalid_query");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected_in_message), "{message:?} should name {expected_in_message:?}");
    }
    let (status, body) = segmentation(
        &server,
        query(
            json!([{"event_type": PAGE, "group_by": [{"scope": "event", "name": "path"}]}]),
            json!({"kind": "uniques"}),
            "day",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let request = Request::post("/api/v1/projects/1/analytics/segmentation").body(Body::from("{}")).unwrap();
    let (status, body, _) = server.send(request).await;
    assert_eq!((status, error_code(&body)), (StatusCode::UNAUTHORIZED, "not_logged_in"));
}

#[tokio::test]
async fn a_query_with_too_many_rows_is_refused() {
    let mut config = reel_server::Config::default();
    config.analytics.rows_max = 2;
    let server = TestServer::start_with(config).await;
    for journey in [
        Journey::user("a").at("2026-11-01T10:00:00Z").event(PAGE),
        Journey::user("b").at("2026-11-02T10:00:00Z").event(PAGE),
        Journey::user("c").at("2026-11-03T10:00:00Z").event(PAGE),
    ] {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    let (status, body) =
        segmentation(&server, query(json!([{"event_type": PAGE}]), json!({"kind": "uniques"}), "day")).await;
    assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "query_too_large"), "{body}");
}
