//! Chart endpoints (docs/analytics-api.md, "Charts"): validate the query,
//! compile it with reel-analytics to the store's SQL dialect, run it, and
//! assemble the rows.

use axum::Json;
use axum::extract::{Path, State};
use bytes::Bytes;
use reel_analytics::{
    AnalyticsError, FunnelQuery, FunnelResult, SegmentationQuery, SegmentationResult, assemble_funnel,
    assemble_segmentation, plan_funnel, plan_segmentation,
};
use reel_types::{CompiledQuery, QueryRows, RowConsumer};

use super::LoggedInUser;
use super::accounts::readable_project_ids;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

fn analytics_error(error: AnalyticsError) -> ApiError {
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

/// Runs compiled statements one after another, each streaming into its
/// consumer, refusing oversized results.
pub(super) async fn run_statements<'plan>(
    state: &AppState,
    statements: impl Iterator<Item = (&'plan CompiledQuery, Box<dyn RowConsumer>)>,
) -> ApiResult<Vec<QueryRows>> {
    let rows_max = state.config.analytics.rows_max;
    let mut results = Vec::new();
    for (statement, consumer) in statements {
        let rows = state.stores.events.run_compiled_query(statement, consumer).await?;
        if rows.len() > rows_max {
            return Err(ApiError::QueryTooLarge(rows_max));
        }
        results.push(rows);
    }
    Ok(results)
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
    let plan = plan_segmentation(&valid, project_id, state.stores.events.sql_dialect());
    let results =
        run_statements(&state, plan.queries.iter().map(|planned| (&planned.compiled, planned.consumer()))).await?;
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
    let plan = plan_funnel(&valid, project_id, state.stores.events.sql_dialect());
    let results = run_statements(&state, std::iter::once((&plan.compiled, plan.consumer()))).await?;
    let rows = results.first().map(Vec::as_slice).unwrap_or_default();
    let result = assemble_funnel(&valid, rows, limits.groups_max).map_err(analytics_error)?;
    Ok(Json(result))
}
