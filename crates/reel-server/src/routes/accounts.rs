//! Login, logout, the current user, and the projects they can see.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use reel_storage::{OrganizationRecord, ProjectRecord};
use reel_types::ProjectSettings;
use serde::Deserialize;
use serde_json::json;

use super::logged_in_user::{LOGIN_COOKIE_NAME, LoggedInUser};
use crate::error::{ApiError, ApiResult};
use crate::secrets::{hash_token, random_token, verify_password};
use crate::state::{AppState, now_ms};

#[derive(Deserialize)]
pub struct LoginRequest {
    email: String,
    password: String,
}

pub async fn login(State(state): State<AppState>, body: axum::body::Bytes) -> ApiResult<Response> {
    let request: LoginRequest = serde_json::from_slice(&body)
        .map_err(|error| ApiError::BadRequest(format!("the body must be JSON {{\"email\",\"password\"}}: {error}")))?;
    let user = state.stores.accounts.find_user_by_email(request.email.trim()).await?;
    let Some(user) = user.filter(|user| verify_password(&request.password, &user.password_hash)) else {
        return Err(ApiError::InvalidCredentials);
    };
    let token = random_token(32);
    let ttl_ms = state.config.auth.login_session_ttl_ms;
    state.stores.accounts.create_login_session(&hash_token(&token), user.id, now_ms() + ttl_ms).await?;
    let secure = if state.config.auth.cookie_secure { "; Secure" } else { "" };
    let cookie =
        format!("{LOGIN_COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}", ttl_ms / 1000);
    let cookie_value = HeaderValue::from_str(&cookie).map_err(|error| ApiError::Internal(error.to_string()))?;
    let body = Json(json!({ "user": { "id": user.id, "email": user.email } }));
    Ok(([(header::SET_COOKIE, cookie_value)], body).into_response())
}

pub async fn logout(State(state): State<AppState>, logged_in: LoggedInUser) -> ApiResult<Response> {
    state.stores.accounts.delete_login_session(&logged_in.token_hash).await?;
    let expired = format!("{LOGIN_COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    let cookie_value = HeaderValue::from_str(&expired).map_err(|error| ApiError::Internal(error.to_string()))?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie_value)]).into_response())
}

pub async fn me(logged_in: LoggedInUser) -> Json<serde_json::Value> {
    Json(json!({ "user": { "id": logged_in.user.id, "email": logged_in.user.email } }))
}

pub async fn list_projects(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
) -> ApiResult<Json<serde_json::Value>> {
    let (organizations, projects) = organizations_and_projects(&state, &logged_in).await?;
    let listed: Vec<serde_json::Value> = projects
        .into_iter()
        .map(|project| {
            let organization = organizations.iter().find(|organization| organization.id == project.organization_id);
            let mut value = json!(project);
            value["organization_name"] = json!(organization.map(|organization| organization.name.clone()));
            value
        })
        .collect();
    Ok(Json(json!({ "projects": listed })))
}

/// The organizations a user is a member of, and their projects (those the user may access).
pub async fn organizations_and_projects(
    state: &AppState,
    logged_in: &LoggedInUser,
) -> ApiResult<(Vec<OrganizationRecord>, Vec<ProjectRecord>)> {
    let organizations = state.stores.accounts.list_user_organizations(logged_in.user.id).await?;
    let mut projects = state.stores.accounts.list_projects().await?;
    projects.retain(|project| organizations.iter().any(|organization| organization.id == project.organization_id));
    Ok((organizations, projects))
}

/// The projects a user may access: those of the organizations they are a member of.
pub async fn readable_projects(state: &AppState, logged_in: &LoggedInUser) -> ApiResult<Vec<ProjectRecord>> {
    Ok(organizations_and_projects(state, logged_in).await?.1)
}

/// The ids of [`readable_projects`].
pub async fn readable_project_ids(state: &AppState, logged_in: &LoggedInUser) -> ApiResult<Vec<i64>> {
    Ok(readable_projects(state, logged_in).await?.into_iter().map(|project| project.id).collect())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectUpdate {
    retention_days: Option<u32>,
    /// Any subset of the settings fields; the rest keep their values.
    settings: Option<serde_json::Map<String, serde_json::Value>>,
}

async fn find_project_by_id(state: &AppState, logged_in: &LoggedInUser, project_id: i64) -> ApiResult<ProjectRecord> {
    let projects = readable_projects(state, logged_in).await?;
    projects.into_iter().find(|project| project.id == project_id).ok_or(ApiError::NotFound("project"))
}

pub async fn get_project(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
) -> ApiResult<Json<serde_json::Value>> {
    Ok(Json(json!({ "project": find_project_by_id(&state, &logged_in, project_id).await? })))
}

/// Changes project settings; they apply to sessions created afterwards.
pub async fn update_project(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(project_id): Path<i64>,
    body: axum::body::Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    let update: ProjectUpdate = serde_json::from_slice(&body).map_err(|error| {
        ApiError::BadRequest(format!("the body must be JSON {{\"retention_days\", \"settings\"}}: {error}"))
    })?;
    let mut project = find_project_by_id(&state, &logged_in, project_id).await?;
    // Everything is checked before anything is saved: a refused change saves nothing.
    if let Some(retention_days) = update.retention_days {
        let allowed_days = &state.config.retention.allowed_days;
        if !allowed_days.contains(&retention_days) {
            return Err(ApiError::BadRequest(format!("retention_days must be one of {allowed_days:?}")));
        }
    }
    let mut new_settings = None;
    if let Some(changes) = update.settings {
        let mut merged =
            serde_json::to_value(&project.settings).map_err(|error| ApiError::Internal(error.to_string()))?;
        for (field, value) in changes {
            merged[field] = value;
        }
        let settings: ProjectSettings = serde_json::from_value(merged)
            .map_err(|error| ApiError::BadRequest(format!("invalid settings: {error}")))?;
        settings.validate().map_err(ApiError::BadRequest)?;
        new_settings = Some(settings);
    }
    if let Some(retention_days) = update.retention_days {
        project = state.stores.accounts.set_project_retention_days(project_id, retention_days).await?;
    }
    if let Some(settings) = new_settings {
        project = state.stores.accounts.set_project_settings(project_id, settings).await?;
    }
    state.project_cache.clear();
    Ok(Json(json!({ "project": project })))
}
