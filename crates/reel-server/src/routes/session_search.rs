//! `POST /api/v1/sessions/search`: the Session Replays list with date
//! ranges, filters, sorting and pages, across the projects a user may
//! access (docs/replay-search-api.md).

use axum::Json;
use axum::extract::State;
use bytes::Bytes;
use reel_analytics::calendar::DAY_MS;
use reel_analytics::{SessionSearch, SessionSearchFilter, SessionUuidCollector, plan_session_search};
use reel_types::SessionSummary;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::accounts::readable_project_ids;
use super::analytics::{analytics_error, parse_query};
use super::cohorts::cohort_definitions;
use crate::error::ApiResult;
use crate::state::{AppState, now_ms};

fn listed_session(session: SessionSummary) -> Value {
    let counts = session.signal_counts;
    let frustration_count = counts.rage_clicks + counts.dead_clicks + counts.error_clicks + counts.thrashed_cursors;
    let mut value = serde_json::to_value(session).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("frustration_count".into(), json!(frustration_count));
    }
    value
}

pub async fn search_sessions(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let search: SessionSearch = if body.is_empty() { SessionSearch::default() } else { parse_query(&body)? };
    let readable = readable_project_ids(&state, &logged_in).await?;
    let names_a_cohort = search.filters.iter().any(|filter| matches!(filter, SessionSearchFilter::Cohort { .. }));
    let cohorts = if names_a_cohort { cohort_definitions(&state, &readable).await? } else { Default::default() };
    let today_ms = now_ms().div_euclid(DAY_MS) * DAY_MS;
    let valid = search
        .validate(&state.config.search.search_limits(), &readable, &cohorts, today_ms)
        .map_err(analytics_error)?;
    let plan = plan_session_search(&valid, state.stores.events.sql_dialect());
    let consumer =
        state.stores.events.run_compiled_query(&plan.query, Box::new(SessionUuidCollector::default())).await?;
    let (uuids, has_more) = SessionUuidCollector::page(consumer.finish(), plan.limit);
    let sessions = state.stores.recordings.find_sessions(&uuids, &valid.project_ids).await?;
    Ok(Json(json!({
        "sessions": sessions.into_iter().map(listed_session).collect::<Vec<_>>(),
        "has_more": has_more,
        "offset": valid.offset,
        "limit": valid.limit,
    })))
}
