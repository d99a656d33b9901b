//! Step `validate_batch`: the value rules that types alone cannot express.

use reel_types::IngestBatch;

use crate::{IngestLimits, IngestRejection, RejectionKind};

const STEP: &str = "validate_batch";

pub fn validate_batch(batch: &IngestBatch, limits: &IngestLimits) -> Result<(), IngestRejection> {
    if batch.session_id <= 0 {
        return Err(invalid_field("session_id must be the session's start time in epoch milliseconds (> 0)"));
    }
    let device_id_chars = batch.device_id.chars().count();
    if device_id_chars == 0 || device_id_chars > limits.identifier_chars_max {
        return Err(invalid_field(format!("device_id must have 1 to {} characters", limits.identifier_chars_max)));
    }
    let user_id_chars = batch.user_id.as_deref().map_or(0, |user_id| user_id.chars().count());
    if user_id_chars > limits.identifier_chars_max {
        return Err(invalid_field(format!("user_id must have at most {} characters", limits.identifier_chars_max)));
    }
    if batch.events.is_empty() {
        return Err(IngestRejection::new(RejectionKind::EmptyBatch, STEP, "the batch has no events"));
    }
    if batch.events.len() > limits.batch_events_max {
        return Err(IngestRejection::new(
            RejectionKind::BatchTooLong,
            STEP,
            format!(
                "the batch has {} events, more than the limit of {} (ingest.batch_events_max)",
                batch.events.len(),
                limits.batch_events_max
            ),
        ));
    }
    Ok(())
}

fn invalid_field(message: impl Into<String>) -> IngestRejection {
    IngestRejection::new(RejectionKind::InvalidField, STEP, message)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn batch(events: usize) -> IngestBatch {
        IngestBatch {
            session_id: 1,
            device_id: "device".into(),
            user_id: None,
            sequence: 0,
            sent_at_ms: None,
            api_key: None,
            events: vec![serde_json::value::to_raw_value(&json!({"type": 3, "timestamp": 1})).unwrap(); events],
        }
    }

    #[test]
    fn accepts_a_normal_batch() {
        assert!(validate_batch(&batch(3), &IngestLimits::default()).is_ok());
    }

    #[test]
    fn rejects_empty_and_too_long_batches() {
        let limits = IngestLimits { batch_events_max: 2, ..IngestLimits::default() };
        assert_eq!(validate_batch(&batch(0), &limits).unwrap_err().kind, RejectionKind::EmptyBatch);
        assert_eq!(validate_batch(&batch(3), &limits).unwrap_err().kind, RejectionKind::BatchTooLong);
    }

    #[test]
    fn rejects_bad_identifiers() {
        let mut no_device = batch(1);
        no_device.device_id.clear();
        assert_eq!(validate_batch(&no_device, &IngestLimits::default()).unwrap_err().kind, RejectionKind::InvalidField);
        let mut zero_session = batch(1);
        zero_session.session_id = 0;
        assert_eq!(
            validate_batch(&zero_session, &IngestLimits::default()).unwrap_err().kind,
            RejectionKind::InvalidField
        );
    }
}
