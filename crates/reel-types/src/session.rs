//! Sessions: how one is identified, and the index row kept for it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What identifies a recorded session: a device's session within a project.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionKey {
    pub project_id: i64,
    pub device_id: String,
    /// The session's start time in epoch milliseconds, as the SDK sends it.
    pub session_id: i64,
}

impl SessionKey {
    /// The stable identifier used in URLs; the same on every backend.
    pub fn uuid(&self) -> String {
        session_uuid(self.project_id, &self.device_id, self.session_id)
    }

    /// Amplitude's replay id: `<device_id>/<session_id>`.
    pub fn replay_id(&self) -> String {
        format!("{}/{}", self.device_id, self.session_id)
    }
}

/// Namespace for the name-based (v5) session UUIDs.
const SESSION_UUID_NAMESPACE: Uuid = Uuid::from_u128(0x5f2b_8c1e_4d7a_4e0b_9a63_2c1d_7e8f_0a11);

/// A deterministic UUID for a session, derived from its key.
pub fn session_uuid(project_id: i64, device_id: &str, session_id: i64) -> String {
    let name = format!("{project_id}\n{device_id}\n{session_id}");
    Uuid::new_v5(&SESSION_UUID_NAMESPACE, name.as_bytes()).to_string()
}

/// The session index row: one per session, kept up to date by ingest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: String,
    pub project_id: i64,
    pub device_id: String,
    pub user_id: Option<String>,
    pub session_id: i64,
    pub replay_id: String,
    /// RFC 3339 form of `start_time_ms`.
    pub start_time: String,
    pub start_time_ms: i64,
    pub end_time_ms: i64,
    pub duration_ms: i64,
    pub first_url: Option<String>,
    pub page_count: u64,
    pub click_count: u64,
    pub error_count: u64,
    pub event_count: u64,
    pub batch_count: u64,
    /// Kept for this many days after it was first received.
    pub retention_days: u32,
    #[serde(default)]
    pub signal_counts: SignalCounts,
    /// Where the session started, from the client's IP (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub country: Option<String>,
}

/// How many frustration signals a session has, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalCounts {
    pub rage_clicks: u64,
    pub dead_clicks: u64,
    pub error_clicks: u64,
    pub thrashed_cursors: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_uuid_is_stable_and_distinguishes_keys() {
        let first = session_uuid(1, "device-a", 1_700_000_000_000);
        assert_eq!(first, session_uuid(1, "device-a", 1_700_000_000_000));
        assert_ne!(first, session_uuid(2, "device-a", 1_700_000_000_000));
        assert_ne!(first, session_uuid(1, "device-b", 1_700_000_000_000));
        assert_ne!(first, session_uuid(1, "device-a", 1_700_000_000_001));
    }

    #[test]
    fn replay_id_joins_device_and_session() {
        let key = SessionKey { project_id: 3, device_id: "d1".into(), session_id: 42 };
        assert_eq!(key.replay_id(), "d1/42");
    }
}
