//! The limits the pipeline enforces; each one is a config value of the server.

/// Limits on one ingest request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestLimits {
    /// Largest accepted body, compressed or after decompression.
    pub payload_bytes_max: usize,
    /// Most events in one batch.
    pub batch_events_max: usize,
    /// Longest `device_id` or `user_id`, in characters.
    pub identifier_chars_max: usize,
    /// A client clock further off than this is corrected (see `correct_clock_skew`).
    pub clock_skew_threshold_ms: i64,
}

impl Default for IngestLimits {
    fn default() -> Self {
        Self {
            payload_bytes_max: 10 * 1024 * 1024,
            batch_events_max: 50_000,
            identifier_chars_max: 200,
            clock_skew_threshold_ms: 2_000,
        }
    }
}
