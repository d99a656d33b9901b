//! `POST /sessions/v2/track`: Amplitude's replay upload. The body is
//! `{"version": 1|2, "events": [...]}` where each replay event is a JSON
//! *string* holding one rrweb event (objects are accepted too).

use serde_json::Value;
use serde_json::value::RawValue;

use crate::{IngestLimits, IngestRejection, RejectionKind};

const STEP: &str = "parse_track_body";

/// The rrweb events of one replay upload, as raw JSON.
pub fn parse_replay_track_body(
    body: &[u8],
    declared_gzip: bool,
    limits: &IngestLimits,
) -> Result<Vec<Box<RawValue>>, IngestRejection> {
    let json_bytes = crate::steps::decompress::decompress_body(body, declared_gzip, limits)?;
    #[derive(serde::Deserialize)]
    struct TrackBody {
        events: Option<Vec<Box<RawValue>>>,
    }
    let parsed: TrackBody = serde_json::from_slice(&json_bytes).map_err(|error| {
        let kind = if error.is_data() { RejectionKind::InvalidField } else { RejectionKind::MalformedJson };
        IngestRejection::new(kind, STEP, format!("the replay body is not {{\"version\",\"events\"}}: {error}"))
    })?;
    let Some(raw_events) = parsed.events else {
        return Err(IngestRejection::new(RejectionKind::InvalidField, STEP, "the replay body has no events array"));
    };
    let mut events = Vec::with_capacity(raw_events.len());
    for raw_event in raw_events {
        let text = raw_event.get();
        if text.starts_with('"') {
            let Ok(Value::String(inner)) = serde_json::from_str::<Value>(text) else { continue };
            if let Ok(event) = RawValue::from_string(inner) {
                events.push(event);
            }
        } else {
            events.push(raw_event);
        }
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwraps_string_encoded_events_and_keeps_objects() {
        let body = br#"{"version":1,"events":["{\"type\":4,\"timestamp\":1,\"data\":{\"href\":\"x\"}}", {"type":3,"timestamp":2}, "not json"]}"#;
        let events = parse_replay_track_body(body, false, &IngestLimits::default()).unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].get(), r#"{"type":4,"timestamp":1,"data":{"href":"x"}}"#);
        assert_eq!(events[1].get(), r#"{"type":3,"timestamp":2}"#);
    }

    #[test]
    fn a_body_without_events_is_refused() {
        let rejection = parse_replay_track_body(br#"{"version":2}"#, false, &IngestLimits::default()).unwrap_err();
        assert_eq!(rejection.kind, RejectionKind::InvalidField);
        assert_eq!(
            parse_replay_track_body(b"{", false, &IngestLimits::default()).unwrap_err().kind,
            RejectionKind::MalformedJson
        );
    }
}
