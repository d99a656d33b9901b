//! The Microscope (docs/analytics-api.md): the users behind a chart point,
//! with their event streams and the replays those events belong to; and the
//! session-based charts, User Sessions and Journeys.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use bytes::Bytes;
use reel_analytics::microscope::UserListOptions;
use reel_analytics::{
    FunnelUsersQuery, JourneyUsersQuery, JourneysQuery, JourneysResult, MicroscopeQuery, SessionsQuery, SessionsResult,
    UserCollector, assemble_journeys, assemble_sessions, plan_funnel, plan_journeys, plan_microscope, plan_sessions,
};
use reel_storage::UserEventStream;
use reel_types::{QueryRows, SessionSummary, StoredAnalyticsEvent, session_uuid};
use serde_json::{Value, json};

use super::LoggedInUser;
use super::analytics::{analytics_error, ensure_readable_project, parse_query, run_scan};
use crate::error::ApiResult;
use crate::state::AppState;

/// Events shown per user stream.
const STREAM_EVENTS_MAX: u32 = 100;

/// The session uuid of an event that names a replay.
fn replay_uuid(project_id: i64, event: &StoredAnalyticsEvent) -> Option<String> {
    let (Some(device_id), Some(session_id), Some(_)) = (&event.device_id, event.session_id, &event.replay_id) else {
        return None;
    };
    Some(session_uuid(project_id, device_id, session_id))
}

/// The recorded sessions these streams' events belong to, read at once, by uuid.
async fn replays_of(
    state: &AppState,
    project_id: i64,
    streams: &[UserEventStream],
) -> ApiResult<HashMap<String, SessionSummary>> {
    let mut uuids: Vec<String> =
        streams.iter().flat_map(|stream| &stream.events).filter_map(|event| replay_uuid(project_id, event)).collect();
    uuids.sort_unstable();
    uuids.dedup();
    let sessions = state.stores.recordings.find_sessions(&uuids, &[project_id]).await?;
    Ok(sessions.into_iter().map(|session| (session.id.clone(), session)).collect())
}

pub async fn segmentation_users(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let point: MicroscopeQuery = parse_query(&body)?;
    let valid = point.validate(&state.config.analytics.query_limits()).map_err(analytics_error)?;
    let parts =
        plan_microscope(&valid, project_id, state.stores.events.sql_dialect(), state.config.analytics.scan_parts);
    let rows = run_scan(&state, &parts, &|| Box::new(UserCollector::for_point(&valid))).await?;
    let listing = UserListing { project_id, time_range: valid.start_ms..valid.end_ms, options: valid.listing };
    user_streams(&state, &listing, &rows).await
}

pub async fn funnel_users(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let point: FunnelUsersQuery = parse_query(&body)?;
    let limits = state.config.analytics.query_limits();
    let (funnel, point, options) = point.validate(&limits).map_err(analytics_error)?;
    let plan = plan_funnel(&funnel, project_id, state.stores.events.sql_dialect(), state.config.analytics.scan_parts);
    let rows = run_scan(&state, &plan.parts, &|| plan.users_consumer(point.clone())).await?;
    let listing = UserListing { project_id, time_range: plan.scan_range(), options };
    user_streams(&state, &listing, &rows).await
}

pub async fn journey_users(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let point: JourneyUsersQuery = parse_query(&body)?;
    let limits = state.config.analytics.query_limits();
    let (journeys, point, options) = point.validate(&limits).map_err(analytics_error)?;
    let parts =
        plan_journeys(&journeys, project_id, state.stores.events.sql_dialect(), state.config.analytics.scan_parts);
    let rows = run_scan(&state, &parts, &|| journeys.users_consumer(point.clone(), options.candidates())).await?;
    let listing = UserListing { project_id, time_range: journeys.start_ms..journeys.end_ms, options };
    user_streams(&state, &listing, &rows).await
}

/// Which users' streams to show, and how.
struct UserListing {
    project_id: i64,
    time_range: std::ops::Range<i64>,
    options: UserListOptions,
}

/// The streams of the users in `rows` (one `user_number` each), with the
/// replays their events belong to.
async fn user_streams(state: &AppState, listing: &UserListing, rows: &QueryRows) -> ApiResult<Json<Value>> {
    let project_id = listing.project_id;
    let user_numbers: Vec<i64> = rows.iter().filter_map(|row| row.first().and_then(|cell| cell.as_i64())).collect();
    let (start_ms, end_ms) = (listing.time_range.start, listing.time_range.end);
    let streams =
        state.stores.events.list_user_events(project_id, &user_numbers, start_ms, end_ms, STREAM_EVENTS_MAX).await?;
    let known_sessions = replays_of(state, project_id, &streams).await?;
    let mut users = Vec::new();
    for stream in streams {
        let mut events = Vec::with_capacity(stream.events.len());
        let mut replays: Vec<Value> = Vec::new();
        for event in &stream.events {
            let replay = replay_uuid(project_id, event).and_then(|uuid| known_sessions.get(&uuid));
            if let Some(session) = replay
                && !replays.iter().any(|known| known["session"] == session.id.as_str())
            {
                replays.push(json!({
                    "session": session.id, "replay_id": session.replay_id,
                    "start_time_ms": session.start_time_ms, "duration_ms": session.duration_ms,
                }));
            }
            events.push(json!({
                "event_type": event.event_type, "display_name": event.display_name, "time": event.time_ms,
                "session_id": event.session_id, "replay_id": event.replay_id, "event_properties": event.event_properties,
                "replay_session": replay.map(|session| session.id.clone()),
                "replay_offset_ms": replay.map(|session| (event.time_ms - session.start_time_ms).max(0)),
            }));
        }
        if listing.options.with_replays_only && replays.is_empty() {
            continue;
        }
        let first = stream.events.first();
        users.push(json!({
            "user_id": first.and_then(|event| event.user_id.clone()),
            "device_id": first.and_then(|event| event.device_id.clone()),
            "events": events,
            "replays": replays,
        }));
        if users.len() >= listing.options.limit {
            break;
        }
    }
    Ok(Json(json!({ "start_ms": start_ms, "end_ms": end_ms, "users": users })))
}

pub async fn user_sessions(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<SessionsResult>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let query: SessionsQuery = parse_query(&body)?;
    let valid = query.validate(&state.config.analytics.query_limits()).map_err(analytics_error)?;
    let parts = plan_sessions(&valid, project_id, state.stores.events.sql_dialect(), state.config.analytics.scan_parts);
    let rows = run_scan(&state, &parts, &|| valid.consumer()).await?;
    Ok(Json(assemble_sessions(&valid, &rows).map_err(analytics_error)?))
}

pub async fn journeys(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<JourneysResult>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let query: JourneysQuery = parse_query(&body)?;
    let valid = query.validate(&state.config.analytics.query_limits()).map_err(analytics_error)?;
    let parts = plan_journeys(&valid, project_id, state.stores.events.sql_dialect(), state.config.analytics.scan_parts);
    let rows = run_scan(&state, &parts, &|| valid.consumer()).await?;
    Ok(Json(assemble_journeys(&valid, &rows).map_err(analytics_error)?))
}
