//! Analytics events with Amplitude semantics, as stored and as read back.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where an event came from, parsed from the request on ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventContext {
    pub library: Option<String>,
    pub platform: Option<String>,
    pub os_name: Option<String>,
    pub os_version: Option<String>,
    pub browser_name: Option<String>,
    pub browser_version: Option<String>,
    pub device_type: Option<String>,
    pub language: Option<String>,
    pub ip: Option<String>,
    /// ISO 3166-1 alpha-2, resolved from `ip` by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// One analytics event ready to be stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAnalyticsEvent {
    pub project_id: i64,
    /// The SDK's dedupe key; stable across retries.
    pub insert_id: Option<String>,
    pub event_type: String,
    /// A friendly name for lists, e.g. `Clicked 'Add to cart' button`.
    pub display_name: String,
    pub time_ms: i64,
    pub received_at_ms: i64,
    pub user_id: Option<String>,
    pub device_id: Option<String>,
    pub session_id: Option<i64>,
    /// `[Amplitude] Session Replay ID` (`<device_id>/<session_id>`), when present.
    pub replay_id: Option<String>,
    pub event_properties: Map<String, Value>,
    /// Identify operations (`$set`, `$setOnce`, …) to apply to the user's profile.
    pub user_property_operations: Option<Map<String, Value>>,
    pub context: EventContext,
}

/// An analytics event as stored; `user_properties` is the user's profile
/// right after this event's operations were applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredAnalyticsEvent {
    pub event_type: String,
    pub display_name: String,
    #[serde(rename = "time")]
    pub time_ms: i64,
    pub insert_id: Option<String>,
    pub user_id: Option<String>,
    pub device_id: Option<String>,
    pub session_id: Option<i64>,
    pub replay_id: Option<String>,
    pub event_properties: Map<String, Value>,
    pub user_properties: Map<String, Value>,
    #[serde(flatten)]
    pub context: EventContext,
}

/// The event property that links an analytics event to its replay.
pub const SESSION_REPLAY_ID_PROPERTY: &str = "[Amplitude] Session Replay ID";
/// Emitted once per recorded session, carrying the replay id.
pub const REPLAY_CAPTURED_EVENT_TYPE: &str = "[Amplitude] Replay Captured";
