//! Funnel Analysis over journeys; expected numbers are worked out by hand.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::support::{TestServer, error_code};

const PAGE: &str = "[Amplitude] Page Viewed";
const CART: &str = "Add to Cart";
const BUY: &str = "Purchase";
const HOUR_MS: i64 = 3_600_000;
const MINUTE_MS: i64 = 60_000;

/// Range 2026-11-01 to 11-03, window 1 hour:
/// alice does all three steps (cart after 5 min, purchase after 20);
/// bob buys outside the window (cart after 30 min);
/// carol adds to cart before viewing a page, then clicks dead;
/// dave starts on the last evening and finishes after midnight (20 and 50 min);
/// eve starts before the range; frank views then buys without a cart.
async fn server_with_journeys() -> TestServer {
    let server = TestServer::start().await;
    let journeys = [
        Journey::user("alice")
            .browser("Chrome")
            .at("2026-11-01T10:00:00Z")
            .event(PAGE)
            .after_minutes(5)
            .event(CART)
            .after_minutes(15)
            .event_with(BUY, json!({"amount": 30})),
        Journey::user("bob")
            .browser("Firefox")
            .at("2026-11-01T12:00:00Z")
            .event(PAGE)
            .after_minutes(30)
            .event(CART)
            .after_minutes(90)
            .event_with(BUY, json!({"amount": 40})),
        Journey::anonymous("carol-device")
            .browser("Chrome")
            .at("2026-11-02T09:00:00Z")
            .event(CART)
            .after_minutes(10)
            .event(PAGE)
            .after_minutes(5)
            .event("[Amplitude] Dead Click"),
        Journey::user("dave")
            .browser("Safari")
            .at("2026-11-03T23:50:00Z")
            .event(PAGE)
            .after_minutes(20)
            .event(CART)
            .after_minutes(30)
            .event_with(BUY, json!({"amount": 200})),
        Journey::user("eve").browser("Chrome").at("2026-10-31T23:30:00Z").event(PAGE).after_minutes(10).event(CART),
        Journey::user("frank")
            .browser("Chrome")
            .at("2026-11-02T10:00:00Z")
            .event(PAGE)
            .after_minutes(10)
            .event_with(BUY, json!({"amount": 10})),
    ];
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    server
}

async fn funnel(server: &TestServer, query: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post("/api/v1/projects/1/analytics/funnel")
        .header(header::COOKIE, cookie)
        .body(Body::from(query.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

fn query(steps: Value, group_by: Value) -> Value {
    json!({"steps": steps, "group_by": group_by, "conversion_window_ms": HOUR_MS, "start_date": "2026-11-01", "end_date": "2026-11-03"})
}

fn steps(names: &[&str]) -> Value {
    Value::Array(names.iter().map(|name| json!({"event_type": name})).collect())
}

/// `(group, users per step)` of each group.
fn users(body: &Value) -> Vec<(Vec<String>, Vec<i64>)> {
    body["groups"]
        .as_array()
        .unwrap_or_else(|| panic!("no groups in {body}"))
        .iter()
        .map(|group| {
            let label =
                group["group"].as_array().unwrap().iter().map(|cell| cell.as_str().unwrap().to_owned()).collect();
            (label, group["steps"].as_array().unwrap().iter().map(|step| step["users"].as_i64().unwrap()).collect())
        })
        .collect()
}

#[tokio::test]
async fn conversion_counts_percentages_drop_off_and_median_times() {
    let server = server_with_journeys().await;
    let (status, body) = funnel(&server, query(steps(&[PAGE, CART, BUY]), Value::Null)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Step 1: alice, bob, carol, dave, frank; step 2: alice, bob, dave; step 3: alice, dave.
    assert_eq!(users(&body), vec![(vec![], vec![5, 3, 2])]);
    let result_steps = &body["groups"][0]["steps"];
    assert_eq!(result_steps[1]["percent_of_first"], 60.0);
    assert_eq!(result_steps[2]["percent_of_first"], 40.0);
    assert_eq!(result_steps[2]["percent_of_previous"].as_f64().unwrap(), 2.0 * 100.0 / 3.0);
    assert_eq!((result_steps[1]["dropped_off"].as_i64(), result_steps[2]["dropped_off"].as_i64()), (Some(2), Some(1)));
    // Carts after 5, 30 and 20 minutes: median 20. Purchases after 20 and 50 minutes: the upper middle, 50.
    assert_eq!(result_steps[1]["median_time_to_convert_ms"], 20 * MINUTE_MS);
    assert_eq!(result_steps[2]["median_time_to_convert_ms"], 50 * MINUTE_MS);
    assert_eq!(result_steps[0]["event_type"], PAGE);
}

#[tokio::test]
async fn group_by_step_filters_and_frustration_steps() {
    let server = server_with_journeys().await;
    let by_browser = json!({"scope": "builtin", "name": "browser_name"});
    let (_, body) = funnel(&server, query(steps(&[PAGE, CART, BUY]), by_browser)).await;
    assert_eq!(
        users(&body),
        vec![
            (vec![], vec![5, 3, 2]),
            (vec!["Chrome".to_owned()], vec![3, 1, 1]),
            (vec!["Firefox".to_owned()], vec![1, 1, 0]),
            (vec!["Safari".to_owned()], vec![1, 1, 1]),
        ]
    );
    let big_purchase = json!([{"event_type": PAGE}, {"event_type": CART},
        {"event_type": BUY, "filters": [{"property": {"scope": "event", "name": "amount"}, "operator": "greater_than", "values": ["100"]}]}]);
    let (_, body) = funnel(&server, query(big_purchase, Value::Null)).await;
    assert_eq!(users(&body), vec![(vec![], vec![5, 3, 1])]);
    let (_, body) = funnel(&server, query(steps(&[PAGE, "[Amplitude] Dead Click"]), Value::Null)).await;
    assert_eq!(users(&body), vec![(vec![], vec![5, 1])], "a dead click is a funnel step like any event");
    // A longer window lets bob's purchase count.
    let mut day_window = query(steps(&[PAGE, CART, BUY]), Value::Null);
    day_window["conversion_window_ms"] = json!(24 * HOUR_MS);
    let (_, body) = funnel(&server, day_window).await;
    assert_eq!(users(&body), vec![(vec![], vec![5, 3, 3])]);
}

#[tokio::test]
async fn bad_funnels_are_refused_with_the_field_named() {
    let server = server_with_journeys().await;
    let cases = [
        (query(steps(&[PAGE]), Value::Null), "steps"),
        (query(steps(&[PAGE; 11]), Value::Null), "steps"),
        (query(json!([{"event_type": PAGE}, {"event_type": " "}]), Value::Null), "steps[1].event_type"),
        (query(json!([{"event_type": "_active"}, {"event_type": PAGE}]), Value::Null), "steps[0].event_type"),
        (
            json!({"steps": steps(&[PAGE, CART]), "conversion_window_ms": 10, "start_date": "2026-11-01", "end_date": "2026-11-03"}),
            "conversion_window_ms",
        ),
        (
            json!({"steps": steps(&[PAGE, CART]), "conversion_window_ms": HOUR_MS, "start_date": "2026-11-01"}),
            "end_date",
        ),
        (query(steps(&[PAGE, CART]), json!({"scope": "builtin", "name": "hair_colour"})), "group_by"),
    ];
    for (bad_query, expected_in_message) in cases {
        let (status, body) = funnel(&server, bad_query.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad_query} -> {body}");
        assert_eq!(error_code(&body), "invalid_query");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(expected_in_message), "{message:?} should name {expected_in_message:?}");
    }
}

async fn funnel_users(server: &TestServer, point: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post("/api/v1/projects/1/analytics/funnel/users")
        .header(header::COOKIE, cookie)
        .body(Body::from(point.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

#[tokio::test]
async fn the_microscope_on_a_funnel_lists_converted_and_dropped_users() {
    let server = server_with_journeys().await;
    let by_browser = json!({"scope": "builtin", "name": "browser_name"});
    let funnel_query = query(steps(&[PAGE, CART, BUY]), by_browser);
    let users_of = |body: &Value| -> Vec<String> {
        let mut users: Vec<String> = body["users"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|user| user["user_id"].as_str().or(user["device_id"].as_str()).unwrap().to_owned())
            .collect();
        users.sort();
        users
    };
    let (status, body) = funnel_users(&server, json!({"query": funnel_query, "step": 2})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(users_of(&body), vec!["alice", "dave"], "who purchased");
    let (_, body) = funnel_users(&server, json!({"query": funnel_query, "step": 1, "dropped_off": true})).await;
    assert_eq!(users_of(&body), vec!["carol-device", "frank"], "who viewed a page but never reached the cart in order");
    let (_, body) = funnel_users(&server, json!({"query": funnel_query, "step": 0, "group": "Chrome"})).await;
    assert_eq!(users_of(&body), vec!["alice", "carol-device", "frank"]);
    // dave's stream runs past the range end: his cart and purchase come after midnight.
    let (_, body) = funnel_users(&server, json!({"query": funnel_query, "step": 2, "group": "Safari"})).await;
    assert_eq!(body["users"][0]["events"].as_array().unwrap().len(), 3, "{body}");
    for (point, field) in [
        (json!({"query": funnel_query, "step": 3}), "step"),
        (json!({"query": funnel_query, "step": 0, "dropped_off": true}), "dropped_off"),
    ] {
        let (status, body) = funnel_users(&server, point).await;
        assert_eq!((status, error_code(&body)), (StatusCode::BAD_REQUEST, "invalid_query"));
        assert!(body["error"]["message"].as_str().unwrap().contains(field), "{body}");
    }
}
