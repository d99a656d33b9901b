//! The read API: the session list, one session, and its recording by time range.

use axum::Json;
use axum::extract::{Path, Query, State};
use reel_storage::SessionListQuery;
use serde::Deserialize;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::accounts::readable_project_ids;
use crate::error::{ApiError, ApiResult};
use crate::recording_reader::read_recording_window;
use crate::state::AppState;

const SESSION_PAGE_LIMIT_MAX: u32 = 500;

#[derive(Deserialize)]
pub struct ListQuery {
    limit: Option<u32>,
    cursor: Option<String>,
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
    let page =
        state.stores.recordings.list_sessions(SessionListQuery { project_ids, limit, cursor: query.cursor }).await?;
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
    Ok(Json(json!({ "session": session })))
}

#[derive(Deserialize)]
pub struct RecordingQuery {
    from_ms: Option<i64>,
    to_ms: Option<i64>,
}

pub async fn get_recording(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(session_uuid): Path<String>,
    Query(query): Query<RecordingQuery>,
) -> ApiResult<Json<Value>> {
    let project_ids = readable_project_ids(&state, &logged_in).await?;
    let session = state.stores.recordings.find_session(&session_uuid, &project_ids).await?;
    let session = session.ok_or(ApiError::NotFound("session"))?;
    let from_ms = query.from_ms.unwrap_or(i64::MIN);
    let to_ms = query.to_ms.unwrap_or(i64::MAX);
    if from_ms >= to_ms {
        return Err(ApiError::BadRequest("from_ms must be smaller than to_ms".into()));
    }
    let window = read_recording_window(&state.stores, &session.id, from_ms, to_ms).await?;
    Ok(Json(json!({
        "events": window.events,
        "from_ms": query.from_ms,
        "to_ms": query.to_ms,
        "session_start_ms": session.start_time_ms,
        "session_end_ms": session.end_time_ms,
        "corrupt_segments": window.corrupt_segment_keys,
    })))
}
