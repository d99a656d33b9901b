//! Step `parse_batch`: JSON into an [`IngestBatch`], telling syntax from type errors.

use reel_types::IngestBatch;
use serde_json::error::Category;

use crate::{IngestRejection, RejectionKind};

const STEP: &str = "parse_batch";

pub fn parse_batch(json_bytes: &[u8]) -> Result<IngestBatch, IngestRejection> {
    serde_json::from_slice::<IngestBatch>(json_bytes).map_err(|error| {
        let kind = match error.classify() {
            Category::Data => RejectionKind::InvalidField,
            Category::Syntax | Category::Eof | Category::Io => RejectionKind::MalformedJson,
        };
        let message = match kind {
            RejectionKind::InvalidField => format!("a field has the wrong type or is missing: {error}"),
            _ => format!("the body is not valid JSON: {error}"),
        };
        IngestRejection::new(kind, STEP, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_are_malformed_json() {
        assert_eq!(parse_batch(b"{\"session_id\":").unwrap_err().kind, RejectionKind::MalformedJson);
        assert_eq!(parse_batch(b"not json").unwrap_err().kind, RejectionKind::MalformedJson);
    }

    #[test]
    fn wrong_types_are_invalid_fields() {
        let body = br#"{"session_id":"soon","device_id":"d","sequence":0,"events":[]}"#;
        let rejection = parse_batch(body).unwrap_err();
        assert_eq!(rejection.kind, RejectionKind::InvalidField);
        assert!(rejection.message.contains("session_id") || rejection.message.contains("invalid type"));
    }

    #[test]
    fn missing_fields_are_invalid_fields() {
        let rejection = parse_batch(br#"{"device_id":"d","sequence":0,"events":[]}"#).unwrap_err();
        assert_eq!(rejection.kind, RejectionKind::InvalidField);
    }
}
