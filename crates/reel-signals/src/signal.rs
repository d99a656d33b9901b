//! A detected frustration signal.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    RageClick,
    DeadClick,
    ErrorClick,
    ThrashedCursor,
}

impl SignalKind {
    /// The stable detector id stored with each signal.
    pub fn id(self) -> &'static str {
        match self {
            Self::RageClick => "rage_click",
            Self::DeadClick => "dead_click",
            Self::ErrorClick => "error_click",
            Self::ThrashedCursor => "thrashed_cursor",
        }
    }

    /// The analytics event type, shared with Amplitude's SDK.
    pub fn event_type(self) -> &'static str {
        match self {
            Self::RageClick => "[Amplitude] Rage Click",
            Self::DeadClick => "[Amplitude] Dead Click",
            Self::ErrorClick => "[Amplitude] Error Click",
            Self::ThrashedCursor => "[Amplitude] Thrashed Cursor",
        }
    }

    pub const ALL: [SignalKind; 4] = [Self::RageClick, Self::DeadClick, Self::ErrorClick, Self::ThrashedCursor];
}

/// One signal, with what the event stream and the timeline show about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub kind: SignalKind,
    pub time_ms: i64,
    pub end_time_ms: i64,
    /// The rrweb node id of the element, when the signal is about one.
    pub node_id: Option<i64>,
    pub selector: Option<String>,
    /// The element's text as recorded (already masked by the SDK).
    pub element_text: Option<String>,
    pub element_tag: Option<String>,
    pub page_url: Option<String>,
    pub click_count: Option<usize>,
    pub x: Option<f64>,
    pub y: Option<f64>,
    /// For error clicks: the error that followed.
    pub error_message: Option<String>,
}
