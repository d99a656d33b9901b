//! Saved cohorts of a project (docs/replay-search-api.md, "Cohorts").

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use bytes::Bytes;
use reel_analytics::CohortDefinition;
use serde::Deserialize;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::analytics::{analytics_error, ensure_readable_project, parse_query};
use crate::error::{ApiError, ApiResult};
use crate::state::{AppState, now_ms};

const COHORT_NAME_CHARS_MAX: usize = 200;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCohortBody {
    name: String,
    definition: CohortDefinition,
}

pub async fn list_cohorts(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
) -> ApiResult<Json<Value>> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let cohorts = state.stores.accounts.list_cohorts(&[project_id]).await?;
    Ok(Json(json!({ "cohorts": cohorts })))
}

pub async fn create_cohort(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    let request: NewCohortBody = parse_query(&body)?;
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > COHORT_NAME_CHARS_MAX {
        return Err(ApiError::InvalidQuery(format!("name: give 1 to {COHORT_NAME_CHARS_MAX} characters")));
    }
    let limits = state.config.analytics.query_limits();
    request.definition.validate("definition", &limits).map_err(analytics_error)?;
    let definition =
        serde_json::to_value(&request.definition).map_err(|error| ApiError::Internal(error.to_string()))?;
    let cohort = state.stores.accounts.create_cohort(project_id, name, &definition, now_ms()).await?;
    Ok((StatusCode::CREATED, Json(json!({ "cohort": cohort }))))
}

pub async fn delete_cohort(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path((project_id, cohort_id)): Path<(i64, i64)>,
) -> ApiResult<StatusCode> {
    ensure_readable_project(&state, &logged_in, project_id).await?;
    if state.stores.accounts.delete_cohort(project_id, cohort_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound("cohort"))
    }
}

/// The cohorts of these projects by id, with their project, for search filters.
pub async fn cohort_definitions(
    state: &AppState,
    project_ids: &[i64],
) -> ApiResult<HashMap<i64, (i64, CohortDefinition)>> {
    let cohorts = state.stores.accounts.list_cohorts(project_ids).await?;
    Ok(cohorts
        .into_iter()
        .filter_map(|cohort| {
            let definition = serde_json::from_value(cohort.definition).ok()?;
            Some((cohort.id, (cohort.project_id, definition)))
        })
        .collect())
}
