//! Why a request is rejected, and why single events are dropped.

use thiserror::Error;

/// What kind of rejection: each maps to one HTTP status and error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectionKind {
    MalformedJson,
    InvalidField,
    CorruptGzip,
    EmptyBatch,
    BatchTooLong,
    PayloadTooLarge,
}

impl RejectionKind {
    /// The stable error code sent to clients.
    pub fn code(self) -> &'static str {
        match self {
            Self::MalformedJson => "malformed_json",
            Self::InvalidField => "invalid_field",
            Self::CorruptGzip => "corrupt_gzip",
            Self::EmptyBatch => "empty_batch",
            Self::BatchTooLong => "batch_too_long",
            Self::PayloadTooLarge => "payload_too_large",
        }
    }
}

/// A whole request refused by one pipeline step; nothing of it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{message}")]
pub struct IngestRejection {
    pub kind: RejectionKind,
    /// The step that refused the request.
    pub step: &'static str,
    pub message: String,
}

impl IngestRejection {
    pub fn new(kind: RejectionKind, step: &'static str, message: impl Into<String>) -> Self {
        Self { kind, step, message: message.into() }
    }
}

/// Why a single event was dropped while the rest of its batch was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropReason {
    /// The event is not an object with integer `type` and `timestamp`.
    InvalidEvent,
    /// A console-log event of a session that started with console capture off.
    ConsoleCaptureDisabled,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidEvent => "invalid_event",
            Self::ConsoleCaptureDisabled => "console_capture_disabled",
        }
    }
}

/// How many events one step dropped for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DroppedEvents {
    pub reason: DropReason,
    pub count: u64,
}
