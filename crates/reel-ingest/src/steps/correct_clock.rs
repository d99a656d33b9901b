//! Step `correct_clock_skew`: the SDK sends its clock (`sent_at_ms`) with
//! every batch; when it differs from the server's by more than the threshold,
//! every event timestamp is shifted by the measured offset, so sessions from
//! devices with a wrong clock line up with server time.

use reel_types::IngestBatch;
use serde_json::Value;

/// Returns the offset applied (0 when none was needed or possible).
pub fn correct_clock_skew(batch: &mut IngestBatch, received_at_ms: i64, threshold_ms: i64) -> i64 {
    let Some(sent_at_ms) = batch.sent_at_ms else { return 0 };
    let offset_ms = received_at_ms - sent_at_ms;
    if offset_ms.abs() <= threshold_ms {
        return 0;
    }
    for event in &mut batch.events {
        let Ok(mut parsed) = serde_json::from_str::<Value>(event.get()) else { continue };
        let Some(timestamp_ms) = parsed.get("timestamp").and_then(Value::as_i64) else { continue };
        parsed["timestamp"] = Value::from(timestamp_ms + offset_ms);
        if let Ok(corrected) = serde_json::value::to_raw_value(&parsed) {
            *event = corrected;
        }
    }
    batch.sent_at_ms = Some(sent_at_ms + offset_ms);
    offset_ms
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use serde_json::value::to_raw_value;

    use super::*;

    fn batch(sent_at_ms: Option<i64>) -> IngestBatch {
        IngestBatch {
            session_id: 1,
            device_id: "d".into(),
            user_id: None,
            sequence: 0,
            sent_at_ms,
            api_key: None,
            events: vec![to_raw_value(&json!({"type": 3, "timestamp": 1_000, "data": {"source": 1}})).unwrap()],
        }
    }

    fn first_timestamp(batch: &IngestBatch) -> i64 {
        serde_json::from_str::<Value>(batch.events[0].get()).unwrap()["timestamp"].as_i64().unwrap()
    }

    #[test]
    fn a_skewed_clock_is_corrected_by_the_measured_offset() {
        // The device clock is one hour behind: it sent at 2_000 when the server read 3_602_000.
        let mut skewed = batch(Some(2_000));
        assert_eq!(correct_clock_skew(&mut skewed, 3_602_000, 2_000), 3_600_000);
        assert_eq!(first_timestamp(&skewed), 3_601_000);
    }

    #[test]
    fn small_offsets_and_missing_clocks_change_nothing() {
        let mut close = batch(Some(2_000));
        assert_eq!(correct_clock_skew(&mut close, 2_500, 2_000), 0);
        assert_eq!(first_timestamp(&close), 1_000);
        let mut unknown = batch(None);
        assert_eq!(correct_clock_skew(&mut unknown, 9_999_999, 2_000), 0);
        assert_eq!(first_timestamp(&unknown), 1_000);
    }
}
