//! User Lookup (docs/replay-search-api.md): find a user by user id, device
//! id or a user property; their profile and event stream by session,
//! newest first, with the sessions that have a replay marked.

use axum::Json;
use axum::extract::{Path, State};
use reel_storage::{UserProfileRecord, UserSearch, UserSearchField};
use reel_types::{SessionKey, StoredAnalyticsEvent};
use serde::Deserialize;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::analytics::ensure_readable_project;
use super::api_query::ApiQuery;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

const SEARCH_TEXT_CHARS_MAX: usize = 200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSearchQuery {
    query: String,
    by: Option<UserSearchField>,
    property: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileQuery {
    user_key: String,
}

pub async fn search_users(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    ApiQuery(query): ApiQuery<UserSearchQuery>,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let text = query.query.trim();
    if text.is_empty() || text.chars().count() > SEARCH_TEXT_CHARS_MAX {
        return Err(ApiError::BadRequest(format!("query: give 1 to {SEARCH_TEXT_CHARS_MAX} characters to look for")));
    }
    let field = query.by.unwrap_or(UserSearchField::Any);
    let property = query.property.map(|name| name.trim().to_owned()).filter(|name| !name.is_empty());
    if field == UserSearchField::UserProperty && property.is_none() {
        return Err(ApiError::BadRequest("property: name the user property to search (by=user_property)".into()));
    }
    let limit = u32::try_from(state.config.lookup.matches_max).unwrap_or(u32::MAX);
    let search = UserSearch { project_id, field, text: text.to_owned(), property, limit };
    let users = state.stores.events.search_users(search).await?;
    Ok(Json(json!({ "users": users })))
}

/// One session of the profile's stream.
struct StreamSession {
    device_id: String,
    session_id: i64,
    events: Vec<StoredAnalyticsEvent>,
}

/// Groups the newest-first events by session (events without one stand
/// alone), newest session first, events oldest first within a session.
fn group_by_session(newest_first: Vec<StoredAnalyticsEvent>) -> Vec<StreamSession> {
    let mut sessions: Vec<StreamSession> = Vec::new();
    for event in newest_first {
        let device_id = event.device_id.clone().unwrap_or_default();
        let session_id = event.session_id.unwrap_or(-event.time_ms);
        let found =
            sessions.iter_mut().find(|session| session.device_id == device_id && session.session_id == session_id);
        match found {
            Some(session) => session.events.push(event),
            None => sessions.push(StreamSession { device_id, session_id, events: vec![event] }),
        }
    }
    for session in &mut sessions {
        session.events.reverse();
    }
    sessions
}

pub async fn user_profile(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    ApiQuery(query): ApiQuery<ProfileQuery>,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let events_max = u32::try_from(state.config.lookup.events_max).unwrap_or(u32::MAX);
    let profile = state.stores.events.user_profile(project_id, &query.user_key, events_max).await?;
    let UserProfileRecord {
        user_key,
        user_id,
        device_ids,
        properties,
        first_seen_ms,
        last_seen_ms,
        session_count,
        newest_events,
    } = profile.ok_or(ApiError::NotFound("user"))?;
    // The newest event that has each: events the server adds (replay
    // captured, frustration signals) carry neither.
    let platform = newest_events.iter().find_map(|event| event.context.platform.clone());
    let event_country = newest_events.iter().find_map(|event| event.context.country.clone());
    let sessions = group_by_session(newest_events);
    let keys: Vec<String> = sessions
        .iter()
        .map(|session| {
            SessionKey { project_id, device_id: session.device_id.clone(), session_id: session.session_id }.uuid()
        })
        .collect();
    let replays = state.stores.recordings.find_sessions(&keys, &[project_id]).await?;
    let country = event_country.or_else(|| replays.iter().find_map(|replay| replay.country.clone()));
    let listed: Vec<Value> = sessions
        .into_iter()
        .zip(keys)
        .map(|(session, uuid)| {
            let replay = replays.iter().find(|replay| replay.id == uuid);
            json!({
                "session_id": session.session_id,
                "device_id": session.device_id,
                "start_ms": session.events.first().map(|event| event.time_ms),
                "end_ms": session.events.last().map(|event| event.time_ms),
                "replay": replay.map(|replay| {
                    json!({"session_uuid": replay.id, "replay_id": replay.replay_id, "start_ms": replay.start_time_ms})
                }),
                "events": session.events,
            })
        })
        .collect();
    Ok(Json(json!({
        "user": {
            "user_key": user_key, "user_id": user_id, "device_ids": device_ids, "properties": properties,
            "first_seen_ms": first_seen_ms, "last_seen_ms": last_seen_ms, "country": country,
            "platform": platform, "session_count": session_count,
        },
        "sessions": listed,
    })))
}
