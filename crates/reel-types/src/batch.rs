//! The ingest batch: what the Reel SDK sends in one request.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// One batch of recorded events from one session, as sent by the SDK.
///
/// `events` stay raw JSON: the recording is stored as sent, and only the
/// fields Reel reads are interpreted (see [`crate::EventHead`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IngestBatch {
    /// The session's start time in epoch milliseconds.
    pub session_id: i64,
    pub device_id: String,
    #[serde(default)]
    pub user_id: Option<String>,
    /// Per-session batch counter, starting at 0.
    pub sequence: u64,
    #[serde(default)]
    pub sent_at_ms: Option<i64>,
    /// Optional body copy of the API key, for clients that cannot set headers.
    #[serde(default, skip_serializing)]
    pub api_key: Option<String>,
    pub events: Vec<Box<RawValue>>,
}

/// What the ingest pipeline learned from one accepted batch; storage folds it
/// into the session index in the same transaction that stores the batch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchSummary {
    pub first_event_ms: i64,
    pub last_event_ms: i64,
    pub event_count: u64,
    /// Page URLs from Meta events, in the order they were recorded.
    pub page_urls: Vec<String>,
    pub click_count: u64,
    pub error_count: u64,
    pub has_full_snapshot: bool,
    /// Where the batch's first keyframe begins: the Meta event right before a
    /// FullSnapshot, or the FullSnapshot itself.
    pub keyframe_ms: Option<i64>,
}
