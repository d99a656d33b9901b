//! The router: versioned API routes, then the embedded static content.

mod accounts;
mod amplitude;
mod amplitude_track;
mod analytics;
mod analytics_users;
mod api_query;
mod client_address;
mod cohorts;
mod ingest;
mod logged_in_user;
mod organizations;
mod session_search;
mod sessions;
mod static_assets;
mod user_lookup;

use axum::Router;
use axum::routing::{get, post};
use tower_http::cors::{AllowHeaders, AllowMethods, AllowOrigin, CorsLayer};

use crate::state::AppState;

pub use ingest::store_request_body;
pub use logged_in_user::LoggedInUser;

pub fn build_router(state: AppState) -> Router {
    // The SDK runs on other sites: ingest answers any origin.
    let ingest_cors = CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods(AllowMethods::list([axum::http::Method::POST, axum::http::Method::OPTIONS]))
        .allow_headers(AllowHeaders::mirror_request())
        .allow_credentials(true)
        .max_age(std::time::Duration::from_secs(3600));
    let ingest_routes = Router::new().route("/api/v1/ingest", post(ingest::ingest_batch)).layer(ingest_cors);
    // Amplitude's SDKs need credentialed CORS (exit beacons carry cookies)
    // and must be able to read the replay back-pressure header.
    let amplitude_cors = CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods(AllowMethods::list([
            axum::http::Method::GET,
            axum::http::Method::POST,
            axum::http::Method::OPTIONS,
        ]))
        .allow_headers(AllowHeaders::mirror_request())
        .allow_credentials(true)
        .expose_headers([axum::http::HeaderName::from_static(amplitude_track::SKIP_HEADER)])
        .max_age(std::time::Duration::from_secs(3600));
    let amplitude_routes = Router::new()
        .route("/2/httpapi", post(amplitude::http_api))
        .route("/batch", post(amplitude::http_api))
        .route("/config/{api_key}", get(amplitude::remote_config))
        .route("/sessions/v2/track", post(amplitude_track::track))
        .layer(amplitude_cors);
    Router::new()
        .route("/healthz", get(|| async { axum::Json(serde_json::json!({"status": "ok"})) }))
        .route("/api/v1/login", post(accounts::login))
        .route("/api/v1/logout", post(accounts::logout))
        .route("/api/v1/me", get(accounts::me))
        .route("/api/v1/projects", get(accounts::list_projects))
        .route("/api/v1/projects/{project_id}", get(accounts::get_project).patch(accounts::update_project))
        .route("/api/v1/sessions/{session_uuid}/events", get(sessions::get_session_events))
        .route("/api/v1/ingest/stats", get(ingest::ingest_stats))
        .route("/api/v1/projects/{project_id}/analytics/segmentation", post(analytics::segmentation))
        .route("/api/v1/projects/{project_id}/analytics/funnel", post(analytics::funnel))
        .route("/api/v1/projects/{project_id}/analytics/segmentation/users", post(analytics_users::segmentation_users))
        .route("/api/v1/projects/{project_id}/analytics/funnel/users", post(analytics_users::funnel_users))
        .route("/api/v1/projects/{project_id}/analytics/sessions", post(analytics_users::user_sessions))
        .route("/api/v1/projects/{project_id}/analytics/journeys", post(analytics_users::journeys))
        .route("/api/v1/projects/{project_id}/analytics/journeys/users", post(analytics_users::journey_users))
        .route("/api/v1/sessions", get(sessions::list_sessions))
        .route("/api/v1/sessions/search", post(session_search::search_sessions))
        .route("/api/v1/projects/{project_id}/cohorts", get(cohorts::list_cohorts).post(cohorts::create_cohort))
        .route("/api/v1/projects/{project_id}/cohorts/{cohort_id}", axum::routing::delete(cohorts::delete_cohort))
        .route("/api/v1/projects/{project_id}/users/search", get(user_lookup::search_users))
        .route("/api/v1/projects/{project_id}/users/profile", get(user_lookup::user_profile))
        .route("/api/v1/organizations", get(organizations::list_organizations).post(organizations::create_organization))
        .route("/api/v1/organizations/{organization_id}/projects", post(organizations::create_project))
        .route("/api/v1/organizations/{organization_id}/members", post(organizations::add_member))
        .route("/api/v1/sessions/{session_uuid}", get(sessions::get_session))
        .route("/api/v1/sessions/{session_uuid}/recording", get(sessions::get_recording))
        .route("/api/v1/{*rest}", get(api_not_found).post(api_not_found))
        .merge(ingest_routes)
        .merge(amplitude_routes)
        .merge(static_assets::static_routes())
        .with_state(state)
}

async fn api_not_found() -> crate::error::ApiError {
    crate::error::ApiError::NotFound("API route")
}
