//! The read API: the session list, one session, and its recording by time range.

use axum::Json;
use axum::extract::{Path, Query, State};
use reel_storage::{SessionFilters, SessionListQuery};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::accounts::readable_project_ids;
use crate::error::{ApiError, ApiResult};
use crate::recording_gaps::find_missing_batches;
use crate::recording_reader::read_recording_window;
use crate::session_signals::signal_markers;
use crate::state::AppState;
use crate::synthetic_keyframes::load_synthetic_keyframe;

const SESSION_PAGE_LIMIT_MAX: u32 = 500;

#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<u32>,
    cursor: Option<String>,
    #[serde(default)]
    has_rage_clicks: bool,
    #[serde(default)]
    has_dead_clicks: bool,
    #[serde(default)]
    has_errors: bool,
}

pub async fn list_sessions(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<Value>> {
    let limit = query.limit.unwrap_or(50);
    if limit == 0 || limit > SESSION_PAGE_LIMIT_MAX {
        return Err(ApiError::BadRequest(format!("limit must be between 1 and {SESSION_PAGE_LIMIT_MAX}")));
    }
    let project_ids = readable_project_ids(&state, &logged_in).await?;
    let page = state
        .stores
        .recordings
        .list_sessions(SessionListQuery {
            project_ids,
            limit,
            cursor: query.cursor,
            filters: SessionFilters {
                has_rage_clicks: query.has_rage_clicks,
                has_dead_clicks: query.has_dead_clicks,
                has_errors: query.has_errors,
            },
        })
        .await?;
    Ok(Json(json!({ "sessions": page.sessions, "next_cursor": page.next_cursor })))
}

pub async fn get_session(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(session_uuid): Path<String>,
) -> ApiResult<Json<Value>> {
    let project_ids = readable_project_ids(&state, &logged_in).await?;
    let session = state.stores.recordings.find_session(&session_uuid, &project_ids).await?;
    let session = session.ok_or(ApiError::NotFound("session"))?;
    let chunk_index = state.stores.recordings.list_chunk_index(&session.id).await?;
    let gaps = find_missing_batches(&chunk_index);
    let keyframes_ms: Vec<i64> = chunk_index.iter().filter_map(|entry| entry.keyframe_ms).collect();
    let events = state
        .stores
        .events
        .list_session_events(session.project_id, &session.device_id, session.session_id, SESSION_EVENTS_MAX)
        .await?;
    let signals = signal_markers(&events);
    let capture_settings = state.stores.recordings.session_capture_settings(&session.id).await?;
    Ok(Json(json!({
        "session": session, "gaps": gaps, "keyframes_ms": keyframes_ms, "signals": signals,
        "capture_settings": capture_settings,
    })))
}

#[derive(Deserialize)]
pub struct RecordingQuery {
    from_ms: Option<i64>,
    to_ms: Option<i64>,
    /// Seek: start at the last keyframe at or before this time.
    at_ms: Option<i64>,
    /// With `at_ms`: how much after the target to return.
    window_ms: Option<i64>,
}

/// The time range one read covers, resolved from the query.
struct ResolvedWindow {
    from_ms: i64,
    to_ms: i64,
    keyframe_ms: Option<i64>,
    /// A server-built keyframe's blob, whose events come first.
    synthetic_keyframe_blob: Option<String>,
}

async fn resolve_window(state: &AppState, session_uuid: &str, query: &RecordingQuery) -> ApiResult<ResolvedWindow> {
    let recording_config = &state.config.recording;
    if let Some(at_ms) = query.at_ms {
        let window_ms = query.window_ms.unwrap_or(recording_config.window_ms_default);
        if window_ms <= 0 || window_ms > recording_config.window_ms_max {
            return Err(ApiError::BadRequest(format!(
                "window_ms must be between 1 and {} (recording.window_ms_max)",
                recording_config.window_ms_max
            )));
        }
        let keyframe_ms = state.stores.recordings.find_keyframe_at_or_before(session_uuid, at_ms).await?;
        let synthetic = state.stores.recordings.find_synthetic_keyframe_at_or_before(session_uuid, at_ms).await?;
        let to_ms = at_ms.max(keyframe_ms.unwrap_or(at_ms)).saturating_add(window_ms);
        if let Some((synthetic_ms, blob_key)) = synthetic.filter(|(synthetic_ms, _)| Some(*synthetic_ms) > keyframe_ms)
        {
            // The built keyframe holds every event up to its time.
            return Ok(ResolvedWindow {
                from_ms: synthetic_ms + 1,
                to_ms,
                keyframe_ms: Some(synthetic_ms),
                synthetic_keyframe_blob: Some(blob_key),
            });
        }
        let from_ms = keyframe_ms.unwrap_or(i64::MIN);
        return Ok(ResolvedWindow { from_ms, to_ms, keyframe_ms, synthetic_keyframe_blob: None });
    }
    let from_ms = query.from_ms.unwrap_or(i64::MIN);
    let to_ms = query.to_ms.unwrap_or(i64::MAX);
    if from_ms >= to_ms {
        return Err(ApiError::BadRequest("from_ms must be smaller than to_ms".into()));
    }
    Ok(ResolvedWindow { from_ms, to_ms, keyframe_ms: None, synthetic_keyframe_blob: None })
}

/// The recording answer; events are passed through as stored, never re-parsed.
#[derive(Serialize)]
pub struct RecordingAnswer {
    events: Vec<Box<RawValue>>,
    from_ms: Option<i64>,
    to_ms: Option<i64>,
    keyframe_ms: Option<i64>,
    keyframe_built_by_server: bool,
    next_from_ms: Option<i64>,
    session_start_ms: i64,
    session_end_ms: i64,
    corrupt_segments: Vec<String>,
}

pub async fn get_recording(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(session_uuid): Path<String>,
    Query(query): Query<RecordingQuery>,
) -> ApiResult<Json<RecordingAnswer>> {
    let project_ids = readable_project_ids(&state, &logged_in).await?;
    let session = state.stores.recordings.find_session(&session_uuid, &project_ids).await?;
    let session = session.ok_or(ApiError::NotFound("session"))?;
    let window = resolve_window(&state, &session.id, &query).await?;
    let mut recording = read_recording_window(&state.stores, &session.id, window.from_ms, window.to_ms).await?;
    if let Some(blob_key) = &window.synthetic_keyframe_blob {
        let mut events = load_synthetic_keyframe(&state, blob_key).await?;
        events.append(&mut recording.events);
        recording.events = events;
    }
    let next_from_ms = (window.to_ms <= session.end_time_ms).then_some(window.to_ms);
    let shown_bound = |bound: i64| (bound != i64::MIN && bound != i64::MAX).then_some(bound);
    Ok(Json(RecordingAnswer {
        events: recording.events,
        from_ms: shown_bound(window.from_ms),
        to_ms: shown_bound(window.to_ms),
        keyframe_ms: window.keyframe_ms,
        keyframe_built_by_server: window.synthetic_keyframe_blob.is_some(),
        next_from_ms,
        session_start_ms: session.start_time_ms,
        session_end_ms: session.end_time_ms,
        corrupt_segments: recording.corrupt_segment_keys,
    }))
}

/// Most analytics events returned for one session.
const SESSION_EVENTS_MAX: u32 = 10_000;

/// The analytics events of one session, for the player's event stream.
pub async fn get_session_events(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(session_uuid): Path<String>,
) -> ApiResult<Json<Value>> {
    let project_ids = readable_project_ids(&state, &logged_in).await?;
    let session = state.stores.recordings.find_session(&session_uuid, &project_ids).await?;
    let session = session.ok_or(ApiError::NotFound("session"))?;
    let events = state
        .stores
        .events
        .list_session_events(session.project_id, &session.device_id, session.session_id, SESSION_EVENTS_MAX)
        .await?;
    Ok(Json(json!({ "events": events })))
}
