//! The background step that runs the detectors on sessions that received
//! new recording data, so signals appear within seconds of the batch.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use crate::session_signals::refresh_session_signals;
use crate::state::AppState;

/// Sessions with new data since the last pass: session UUID → earliest new event time.
#[derive(Debug, Default)]
pub struct DirtySessions {
    sessions: Mutex<HashMap<String, i64>>,
}

impl DirtySessions {
    pub fn mark(&self, session_uuid: &str, first_new_event_ms: i64) {
        if let Ok(mut sessions) = self.sessions.lock() {
            let earliest = sessions.entry(session_uuid.to_owned()).or_insert(first_new_event_ms);
            *earliest = (*earliest).min(first_new_event_ms);
        }
    }

    fn take_all(&self) -> HashMap<String, i64> {
        self.sessions.lock().map(|mut sessions| std::mem::take(&mut *sessions)).unwrap_or_default()
    }
}

pub async fn run_signals_worker(state: AppState) {
    let interval = Duration::from_millis(state.config.signals.check_interval_ms.max(50));
    loop {
        tokio::time::sleep(interval).await;
        let processed = process_dirty_sessions(&state).await;
        if processed > 0 {
            tracing::debug!(sessions = processed, "frustration signals refreshed");
        }
    }
}

/// One pass; returns how many sessions were processed.
pub async fn process_dirty_sessions(state: &AppState) -> usize {
    let dirty = state.dirty_sessions.take_all();
    let Ok(projects) = state.stores.accounts.list_projects().await else { return 0 };
    let project_ids: Vec<i64> = projects.iter().map(|project| project.id).collect();
    let mut processed = 0;
    for (session_uuid, first_new_event_ms) in dirty {
        let session = match state.stores.recordings.find_session(&session_uuid, &project_ids).await {
            Ok(Some(session)) => session,
            Ok(None) => continue,
            Err(error) => {
                tracing::warn!(error = %error, "cannot read a session for signals; retrying next pass");
                state.dirty_sessions.mark(&session_uuid, first_new_event_ms);
                continue;
            }
        };
        match refresh_session_signals(state, &session, Some(first_new_event_ms)).await {
            Ok(_) => processed += 1,
            Err(error) => {
                tracing::warn!(error = %error, session = %session_uuid, "signal detection failed; retrying next pass");
                state.dirty_sessions.mark(&session_uuid, first_new_event_ms);
            }
        }
    }
    processed
}
