//! Step `drop_invalid_events`: keep only events with integer `type` and `timestamp`.

use reel_types::IngestBatch;
use serde_json::Value;

use crate::{DropReason, DroppedEvents, IngestRejection, RejectionKind};

const STEP: &str = "drop_invalid_events";

pub fn drop_invalid_events(mut batch: IngestBatch) -> Result<(IngestBatch, Vec<DroppedEvents>), IngestRejection> {
    let events_before = batch.events.len();
    batch.events.retain(is_valid_event);
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
    Ok((batch, dropped))
}

fn is_valid_event(event: &Value) -> bool {
    let has_integer = |field: &str| event.get(field).and_then(Value::as_i64).is_some();
    event.is_object() && has_integer("type") && has_integer("timestamp")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn drops_and_counts_events_without_type_or_timestamp() {
        let batch = IngestBatch {
            session_id: 1,
            device_id: "d".into(),
            user_id: None,
            sequence: 0,
            sent_at_ms: None,
            api_key: None,
            events: vec![
                json!({"type": 4, "timestamp": 5}),
                json!({"type": "x", "timestamp": 5}),
                json!(7),
                json!({"type": 3}),
            ],
        };
        let (clean, dropped) = drop_invalid_events(batch).unwrap();
        assert_eq!(clean.events.len(), 1);
        assert_eq!(dropped, vec![DroppedEvents { reason: DropReason::InvalidEvent, count: 3 }]);
    }
}
