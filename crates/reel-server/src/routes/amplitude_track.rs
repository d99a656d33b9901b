//! `POST /sessions/v2/track`: replay uploads from Amplitude's Session Replay
//! SDK. They carry no sequence number, so the store numbers them.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use reel_ingest::amplitude::track::parse_replay_track_body;
use reel_ingest::{RejectionKind, process_parsed_batch};
use reel_storage::{AppendOutcome, NewChunk, segment_codec};
use reel_types::{IngestBatch, SessionKey};
use serde::Deserialize;

use super::ingest::{bearer_token, find_project, ingest_limits, read_body_within_limit};
use crate::error::{ApiError, ApiResult};
use crate::replay_captured::replay_captured_event;
use crate::session_capture::hold_batch_to_session_settings;
use crate::state::{AppState, now_ms};

pub const SKIP_HEADER: &str = "x-session-replay-event-skipped";

#[derive(Deserialize)]
pub struct TrackQuery {
    device_id: Option<String>,
    session_id: Option<String>,
    #[serde(rename = "type")]
    upload_type: Option<String>,
    api_key: Option<String>,
}

fn skipped(reason: &'static str) -> Response {
    let mut response = StatusCode::OK.into_response();
    response.headers_mut().insert(SKIP_HEADER, HeaderValue::from_static(reason));
    response
}

pub async fn track(
    State(state): State<AppState>,
    client: super::client_address::ClientIp,
    Query(query): Query<TrackQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(_permit) = state.ingest_permits.clone().try_acquire_owned() else {
        state.ingest_metrics.record_overloaded();
        return skipped("429");
    };
    let country = client.country(&state);
    match store_track_upload(&state, query, &headers, body, country).await {
        Ok(response) => response,
        // WAF wording: the SDK splits the batch in halves and re-sends them.
        Err(ApiError::Rejected(rejection)) if rejection.kind == RejectionKind::PayloadTooLarge => {
            (StatusCode::PAYLOAD_TOO_LARGE, "Payload exceeds the maximum allowed size").into_response()
        }
        Err(error) => error.into_response(),
    }
}

async fn store_track_upload(
    state: &AppState,
    query: TrackQuery,
    headers: &HeaderMap,
    body: Body,
    country: Option<String>,
) -> ApiResult<Response> {
    let api_key = bearer_token(headers).or(query.api_key).ok_or(ApiError::MissingApiKey)?;
    let project = find_project(state, &api_key).await?;
    let device_id = query.device_id.filter(|device_id| !device_id.is_empty());
    let device_id =
        device_id.ok_or_else(|| ApiError::BadRequest("the device_id query parameter is required".into()))?;
    let session_id =
        query.session_id.and_then(|session_id| session_id.parse::<i64>().ok()).filter(|session_id| *session_id > 0);
    let session_id = session_id
        .ok_or_else(|| ApiError::BadRequest("the session_id query parameter must be a positive integer".into()))?;
    let limits = ingest_limits(state);
    let body_bytes = read_body_within_limit(body, headers, &limits).await?;
    if query.upload_type.as_deref() == Some("interaction") {
        // Heatmap interactions are accepted; storing them comes with heatmaps.
        return Ok(StatusCode::OK.into_response());
    }
    if !project.settings.replay_capture_enabled {
        return Ok(skipped("4005"));
    }
    let declared_gzip = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("gzip"));
    let events = parse_replay_track_body(&body_bytes, declared_gzip, &limits)?;
    if events.is_empty() {
        return Ok(StatusCode::OK.into_response());
    }
    let batch =
        IngestBatch { session_id, device_id, user_id: None, sequence: 0, sent_at_ms: None, api_key: None, events };
    let mut accepted = process_parsed_batch(batch, &limits)?;
    let session_uuid =
        SessionKey { project_id: project.id, device_id: accepted.batch.device_id.clone(), session_id }.uuid();
    hold_batch_to_session_settings(state, &project, &session_uuid, &mut accepted).await?;
    let payload = segment_codec::encode_events(&accepted.batch.events, state.config.ingest.chunk_zstd_level)?;
    let key = SessionKey { project_id: project.id, device_id: accepted.batch.device_id, session_id };
    let first_event_ms = accepted.summary.first_event_ms;
    let replay_captured = replay_captured_event(&key, None, accepted.summary.first_event_ms);
    let event_count = accepted.summary.event_count;
    let chunk = NewChunk {
        key,
        user_id: None,
        sequence: None,
        received_at_ms: now_ms(),
        retention_days: project.retention_days,
        summary: accepted.summary,
        payload,
        events_on_session_creation: vec![replay_captured],
        country,
        capture_settings: Some(project.settings.clone()),
    };
    if state.chunk_writer.append(chunk).await? == AppendOutcome::Stored {
        state.ingest_metrics.record_stored(event_count, &accepted.dropped);
        state.dirty_sessions.mark(&session_uuid, first_event_ms);
    }
    Ok(StatusCode::OK.into_response())
}
