//! Demo data: generated sessions stored through the real ingest path, so a
//! newcomer sees replays in the list before recording their own.

use reel_demo_data::{AnalyticsDemoPlan, DemoSessionPlan, generate_session_batches, generate_user_events};
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

/// Where the demo visitors are, in turn (a demo has no real client IPs).
const DEMO_COUNTRIES: [&str; 5] = ["US", "DE", "FR", "JP", "BR"];

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
        let country = DEMO_COUNTRIES[session_number % DEMO_COUNTRIES.len()];
        for batch in generate_session_batches(&plan) {
            let body = serde_json::to_vec(&batch).map_err(|error| ApiError::Internal(error.to_string()))?;
            let _stored_answer = store_request_body(state, project, &body, Some(country.to_owned())).await?;
        }
    }
    Ok(session_count)
}

/// How much generated analytics data to store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoAnalyticsSize {
    pub users: u64,
    pub events_per_user: u64,
    /// Days back from today the events spread over.
    pub days: i64,
}

/// The analytics events `reel serve --demo-data` adds, so every chart has
/// something to show.
pub const DEMO_ANALYTICS_SIZE: DemoAnalyticsSize = DemoAnalyticsSize { users: 500, events_per_user: 60, days: 30 };

const DEMO_ANALYTICS_CHUNK_EVENTS: usize = 20_000;
const DAY_MS: i64 = 86_400_000;

/// Stores generated analytics events (page views, clicks, a shop funnel,
/// replays, errors, dead clicks) in the first project, ending today. Events
/// already stored (same insert ids) are skipped, so running it again adds
/// nothing. Returns how many events were stored.
pub async fn seed_demo_analytics(state: &AppState, size: DemoAnalyticsSize) -> ApiResult<u64> {
    let projects = state.stores.accounts.list_projects().await?;
    let Some(project) = projects.first() else { return Ok(0) };
    let today_start_ms = now_ms().div_euclid(DAY_MS) * DAY_MS;
    let plan = AnalyticsDemoPlan {
        project_id: project.id,
        users: size.users,
        events_per_user: size.events_per_user,
        start_ms: today_start_ms - (size.days - 1).max(0) * DAY_MS,
        days: size.days.max(1),
        seed: 2026,
    };
    let mut stored = 0;
    let mut chunk = Vec::with_capacity(DEMO_ANALYTICS_CHUNK_EVENTS + 256);
    for user_index in 0..size.users {
        chunk.extend(generate_user_events(&plan, user_index));
        if chunk.len() >= DEMO_ANALYTICS_CHUNK_EVENTS || user_index + 1 == size.users {
            stored += state.stores.events.insert_events(std::mem::take(&mut chunk)).await?.inserted;
        }
    }
    Ok(stored)
}
