//! `reel serve --demo-data` and `reel demo-data` fill every chart.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use reel_demo_data::FUNNEL_EVENT_TYPES;
use reel_server::demo_seed::{DemoAnalyticsSize, seed_demo_analytics};
use reel_types::format_epoch_ms_rfc3339;
use serde_json::{Value, json};

use crate::support::TestServer;

async fn chart(server: &TestServer, kind: &str, query: Value) -> Value {
    let cookie = server.login_cookie().await;
    let request = Request::post(format!("/api/v1/projects/1/analytics/{kind}"))
        .header(header::COOKIE, cookie)
        .body(Body::from(query.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn demo_analytics_fill_the_charts_once() {
    let server = TestServer::start().await;
    let size = DemoAnalyticsSize { users: 30, events_per_user: 40, days: 7 };
    let stored = seed_demo_analytics(&server.state, size).await.unwrap();
    assert!(stored >= 30 * 40, "{stored}");
    assert_eq!(seed_demo_analytics(&server.state, size).await.unwrap(), 0, "running again adds nothing");

    let now_ms = reel_server::state::now_ms();
    let date = |time_ms: i64| format_epoch_ms_rfc3339(time_ms)[..10].to_owned();
    let (start_date, end_date) = (date(now_ms - 6 * 86_400_000), date(now_ms));
    let uniques = chart(
        &server,
        "segmentation",
        json!({
            "series": [{"event_type": FUNNEL_EVENT_TYPES[0]}], "measure": {"kind": "uniques"}, "interval": "day",
            "start_date": start_date, "end_date": end_date,
        }),
    )
    .await;
    assert_eq!(uniques["rows"][0]["total"], 30.0, "every generated person views pages: {uniques}");
    let funnel = chart(
        &server,
        "funnel",
        json!({
            "steps": FUNNEL_EVENT_TYPES.iter().map(|event_type| json!({"event_type": event_type})).collect::<Vec<_>>(),
            "conversion_window_ms": 86_400_000, "start_date": start_date, "end_date": end_date,
        }),
    )
    .await;
    let users: Vec<i64> =
        funnel["groups"][0]["steps"].as_array().unwrap().iter().map(|step| step["users"].as_i64().unwrap()).collect();
    assert_eq!(users[0], 30);
    assert!(
        users.windows(2).all(|pair| pair[0] >= pair[1]) && users[3] > 0,
        "a funnel that narrows but converts: {users:?}"
    );
}
