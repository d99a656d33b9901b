//! Counters of what ingest accepted, deduplicated, rejected and dropped.

use std::sync::atomic::{AtomicU64, Ordering};

use reel_ingest::{DropReason, DroppedEvents, RejectionKind};
use serde::Serialize;

#[derive(Debug, Default)]
pub struct IngestMetrics {
    batches_stored: AtomicU64,
    batches_duplicate: AtomicU64,
    batches_rejected: AtomicU64,
    batches_overloaded: AtomicU64,
    events_stored: AtomicU64,
    events_dropped_invalid_event: AtomicU64,
    events_dropped_console_capture_disabled: AtomicU64,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct IngestMetricsSnapshot {
    pub batches_stored: u64,
    pub batches_duplicate: u64,
    pub batches_rejected: u64,
    pub batches_overloaded: u64,
    pub events_stored: u64,
    pub events_dropped: std::collections::BTreeMap<&'static str, u64>,
}

impl IngestMetrics {
    pub fn record_stored(&self, event_count: u64, dropped: &[DroppedEvents]) {
        self.batches_stored.fetch_add(1, Ordering::Relaxed);
        self.events_stored.fetch_add(event_count, Ordering::Relaxed);
        for dropped_events in dropped {
            let counter = match dropped_events.reason {
                DropReason::InvalidEvent => &self.events_dropped_invalid_event,
                DropReason::ConsoleCaptureDisabled => &self.events_dropped_console_capture_disabled,
            };
            counter.fetch_add(dropped_events.count, Ordering::Relaxed);
        }
    }

    pub fn record_duplicate(&self) {
        self.batches_duplicate.fetch_add(1, Ordering::Relaxed);
    }

    pub fn record_rejected(&self, _kind: RejectionKind) {
        self.batches_rejected.fetch_add(1, Ordering::Relaxed);
    }

    pub fn record_overloaded(&self) {
        self.batches_overloaded.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> IngestMetricsSnapshot {
        let mut events_dropped = std::collections::BTreeMap::new();
        events_dropped
            .insert(DropReason::InvalidEvent.as_str(), self.events_dropped_invalid_event.load(Ordering::Relaxed));
        events_dropped.insert(
            DropReason::ConsoleCaptureDisabled.as_str(),
            self.events_dropped_console_capture_disabled.load(Ordering::Relaxed),
        );
        IngestMetricsSnapshot {
            batches_stored: self.batches_stored.load(Ordering::Relaxed),
            batches_duplicate: self.batches_duplicate.load(Ordering::Relaxed),
            batches_rejected: self.batches_rejected.load(Ordering::Relaxed),
            batches_overloaded: self.batches_overloaded.load(Ordering::Relaxed),
            events_stored: self.events_stored.load(Ordering::Relaxed),
            events_dropped,
        }
    }
}
