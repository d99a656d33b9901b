//! Amplitude-compatible endpoints: `/2/httpapi` and `/batch` (analytics),
//! `/config/{api_key}` (remote config) and `/sessions/v2/track` (replays).
//! Answers follow shared/specs/amplitude-compat.md, because the SDK decides
//! what to retry from them.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use reel_ingest::amplitude::http_api::{RequestContext, build_events, parse_http_api_body};
use reel_ingest::{IngestLimits, RejectionKind};
use serde_json::{Value, json};

use super::client_address::ClientIp;
use super::ingest::{find_project, ingest_limits, read_body_within_limit};
use crate::error::ApiError;
use crate::remote_config::remote_config_for;
use crate::state::{AppState, now_ms};

fn amplitude_answer(status: StatusCode, mut body: Value) -> Response {
    body["code"] = json!(status.as_u16());
    (status, axum::Json(body)).into_response()
}

fn is_gzip(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("gzip"))
}

/// `POST /2/httpapi` and `POST /batch`.
pub async fn http_api(State(state): State<AppState>, client: ClientIp, headers: HeaderMap, body: Body) -> Response {
    let Ok(_permit) = state.ingest_permits.clone().try_acquire_owned() else {
        state.ingest_metrics.record_overloaded();
        return amplitude_answer(
            StatusCode::TOO_MANY_REQUESTS,
            json!({"error": "Too many requests; the server is busy", "throttled_events": [], "eps_threshold": 0}),
        );
    };
    let limits: IngestLimits = ingest_limits(&state);
    let body_bytes = match read_body_within_limit(body, &headers, &limits).await {
        Ok(bytes) => bytes,
        Err(_) => return amplitude_answer(StatusCode::PAYLOAD_TOO_LARGE, json!({"error": "Payload too large"})),
    };
    let request = match parse_http_api_body(&body_bytes, is_gzip(&headers), &limits) {
        Ok(request) => request,
        Err(rejection) if rejection.kind == RejectionKind::PayloadTooLarge => {
            return amplitude_answer(StatusCode::PAYLOAD_TOO_LARGE, json!({"error": "Payload too large"}));
        }
        // `missing_field` makes the SDK drop a hopeless batch instead of retrying it.
        Err(rejection) => {
            return amplitude_answer(
                StatusCode::BAD_REQUEST,
                json!({"error": rejection.message, "missing_field": "body"}),
            );
        }
    };
    let Some(api_key) = request.api_key.clone() else {
        return amplitude_answer(
            StatusCode::BAD_REQUEST,
            json!({"error": "Invalid API key: ", "missing_field": "api_key"}),
        );
    };
    let project = match find_project(&state, &api_key).await {
        Ok(project) => project,
        Err(ApiError::UnknownApiKey) => {
            return amplitude_answer(StatusCode::BAD_REQUEST, json!({"error": format!("Invalid API key: {api_key}")}));
        }
        Err(error) => return error.into_response(),
    };
    if request.events.is_empty() {
        return amplitude_answer(
            StatusCode::BAD_REQUEST,
            json!({"error": "Request missing required field", "missing_field": "events"}),
        );
    }
    let context = RequestContext {
        project_id: project.id,
        received_at_ms: now_ms(),
        clock_skew_threshold_ms: state.config.ingest.clock_skew_threshold_ms,
        client_ip: client.0.map(|address| address.to_string()),
    };
    let mut events = match build_events(&request, &context) {
        Ok(events) => events,
        Err(report) => {
            return amplitude_answer(
                StatusCode::BAD_REQUEST,
                json!({
                    "error": "Invalid field values on some events",
                    "events_with_missing_fields": report.missing_fields,
                    "events_with_invalid_fields": report.invalid_fields,
                    "events_with_invalid_id_lengths": report.invalid_id_lengths,
                }),
            );
        }
    };
    for event in &mut events {
        let address = event.context.ip.as_deref().and_then(|ip| ip.parse().ok());
        event.context.country = address.and_then(|address| state.country_lookup.country_of(address));
    }
    let event_count = events.len();
    if let Err(error) = state.stores.events.insert_events(events).await {
        tracing::error!(error = %error, "storing analytics events failed");
        return amplitude_answer(StatusCode::SERVICE_UNAVAILABLE, json!({"error": "storage unavailable; retry"}));
    }
    amplitude_answer(
        StatusCode::OK,
        json!({"events_ingested": event_count, "payload_size_bytes": body_bytes.len(), "server_upload_time": now_ms()}),
    )
}

#[derive(serde::Deserialize)]
pub struct ConfigQuery {
    #[allow(dead_code)]
    config_group: Option<String>,
}

/// `GET /config/{api_key}?config_group=browser`.
pub async fn remote_config(
    State(state): State<AppState>,
    Path(api_key): Path<String>,
    Query(_query): Query<ConfigQuery>,
) -> Response {
    match find_project(&state, &api_key).await {
        Ok(project) => {
            let mut response = axum::Json(remote_config_for(&project.settings)).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=60"));
            response
        }
        Err(error) => error.into_response(),
    }
}
