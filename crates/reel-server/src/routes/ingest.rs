//! `POST /api/v1/ingest`: run the pipeline, make the batch durable, answer.

use axum::Json;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use reel_ingest::{AcceptedBatch, IngestLimits, IngestRejection, RejectionKind, process_request_body};
use reel_storage::{AppendOutcome, NewChunk, ProjectRecord, segment_codec};
use reel_types::SessionKey;
use serde::Deserialize;
use serde_json::{Value, json};

use super::LoggedInUser;
use crate::error::{ApiError, ApiResult};
use crate::replay_captured::replay_captured_event;
use crate::session_capture::hold_batch_to_session_settings;
use crate::state::{AppState, now_ms};

#[derive(Deserialize)]
pub struct IngestQuery {
    api_key: Option<String>,
}

pub async fn ingest_batch(
    State(state): State<AppState>,
    client: super::client_address::ClientIp,
    Query(query): Query<IngestQuery>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<Json<Value>> {
    let Ok(_permit) = state.ingest_permits.clone().try_acquire_owned() else {
        state.ingest_metrics.record_overloaded();
        return Err(ApiError::Overloaded);
    };
    let header_or_query_key = bearer_token(&headers).or(query.api_key);
    let mut project = None;
    if let Some(api_key) = &header_or_query_key {
        project = Some(find_project(&state, api_key).await?);
    }
    let limits = ingest_limits(&state);
    let body_bytes = read_body_within_limit(body, &headers, &limits).await.inspect_err(|error| {
        if let ApiError::Rejected(rejection) = error {
            state.ingest_metrics.record_rejected(rejection.kind);
        }
    })?;
    let declared_gzip = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("gzip"));
    let accepted = process_request_body(&body_bytes, declared_gzip, &limits, now_ms()).inspect_err(|rejection| {
        state.ingest_metrics.record_rejected(rejection.kind);
    })?;
    let project = match project {
        Some(project) => project,
        None => {
            let body_key = accepted.batch.api_key.clone().ok_or(ApiError::MissingApiKey)?;
            find_project(&state, &body_key).await?
        }
    };
    let country = client.country(&state);
    store_accepted_batch(&state, &project, accepted, country).await
}

/// Runs the pipeline on a body for a known project and stores it: the path
/// shared by the HTTP handler and the demo data seeder.
pub async fn store_request_body(
    state: &AppState,
    project: &ProjectRecord,
    body: &[u8],
    country: Option<String>,
) -> ApiResult<Json<Value>> {
    // Demo data is generated with its own, deliberate timestamps.
    let limits = IngestLimits { clock_skew_threshold_ms: i64::MAX, ..ingest_limits(state) };
    let accepted = process_request_body(body, false, &limits, now_ms())?;
    store_accepted_batch(state, project, accepted, country).await
}

async fn store_accepted_batch(
    state: &AppState,
    project: &ProjectRecord,
    mut accepted: AcceptedBatch,
    country: Option<String>,
) -> ApiResult<Json<Value>> {
    let session_uuid = SessionKey {
        project_id: project.id,
        device_id: accepted.batch.device_id.clone(),
        session_id: accepted.batch.session_id,
    }
    .uuid();
    hold_batch_to_session_settings(state, project, &session_uuid, &mut accepted).await?;
    let AcceptedBatch { batch, summary, dropped } = accepted;
    let payload = segment_codec::encode_events(&batch.events, state.config.ingest.chunk_zstd_level)?;
    let events_accepted = summary.event_count;
    let key = SessionKey { project_id: project.id, device_id: batch.device_id, session_id: batch.session_id };
    let first_event_ms = summary.first_event_ms;
    let replay_captured = replay_captured_event(&key, batch.user_id.clone(), summary.first_event_ms);
    let chunk = NewChunk {
        key,
        user_id: batch.user_id,
        sequence: Some(batch.sequence),
        received_at_ms: now_ms(),
        retention_days: project.retention_days,
        summary,
        payload,
        events_on_session_creation: vec![replay_captured],
        country,
        capture_settings: Some(project.settings.clone()),
    };
    let outcome = state.chunk_writer.append(chunk).await?;
    let duplicate = outcome == AppendOutcome::Duplicate;
    if duplicate {
        state.ingest_metrics.record_duplicate();
    } else {
        state.dirty_sessions.mark(&session_uuid, first_event_ms);
        state.ingest_metrics.record_stored(events_accepted, &dropped);
    }
    let events_dropped: u64 = dropped.iter().map(|dropped_events| dropped_events.count).sum();
    Ok(Json(json!({
        "status": "ok",
        "duplicate": duplicate,
        "events_accepted": events_accepted,
        "events_dropped": events_dropped,
    })))
}

pub async fn ingest_stats(State(state): State<AppState>, _logged_in: LoggedInUser) -> Json<Value> {
    Json(json!({ "ingest": state.ingest_metrics.snapshot() }))
}

pub(super) fn ingest_limits(state: &AppState) -> IngestLimits {
    IngestLimits {
        payload_bytes_max: state.config.ingest.payload_bytes_max,
        batch_events_max: state.config.ingest.batch_events_max,
        identifier_chars_max: state.config.ingest.identifier_chars_max,
        clock_skew_threshold_ms: state.config.ingest.clock_skew_threshold_ms,
    }
}

pub(super) async fn find_project(state: &AppState, api_key: &str) -> ApiResult<ProjectRecord> {
    if let Some(project) = state.project_cache.get(api_key) {
        return Ok(project);
    }
    let project = state.stores.accounts.find_project_by_api_key(api_key).await?.ok_or(ApiError::UnknownApiKey)?;
    state.project_cache.put(project.clone());
    Ok(project)
}

pub(super) fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim().to_owned()).filter(|token| !token.is_empty())
}

pub(super) async fn read_body_within_limit(
    body: Body,
    headers: &HeaderMap,
    limits: &IngestLimits,
) -> ApiResult<bytes::Bytes> {
    let too_large = || {
        ApiError::Rejected(IngestRejection::new(
            RejectionKind::PayloadTooLarge,
            "read_body",
            format!(
                "the body is larger than the limit of {} bytes (ingest.payload_bytes_max); send smaller batches",
                limits.payload_bytes_max
            ),
        ))
    };
    let declared_length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > limits.payload_bytes_max) {
        return Err(too_large());
    }
    axum::body::to_bytes(body, limits.payload_bytes_max).await.map_err(|_| too_large())
}
