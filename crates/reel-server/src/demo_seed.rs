//! Demo data: generated sessions stored through the real ingest path, so a
//! newcomer sees replays in the list before recording their own.

use reel_demo_data::{DemoSessionPlan, generate_session_batches};
use reel_storage::SessionListQuery;

use crate::error::{ApiError, ApiResult};
use crate::routes::store_request_body;
use crate::state::{AppState, now_ms};

const DEMO_USERS: [Option<&str>; 6] = [
    Some("ada@example.com"),
    None,
    Some("grace@example.com"),
    Some("linus@example.com"),
    None,
    Some("margaret@example.com"),
];

/// Stores `session_count` generated sessions in the first project, unless it
/// already has sessions. Returns how many sessions were stored.
pub async fn seed_demo_sessions(state: &AppState, base_url: &str, session_count: usize) -> ApiResult<usize> {
    let projects = state.stores.accounts.list_projects().await?;
    let Some(project) = projects.first() else { return Ok(0) };
    let existing = state
        .stores
        .recordings
        .list_sessions(SessionListQuery {
            project_ids: vec![project.id],
            limit: 1,
            cursor: None,
            filters: Default::default(),
        })
        .await?;
    if !existing.sessions.is_empty() {
        return Ok(0);
    }
    let now = now_ms();
    for session_number in 0..session_count {
        let plan = DemoSessionPlan {
            device_id: format!("demo-device-{session_number}"),
            user_id: DEMO_USERS[session_number % DEMO_USERS.len()].map(str::to_owned),
            session_start_ms: now - 3_600_000 * (session_number as i64 + 1) - 60_000,
            duration_ms: 45_000 + 15_000 * session_number as i64,
            base_url: base_url.to_owned(),
            page_interval_ms: 25_000,
            batch_interval_ms: 2_000,
            seed: session_number as u64 + 1,
        };
        for batch in generate_session_batches(&plan) {
            let body = serde_json::to_vec(&batch).map_err(|error| ApiError::Internal(error.to_string()))?;
            let _stored_answer = store_request_body(state, project, &body).await?;
        }
    }
    Ok(session_count)
}
