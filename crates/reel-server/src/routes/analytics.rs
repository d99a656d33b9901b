//! Chart endpoints (docs/analytics-api.md, "Charts"): validate the query,
//! compile it with reel-analytics to the store's SQL dialect, run it, and
//! assemble the rows.

use axum::Json;
use axum::extract::{Path, State};
use bytes::Bytes;
use reel_analytics::{
    AnalyticsError, FunnelQuery, FunnelResult, SegmentationQuery, SegmentationResult, assemble_funnel,
    assemble_segmentation, merge_scan_parts, plan_funnel, plan_segmentation,
};
use reel_types::{CompiledQuery, QueryRows, RowConsumer};

use super::LoggedInUser;
use super::accounts::readable_project_ids;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub(super) fn analytics_error(error: AnalyticsError) -> ApiError {
    match error {
        AnalyticsError::InvalidQuery { .. } => ApiError::InvalidQuery(error.to_string()),
        AnalyticsError::UnexpectedRows(message) => ApiError::Internal(message),
    }
}

pub(super) fn parse_query<T: serde::de::DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|error| ApiError::InvalidQuery(format!("the query is not valid: {error}")))
}

pub(super) async fn ensure_readable_project(
    state: &AppState,
    logged_in: &LoggedInUser,
    project_id: i64,
) -> ApiResult<()> {
    if readable_project_ids(state, logged_in).await?.contains(&project_id) {
        Ok(())
    } else {
        Err(ApiError::NotFound("project"))
    }
}

/// Runs one scan: its parts at once (each on its own connection, into its
/// own consumer), then merges the consumers and finishes. Refuses results
/// larger than `analytics.rows_max`.
pub(super) async fn run_scan(
    state: &AppState,
    parts: &[CompiledQuery],
    new_consumer: &(dyn Fn() -> Box<dyn RowConsumer> + Sync),
) -> ApiResult<QueryRows> {
    let mut tasks = tokio::task::JoinSet::new();
    for part in parts {
        let (events, part, consumer) = (state.stores.events.clone(), part.clone(), new_consumer());
        tasks.spawn(async move { events.run_compiled_query(&part, consumer).await });
    }
    let mut consumers = Vec::with_capacity(parts.len());
    while let Some(joined) = tasks.join_next().await {
        consumers.push(joined.map_err(|error| ApiError::Internal(format!("a scan part failed: {error}")))??);
    }
    // Merging and finishing is CPU work (sets, the funnel's per-user state
    // machine): off the request threads.
    let rows = tokio::task::spawn_blocking(move || merge_scan_parts(consumers))
        .await
        .map_err(|error| ApiError::Internal(format!("finishing a scan failed: {error}")))?
        .map_err(analytics_error)?;
    let rows_max = state.config.analytics.rows_max;
    if rows.len() > rows_max {
        return Err(ApiError::QueryTooLarge(rows_max));
    }
    Ok(rows)
}

pub async fn segmentation(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<SegmentationResult>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let query: SegmentationQuery = parse_query(&body)?;
    let limits = state.config.analytics.query_limits();
    let valid = query.validate(&limits).map_err(analytics_error)?;
    let scan_parts = state.config.analytics.scan_parts;
    let plan = plan_segmentation(&valid, project_id, state.stores.events.sql_dialect(), scan_parts);
    let mut results = Vec::with_capacity(plan.queries.len());
    for planned in &plan.queries {
        results.push(run_scan(&state, &planned.parts, &|| planned.consumer()).await?);
    }
    let result = assemble_segmentation(&valid, &plan, &results, limits.groups_max).map_err(analytics_error)?;
    Ok(Json(result))
}

pub async fn funnel(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<Json<FunnelResult>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let query: FunnelQuery = parse_query(&body)?;
    let limits = state.config.analytics.query_limits();
    let valid = query.validate(&limits).map_err(analytics_error)?;
    let scan_parts = state.config.analytics.scan_parts;
    let plan = plan_funnel(&valid, project_id, state.stores.events.sql_dialect(), scan_parts);
    let rows = run_scan(&state, &plan.parts, &|| plan.consumer()).await?;
    let result = assemble_funnel(&valid, &rows, limits.groups_max).map_err(analytics_error)?;
    Ok(Json(result))
}
