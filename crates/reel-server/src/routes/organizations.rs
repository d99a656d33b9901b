//! Organizations: each holds projects, and its members may access them
//! (docs/replay-search-api.md, "Projects and organizations").

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Value, json};

use super::LoggedInUser;
use super::accounts::organizations_and_projects;
use crate::error::{ApiError, ApiResult};
use crate::secrets::{hash_password, random_token};
use crate::state::AppState;

const NAME_CHARS_MAX: usize = 200;
const PASSWORD_CHARS_MIN: usize = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameBody {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberBody {
    email: String,
    /// Needed only when no user has this email yet.
    password: Option<String>,
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8], shape: &str) -> ApiResult<T> {
    serde_json::from_slice(body)
        .map_err(|error| ApiError::BadRequest(format!("the body must be JSON {shape}: {error}")))
}

fn checked_name(name: &str) -> ApiResult<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_CHARS_MAX {
        return Err(ApiError::BadRequest(format!("name: give 1 to {NAME_CHARS_MAX} characters")));
    }
    Ok(name.to_owned())
}

async fn ensure_member(state: &AppState, logged_in: &LoggedInUser, organization_id: i64) -> ApiResult<()> {
    let organizations = state.stores.accounts.list_user_organizations(logged_in.user.id).await?;
    if organizations.iter().any(|organization| organization.id == organization_id) {
        Ok(())
    } else {
        Err(ApiError::NotFound("organization"))
    }
}

pub async fn list_organizations(State(state): State<AppState>, logged_in: LoggedInUser) -> ApiResult<Json<Value>> {
    let (organizations, projects) = organizations_and_projects(&state, &logged_in).await?;
    let listed: Vec<Value> = organizations
        .iter()
        .map(|organization| {
            let own: Vec<_> = projects.iter().filter(|project| project.organization_id == organization.id).collect();
            json!({"id": organization.id, "name": organization.name, "projects": own})
        })
        .collect();
    Ok(Json(json!({ "organizations": listed })))
}

/// Creates an organization; its creator is its first member.
pub async fn create_organization(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let request: NameBody = parse_body(&body, "{\"name\"}")?;
    let organization = state.stores.accounts.create_organization(&checked_name(&request.name)?).await?;
    state.stores.accounts.add_organization_member(organization.id, logged_in.user.id).await?;
    Ok((StatusCode::CREATED, Json(json!({ "organization": organization }))))
}

pub async fn create_project(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(organization_id): Path<i64>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    ensure_member(&state, &logged_in, organization_id).await?;
    let request: NameBody = parse_body(&body, "{\"name\"}")?;
    let api_key = random_token(16);
    let project =
        state.stores.accounts.create_project(organization_id, &checked_name(&request.name)?, &api_key).await?;
    state.project_cache.clear();
    Ok((StatusCode::CREATED, Json(json!({ "project": project }))))
}

/// Adds a user (created when new) to an organization.
pub async fn add_member(
    State(state): State<AppState>,
    logged_in: LoggedInUser,
    Path(organization_id): Path<i64>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    ensure_member(&state, &logged_in, organization_id).await?;
    let request: MemberBody = parse_body(&body, "{\"email\", \"password\"}")?;
    let email = request.email.trim();
    if !email.contains('@') {
        return Err(ApiError::BadRequest("email: give an email address".into()));
    }
    let user = match state.stores.accounts.find_user_by_email(email).await? {
        Some(user) => user,
        None => {
            let password = request.password.filter(|password| password.chars().count() >= PASSWORD_CHARS_MIN);
            let password = password.ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "password: {email} has no account yet; give a password of {PASSWORD_CHARS_MIN} characters or more"
                ))
            })?;
            state.stores.accounts.create_user(email, &hash_password(&password)?).await?
        }
    };
    state.stores.accounts.add_organization_member(organization_id, user.id).await?;
    Ok((StatusCode::CREATED, Json(json!({ "member": { "id": user.id, "email": user.email } }))))
}
