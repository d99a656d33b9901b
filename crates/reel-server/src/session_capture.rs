//! Capture settings are the session's, not the project's: a session keeps
//! the settings it started with (project changes apply to new sessions
//! only), and batches are held to them on ingest.

use reel_ingest::{AcceptedBatch, drop_console_events, has_console_events};
use reel_storage::ProjectRecord;

use crate::error::ApiResult;
use crate::state::AppState;

/// Drops console events when the session (or, for a new session, the
/// project now) has console capture off. Reads the session's settings only
/// for batches that hold console events.
pub async fn hold_batch_to_session_settings(
    state: &AppState,
    project: &ProjectRecord,
    session_uuid: &str,
    accepted: &mut AcceptedBatch,
) -> ApiResult<()> {
    if !has_console_events(accepted) {
        return Ok(());
    }
    let session_settings = state.stores.recordings.session_capture_settings(session_uuid).await?;
    let console_capture_enabled =
        session_settings.map_or(project.settings.console_capture_enabled, |settings| settings.console_capture_enabled);
    if !console_capture_enabled {
        drop_console_events(accepted);
    }
    Ok(())
}
