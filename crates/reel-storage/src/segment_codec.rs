//! How recorded events are encoded in open chunks and closed segments.
//!
//! A chunk payload is the zstd-compressed JSON array of one batch's events.
//! A segment blob is the zstd-compressed JSON array of `{sequence, events}`
//! entries, one per batch it closed.

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{StorageError, StorageErrorKind, StorageResult};

/// One batch's events inside a segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentEntry {
    pub sequence: u64,
    pub events: Vec<Value>,
}

pub fn encode_events(events: &[Value], zstd_level: i32) -> StorageResult<Bytes> {
    compress_json(&events, zstd_level)
}

pub fn decode_events(payload: &[u8]) -> StorageResult<Vec<Value>> {
    decompress_json(payload)
}

pub fn encode_segment(entries: &[SegmentEntry], zstd_level: i32) -> StorageResult<Bytes> {
    compress_json(&entries, zstd_level)
}

pub fn decode_segment(blob: &[u8]) -> StorageResult<Vec<SegmentEntry>> {
    decompress_json(blob)
}

fn compress_json<T: Serialize>(value: &T, zstd_level: i32) -> StorageResult<Bytes> {
    let json_bytes = serde_json::to_vec(value).map_err(|error| {
        StorageError::with_source(StorageErrorKind::Internal, "encoding events as json failed", error)
    })?;
    let compressed = zstd::bulk::compress(&json_bytes, zstd_level)
        .map_err(|error| StorageError::with_source(StorageErrorKind::Internal, "zstd compression failed", error))?;
    Ok(Bytes::from(compressed))
}

fn decompress_json<T: for<'de> Deserialize<'de>>(compressed: &[u8]) -> StorageResult<T> {
    let json_bytes = zstd::stream::decode_all(compressed).map_err(|error| {
        StorageError::with_source(StorageErrorKind::Corrupt, "stored bytes are not valid zstd", error)
    })?;
    serde_json::from_slice(&json_bytes).map_err(|error| {
        StorageError::with_source(StorageErrorKind::Corrupt, "stored bytes are not the expected json", error)
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn events_round_trip() {
        let events = vec![json!({"type": 4, "timestamp": 1, "data": {"href": "x"}})];
        let payload = encode_events(&events, 3).unwrap();
        assert_eq!(decode_events(&payload).unwrap(), events);
    }

    #[test]
    fn corrupt_payload_is_reported_as_corrupt() {
        let error = decode_segment(b"definitely not zstd").unwrap_err();
        assert_eq!(error.kind, StorageErrorKind::Corrupt);
    }
}
