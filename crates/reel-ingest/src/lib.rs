//! The ingest pipeline for Reel's own protocol (docs/ingest-protocol.md).
//!
//! A request body goes through a list of small named steps. Each step either
//! passes the batch on, rejects the whole request with a typed
//! [`IngestRejection`], or drops single events with a typed [`DropReason`]
//! that the caller counts. The pipeline is pure: it never does I/O, so the
//! server decides what to do with an [`AcceptedBatch`] (store it durably).

pub mod amplitude;
mod error;
pub mod keyframe;
mod limits;
mod steps;

pub use error::{DropReason, DroppedEvents, IngestRejection, RejectionKind};
pub use limits::IngestLimits;
pub use steps::drop_console::{drop_console_events, has_console_events};
pub use steps::summarize::summarize_events;

use reel_types::{BatchSummary, IngestBatch};

/// A batch that passed every step, with what the pipeline learned from it.
#[derive(Debug, Clone)]
pub struct AcceptedBatch {
    pub batch: IngestBatch,
    pub summary: BatchSummary,
    pub dropped: Vec<DroppedEvents>,
}

/// The names of the pipeline's steps, in the order they run.
pub const PIPELINE_STEPS: [&str; 6] = [
    "decompress_body",
    "parse_batch",
    "validate_batch",
    "correct_clock_skew",
    "drop_invalid_events",
    "summarize_batch",
];

/// Runs every step over one request body.
///
/// `declared_gzip` is true when the request carried `Content-Encoding: gzip`;
/// a body that starts with the gzip magic bytes is decompressed either way.
pub fn process_request_body(
    body: &[u8],
    declared_gzip: bool,
    limits: &IngestLimits,
    received_at_ms: i64,
) -> Result<AcceptedBatch, IngestRejection> {
    let json_bytes = steps::decompress::decompress_body(body, declared_gzip, limits)?;
    let mut parsed_batch = steps::parse::parse_batch(&json_bytes)?;
    steps::validate::validate_batch(&parsed_batch, limits)?;
    steps::correct_clock::correct_clock_skew(&mut parsed_batch, received_at_ms, limits.clock_skew_threshold_ms);
    process_parsed_batch(parsed_batch, limits)
}

/// The steps after parsing, for batches that arrive in another wire format
/// (Amplitude's replay uploads) and were already turned into an `IngestBatch`.
pub fn process_parsed_batch(
    parsed_batch: IngestBatch,
    limits: &IngestLimits,
) -> Result<AcceptedBatch, IngestRejection> {
    steps::validate::validate_batch(&parsed_batch, limits)?;
    let (clean_batch, event_heads, dropped) = steps::drop_invalid::drop_invalid_events(parsed_batch)?;
    let summary = summarize_events(&event_heads);
    Ok(AcceptedBatch { batch: clean_batch, summary, dropped })
}
