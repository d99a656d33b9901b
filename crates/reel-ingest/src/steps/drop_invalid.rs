//! Step `drop_invalid_events`: keep only events with integer `type` and
//! `timestamp`, and read the head of each kept event for the next step.

use reel_types::{EventHead, IngestBatch};

use crate::{DropReason, DroppedEvents, IngestRejection, RejectionKind};

const STEP: &str = "drop_invalid_events";

pub fn drop_invalid_events(
    mut batch: IngestBatch,
) -> Result<(IngestBatch, Vec<EventHead>, Vec<DroppedEvents>), IngestRejection> {
    let events_before = batch.events.len();
    let mut kept_events = Vec::with_capacity(events_before);
    let mut kept_heads = Vec::with_capacity(events_before);
    for event in batch.events {
        let head = EventHead::read(&event);
        if head.is_valid() {
            kept_events.push(event);
            kept_heads.push(head);
        }
    }
    batch.events = kept_events;
    let dropped_count = (events_before - batch.events.len()) as u64;
    if batch.events.is_empty() {
        return Err(IngestRejection::new(
            RejectionKind::InvalidField,
            STEP,
            "no event in the batch has an integer type and timestamp",
        ));
    }
    let mut dropped = Vec::new();
    if dropped_count > 0 {
        dropped.push(DroppedEvents { reason: DropReason::InvalidEvent, count: dropped_count });
    }
    Ok((batch, kept_heads, dropped))
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use serde_json::value::to_raw_value;

    use super::*;

    #[test]
    fn drops_and_counts_events_without_type_or_timestamp() {
        let events =
            [json!({"type": 4, "timestamp": 5}), json!({"type": "x", "timestamp": 5}), json!(7), json!({"type": 3})];
        let batch = IngestBatch {
            session_id: 1,
            device_id: "d".into(),
            user_id: None,
            sequence: 0,
            sent_at_ms: None,
            api_key: None,
            events: events.iter().map(|event| to_raw_value(event).unwrap()).collect(),
        };
        let (clean, heads, dropped) = drop_invalid_events(batch).unwrap();
        assert_eq!(clean.events.len(), 1);
        assert_eq!(heads[0].event_type, Some(4));
        assert_eq!(dropped, vec![DroppedEvents { reason: DropReason::InvalidEvent, count: 3 }]);
    }
}
