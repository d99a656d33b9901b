//! The Session Replays list: every filter kind, dates, sorting, pages,
//! cohorts, countries from trusted proxies, and bad input.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use reel_server::Config;
use reel_types::{SessionKey, SignalCounts, parse_rfc3339_utc_to_epoch_ms};
use serde_json::{Value, json};

use crate::journey::Journey;
use crate::support::{API_KEY, TestServer, error_code};

const NOVEMBER: (&str, &str) = ("2026-11-01", "2026-11-30");
const PROXY: &str = "127.0.0.1:40000";

pub struct RecordedSession {
    pub device_id: &'static str,
    pub session_id: i64,
    pub user_id: Option<&'static str>,
    pub start: &'static str,
    pub duration_ms: i64,
    pub urls: &'static [&'static str],
    pub forwarded_for: Option<&'static str>,
}

impl RecordedSession {
    fn batch(&self) -> Value {
        let start_ms = parse_rfc3339_utc_to_epoch_ms(self.start).unwrap();
        let step_ms = self.duration_ms / self.urls.len() as i64;
        let mut events: Vec<Value> = self
            .urls
            .iter()
            .enumerate()
            .map(|(index, url)| {
                json!({"type": 4, "timestamp": start_ms + index as i64 * step_ms, "data": {"href": url, "width": 800, "height": 600}})
            })
            .collect();
        events
            .push(json!({"type": 3, "timestamp": start_ms + self.duration_ms, "data": {"source": 1, "positions": []}}));
        json!({"session_id": self.session_id, "device_id": self.device_id, "user_id": self.user_id, "sequence": 0, "events": events})
    }

    pub fn key(&self) -> SessionKey {
        SessionKey { project_id: 1, device_id: self.device_id.into(), session_id: self.session_id }
    }
}

/// Ingests as if through a proxy at 127.0.0.1 that forwards `forwarded_for`.
pub async fn record(server: &TestServer, session: &RecordedSession) {
    let mut request = Request::post("/api/v1/ingest")
        .header(header::AUTHORIZATION, format!("Bearer {API_KEY}"))
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(forwarded_for) = session.forwarded_for {
        request = request.header("x-forwarded-for", forwarded_for);
    }
    let mut request = request.body(Body::from(session.batch().to_string())).unwrap();
    request.extensions_mut().insert(ConnectInfo(PROXY.parse::<SocketAddr>().unwrap()));
    let (status, body, _) = server.send(request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

const ALICE: RecordedSession = RecordedSession {
    device_id: "device-a",
    session_id: 1_001,
    user_id: Some("alice"),
    start: "2026-11-10T10:00:00Z",
    duration_ms: 120_000,
    urls: &["http://shop/", "http://shop/checkout"],
    forwarded_for: Some("193.99.144.80"),
};
const BOB: RecordedSession = RecordedSession {
    device_id: "device-b",
    session_id: 1_002,
    user_id: Some("bob"),
    start: "2026-11-12T10:00:00Z",
    duration_ms: 10_000,
    urls: &["http://shop/"],
    forwarded_for: Some("6.6.6.6, 8.8.8.8"),
};
const ANONYMOUS: RecordedSession = RecordedSession {
    device_id: "device-c",
    session_id: 1_003,
    user_id: None,
    start: "2026-11-20T10:00:00Z",
    duration_ms: 300_000,
    urls: &["http://shop/pricing"],
    forwarded_for: None,
};
const OCTOBER: RecordedSession = RecordedSession {
    device_id: "device-d",
    session_id: 1_004,
    user_id: Some("dave"),
    start: "2026-10-01T10:00:00Z",
    duration_ms: 60_000,
    urls: &["http://shop/checkout"],
    forwarded_for: Some("193.99.144.80"),
};

async fn server_with_sessions() -> TestServer {
    let mut config = Config::default();
    config.network.trusted_proxies = serde_json::from_value(json!("127.0.0.1/32")).unwrap();
    let server = TestServer::start_with(config).await;
    for session in [&ALICE, &BOB, &ANONYMOUS, &OCTOBER] {
        record(&server, session).await;
    }
    let recordings = &server.state.stores.recordings;
    let rage = SignalCounts { rage_clicks: 2, ..SignalCounts::default() };
    recordings.set_signal_counts(&BOB.key().uuid(), rage).await.unwrap();
    let dead_and_error = SignalCounts { dead_clicks: 1, error_clicks: 1, ..SignalCounts::default() };
    recordings.set_signal_counts(&ANONYMOUS.key().uuid(), dead_and_error).await.unwrap();
    let journeys = [
        Journey::user("alice")
            .device("device-a")
            .in_session(1_001)
            .at("2026-11-10T10:00:30Z")
            .event_with("Add to Cart", json!({"sku": "A-1"}))
            .set_user_properties(json!({"plan": "pro"})),
        // alice's purchase happened in a session without a replay.
        Journey::user("alice").device("device-a").at("2026-11-11T09:00:00Z").event("Purchase Completed"),
        Journey::user("bob")
            .device("device-b")
            .in_session(1_002)
            .browser("Firefox")
            .at("2026-11-12T10:00:01Z")
            .event("Add to Cart")
            .set_user_properties(json!({"plan": "pro"})),
    ];
    for journey in journeys {
        server.state.stores.events.insert_events(journey.build()).await.unwrap();
    }
    server
}

pub async fn search(server: &TestServer, body: Value) -> (StatusCode, Value) {
    let cookie = server.login_cookie().await;
    let request = Request::post("/api/v1/sessions/search")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, body, _) = server.send(request).await;
    (status, body)
}

async fn devices(server: &TestServer, mut body: Value) -> Vec<String> {
    body["start_date"] = json!(NOVEMBER.0);
    body["end_date"] = json!(NOVEMBER.1);
    let (status, answer) = search(server, body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}: {answer}");
    answer["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|session| session["device_id"].as_str().unwrap().to_owned())
        .collect()
}

async fn filtered(server: &TestServer, filters: Value) -> Vec<String> {
    devices(server, json!({ "filters": filters })).await
}

#[tokio::test]
async fn each_filter_kind_keeps_only_matching_sessions() {
    let server = server_with_sessions().await;
    assert_eq!(filtered(&server, json!([])).await, ["device-c", "device-b", "device-a"], "October is outside");
    assert_eq!(filtered(&server, json!([{"kind": "has_error"}])).await, ["device-c"]);
    assert_eq!(filtered(&server, json!([{"kind": "has_rage_click"}])).await, ["device-b"]);
    assert_eq!(filtered(&server, json!([{"kind": "has_dead_click"}])).await, ["device-c"]);
    assert_eq!(filtered(&server, json!([{"kind": "duration", "min_ms": 60_000}])).await, ["device-c", "device-a"]);
    assert_eq!(filtered(&server, json!([{"kind": "duration", "max_ms": 60_000}])).await, ["device-b"]);
    assert_eq!(filtered(&server, json!([{"kind": "country", "countries": ["DE"]}])).await, ["device-a"]);
    assert_eq!(
        filtered(&server, json!([{"kind": "country", "countries": ["us", "DE"]}])).await,
        ["device-b", "device-a"]
    );
    let url_contains = json!([{"kind": "url_visited", "operator": "contains", "value": "CHECKOUT"}]);
    assert_eq!(filtered(&server, url_contains).await, ["device-a"], "a later page counts, case-insensitively");
    let url_is = json!([{"kind": "url_visited", "operator": "is", "value": "http://shop/pricing"}]);
    assert_eq!(filtered(&server, url_is).await, ["device-c"]);
    let sku = |value: &str| json!({"property": {"scope": "event", "name": "sku"}, "operator": "is", "values": [value]});
    let performed = json!([{"kind": "event_performed", "event_type": "Add to Cart", "filters": [sku("A-1")]}]);
    assert_eq!(filtered(&server, performed).await, ["device-a"]);
    let performed_any = json!([{"kind": "event_performed", "event_type": "Add to Cart"}]);
    assert_eq!(filtered(&server, performed_any).await, ["device-b", "device-a"]);
    let none = json!([{"kind": "event_performed", "event_type": "Add to Cart", "filters": [sku("B-2")]}]);
    assert!(filtered(&server, none).await.is_empty());
    let firefox =
        json!({"property": {"scope": "builtin", "name": "browser_name"}, "operator": "is", "values": ["Firefox"]});
    assert_eq!(filtered(&server, json!([{"kind": "event_property", "filter": firefox}])).await, ["device-b"]);
    let pro = json!({"property": {"scope": "user", "name": "plan"}, "operator": "is", "values": ["pro"]});
    assert_eq!(filtered(&server, json!([{"kind": "user_property", "filter": pro}])).await, ["device-b", "device-a"]);
    let two = json!([{"kind": "user_property", "filter": pro}, {"kind": "duration", "min_ms": 60_000}]);
    assert_eq!(filtered(&server, two).await, ["device-a"], "filters combine with AND");
}

#[tokio::test]
async fn sessions_carry_their_country_and_counts() {
    let server = server_with_sessions().await;
    let (status, body) = search(&server, json!({"start_date": NOVEMBER.0, "end_date": NOVEMBER.1})).await;
    assert_eq!(status, StatusCode::OK);
    let sessions = body["sessions"].as_array().unwrap();
    let countries: Vec<&Value> = sessions.iter().map(|session| &session["country"]).collect();
    assert_eq!(countries, [&Value::Null, &json!("US"), &json!("DE")], "the right-most untrusted hop is the client");
    assert_eq!(sessions[0]["frustration_count"], 2);
    assert_eq!(sessions[2]["duration_ms"], 120_000);
    assert_eq!((body["has_more"].as_bool(), &body["offset"], &body["limit"]), (Some(false), &json!(0), &json!(50)));
}

#[tokio::test]
async fn sorting_and_pages() {
    let server = server_with_sessions().await;
    let by = |sort: &str, direction: &str| json!({"sort": sort, "direction": direction});
    assert_eq!(devices(&server, by("duration", "asc")).await, ["device-b", "device-a", "device-c"]);
    assert_eq!(devices(&server, by("duration", "desc")).await, ["device-c", "device-a", "device-b"]);
    assert_eq!(devices(&server, by("user", "asc")).await, ["device-a", "device-b", "device-c"]);
    let frustration = devices(&server, by("frustration", "desc")).await;
    assert_eq!(frustration, ["device-c", "device-b", "device-a"], "2 and 2 signals: the newest first, then none");
    assert_eq!(devices(&server, by("start_time", "asc")).await, ["device-a", "device-b", "device-c"]);
    let first = json!({"limit": 2, "start_date": NOVEMBER.0, "end_date": NOVEMBER.1});
    let (_, page) = search(&server, first).await;
    assert_eq!((page["sessions"].as_array().unwrap().len(), page["has_more"].as_bool()), (2, Some(true)));
    assert_eq!(devices(&server, json!({"limit": 2, "offset": 2})).await, ["device-a"]);
    let october = json!({"start_date": "2026-10-01", "end_date": "2026-10-01"});
    let (_, body) = search(&server, october).await;
    assert_eq!(body["sessions"][0]["device_id"], "device-d", "both ends of the range are inclusive");
}

#[tokio::test]
async fn cohorts_are_saved_and_filter_by_their_users() {
    let server = server_with_sessions().await;
    let cookie = server.login_cookie().await;
    let definition = json!({
        "user_properties": [{"property": {"scope": "user", "name": "plan"}, "operator": "is", "values": ["pro"]}],
        "performed": [{"event_type": "Purchase Completed"}],
    });
    let create = Request::post("/api/v1/projects/1/cohorts")
        .header(header::COOKIE, &cookie)
        .body(Body::from(json!({"name": "Paying pros", "definition": definition}).to_string()))
        .unwrap();
    let (status, created, _) = server.send(create).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let cohort_id = created["cohort"]["id"].as_i64().unwrap();
    let (_, listed) = server.get_as_admin("/api/v1/projects/1/cohorts").await;
    assert_eq!(listed["cohorts"][0]["name"], "Paying pros");
    let in_cohort = filtered(&server, json!([{"kind": "cohort", "cohort_id": cohort_id}])).await;
    assert_eq!(in_cohort, ["device-a"], "bob is pro but never purchased; alice bought outside a replay");

    let empty = Request::post("/api/v1/projects/1/cohorts")
        .header(header::COOKIE, &cookie)
        .body(Body::from(json!({"name": "Nobody", "definition": {}}).to_string()))
        .unwrap();
    let (status, body, _) = server.send(empty).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("at least one"), "{body}");
    let delete = Request::delete(format!("/api/v1/projects/1/cohorts/{cohort_id}"))
        .header(header::COOKIE, &cookie)
        .body(Body::empty())
        .unwrap();
    assert_eq!(server.send(delete).await.0, StatusCode::NO_CONTENT);
    let (status, body) = search(&server, json!({"filters": [{"kind": "cohort", "cohort_id": cohort_id}]})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error_code(&body).starts_with("invalid"), "{body}");
}

#[tokio::test]
async fn bad_searches_are_refused_with_the_field_named() {
    let server = server_with_sessions().await;
    let cases = [
        (json!({"filters": [{"kind": "country", "countries": ["Germany"]}]}), "filters[0].countries"),
        (json!({"filters": [{"kind": "teleported"}]}), "teleported"),
        (json!({"limit": 501}), "limit"),
        (json!({"project_ids": [99]}), "project_ids"),
        (json!({"start_date": "2026-11-31", "end_date": "2026-11-01"}), "end_date"),
    ];
    for (body, expected) in cases {
        let (status, answer) = search(&server, body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{body}: {answer}");
    }
}

/// The Amplitude SDK's `"ip": "$remote"` is the client address, resolved
/// through trusted proxies like replay uploads, and gets a country.
#[tokio::test]
async fn amplitude_remote_ip_is_resolved_through_trusted_proxies() {
    let server = server_with_sessions().await;
    let send = |forwarded_for: &'static str, peer: &'static str, insert_id: &'static str| {
        let body = json!({"api_key": API_KEY, "events": [{
            "event_type": "Page Viewed", "user_id": "remote-user", "device_id": "remote-device",
            "time": 1_794_304_800_000_i64, "ip": "$remote", "insert_id": insert_id,
        }]});
        let mut request = Request::post("/2/httpapi")
            .header("x-forwarded-for", forwarded_for)
            .body(Body::from(body.to_string()))
            .unwrap();
        request.extensions_mut().insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        request
    };
    assert_eq!(server.send(send("193.99.144.80", PROXY, "through-proxy")).await.0, StatusCode::OK);
    // Sent straight from 8.8.8.8 with a forged header: the header is ignored.
    assert_eq!(server.send(send("193.99.144.80", "8.8.8.8:5000", "forged")).await.0, StatusCode::OK);
    let (_, profile) = server.get_as_admin("/api/v1/projects/1/users/profile?user_key=remote-user").await;
    let stream: Vec<&Value> = profile["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|session| session["events"].as_array().unwrap())
        .collect();
    let seen: Vec<(&Value, &Value)> = stream.iter().map(|event| (&event["ip"], &event["country"])).collect();
    assert!(seen.contains(&(&json!("193.99.144.80"), &json!("DE"))), "{seen:?}");
    assert!(seen.contains(&(&json!("8.8.8.8"), &json!("US"))), "{seen:?}");
}
