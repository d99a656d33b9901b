//! The background step that deletes sessions past their retention: blobs
//! first, then the index rows, so a crash in between only repeats the work.

use std::time::Duration;

use reel_storage::{StorageErrorKind, StorageResult};

use crate::state::{AppState, now_ms};

pub async fn run_retention_sweeper(state: AppState) {
    let interval = Duration::from_millis(state.config.retention.sweep_interval_ms.max(1_000));
    loop {
        match sweep_expired_sessions(&state, now_ms()).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(sessions = deleted, "deleted sessions past their retention"),
            Err(error) => tracing::warn!(error = %error, "retention sweep failed; retrying next pass"),
        }
        tokio::time::sleep(interval).await;
    }
}

/// Deletes the sessions that expired before `now_ms`; returns how many.
pub async fn sweep_expired_sessions(state: &AppState, now_ms: i64) -> StorageResult<usize> {
    let limit = state.config.retention.sweep_sessions_per_pass_max;
    let expired = state.stores.recordings.list_expired_sessions(now_ms, limit).await?;
    for session in &expired {
        for blob_key in &session.blob_keys {
            match state.stores.blobs.delete_blob(blob_key).await {
                Ok(()) => {}
                Err(error) if error.kind == StorageErrorKind::NotFound => {}
                Err(error) => return Err(error),
            }
        }
        state.stores.recordings.delete_session(&session.session_uuid).await?;
    }
    Ok(expired.len())
}
