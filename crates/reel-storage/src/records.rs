//! Plain records passed through the storage traits.

use bytes::Bytes;
use reel_types::{BatchSummary, NewAnalyticsEvent, ProjectSettings, SessionKey, SessionSummary};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    #[serde(skip_serializing)]
    pub password_hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectRecord {
    pub id: i64,
    /// The organization that holds the project; its members may access it.
    pub organization_id: i64,
    pub name: String,
    pub api_key: String,
    /// Retention given to sessions created from now on.
    pub retention_days: u32,
    /// Replay and capture settings, served to SDKs as remote config.
    pub settings: ProjectSettings,
}

/// One accepted batch, ready to be made durable.
#[derive(Debug, Clone, PartialEq)]
pub struct NewChunk {
    pub key: SessionKey,
    pub user_id: Option<String>,
    /// The batch's sequence number; `None` asks the store to assign the
    /// session's next one (for uploads that carry none, like Amplitude's).
    pub sequence: Option<u64>,
    pub received_at_ms: i64,
    /// The project's retention now; used only when this chunk creates the session.
    pub retention_days: u32,
    pub summary: BatchSummary,
    /// The batch's events, encoded with [`crate::segment_codec::encode_events`].
    pub payload: Bytes,
    /// Analytics events stored in the same transaction if, and only if, this
    /// chunk creates the session (e.g. `[Amplitude] Replay Captured`).
    pub events_on_session_creation: Vec<NewAnalyticsEvent>,
    /// The client's country (ISO 3166-1 alpha-2), kept if this chunk creates the session.
    pub country: Option<String>,
    /// The project's capture settings now, kept if this chunk creates the
    /// session: settings changed later apply to new sessions only.
    pub capture_settings: Option<ProjectSettings>,
}

/// One analytics user's events, for the Microscope's user streams.
#[derive(Debug, Clone, PartialEq)]
pub struct UserEventStream {
    pub user_number: i64,
    pub events: Vec<reel_types::StoredAnalyticsEvent>,
}

/// How many analytics events an insert stored and how many were duplicates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventInsertCounts {
    pub inserted: u64,
    pub duplicates: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendOutcome {
    Stored,
    /// This (session, sequence) was stored before; nothing changed.
    Duplicate,
}

/// A durable batch not yet closed into a segment.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenChunk {
    pub chunk_id: i64,
    pub session_uuid: String,
    pub sequence: u64,
    pub first_event_ms: i64,
    pub last_event_ms: i64,
    pub event_count: u64,
    pub keyframe_ms: Option<i64>,
    pub page_url: Option<String>,
    pub payload: Bytes,
}

/// A closed segment: many batches of one session in one blob.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRecord {
    pub session_uuid: String,
    pub blob_key: String,
    pub first_sequence: u64,
    pub last_sequence: u64,
    pub start_ms: i64,
    pub end_ms: i64,
    pub event_count: u64,
    pub byte_size: u64,
    /// The segment's first chunk holds a keyframe, so playback can start here.
    pub starts_with_keyframe: bool,
    pub page_url: Option<String>,
}

/// One accepted batch as the index remembers it, open or closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkIndexEntry {
    pub sequence: u64,
    pub first_event_ms: i64,
    pub last_event_ms: i64,
    pub keyframe_ms: Option<i64>,
    pub received_at_ms: i64,
}

/// A session past its retention, with the blobs to delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredSession {
    pub session_uuid: String,
    pub blob_keys: Vec<String>,
}

/// A page of the session list, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionListQuery {
    pub project_ids: Vec<i64>,
    pub limit: u32,
    /// Opaque cursor from the previous page.
    pub cursor: Option<String>,
    pub filters: SessionFilters,
}

/// Conditions every listed session must meet (all combine with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionFilters {
    pub has_rage_clicks: bool,
    pub has_dead_clicks: bool,
    /// Runtime errors or error clicks.
    pub has_errors: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPage {
    pub sessions: Vec<SessionSummary>,
    pub next_cursor: Option<String>,
}

/// An organization: it holds projects, and its members see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationRecord {
    pub id: i64,
    pub name: String,
}

/// A saved group of users of one project; `definition` is reel-analytics'
/// `CohortDefinition` as JSON (storage does not interpret it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortRecord {
    pub id: i64,
    pub project_id: i64,
    pub name: String,
    pub definition: serde_json::Value,
    pub created_at_ms: i64,
}

/// Which field User Lookup matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserSearchField {
    /// User id or device id.
    Any,
    UserId,
    DeviceId,
    /// One user property's current value (`contains`).
    UserProperty,
}

/// A User Lookup question. Ids match by prefix, property values by
/// `contains`; both case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSearch {
    pub project_id: i64,
    pub field: UserSearchField,
    pub text: String,
    /// For `UserProperty`: the property's name.
    pub property: Option<String>,
    pub limit: u32,
}

/// A user User Lookup found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserMatch {
    /// The user id, else the device id.
    pub user_key: String,
    pub user_id: Option<String>,
    /// The device of the user's newest event.
    pub device_id: Option<String>,
    pub last_seen_ms: i64,
    pub matched_on: UserSearchField,
}

/// One user's profile: properties, first and last seen, devices, and the
/// newest events (newest first).
#[derive(Debug, Clone, PartialEq)]
pub struct UserProfileRecord {
    pub user_key: String,
    pub user_id: Option<String>,
    pub device_ids: Vec<String>,
    pub properties: serde_json::Map<String, serde_json::Value>,
    pub first_seen_ms: i64,
    pub last_seen_ms: i64,
    /// Distinct (device id, session id) pairs over all the user's events.
    pub session_count: u64,
    pub newest_events: Vec<reel_types::StoredAnalyticsEvent>,
}
