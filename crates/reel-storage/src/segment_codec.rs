//! How recorded events are encoded in open chunks and closed segments.
//!
//! A chunk payload is the zstd-compressed JSON array of one batch's events.
//! A segment blob is the zstd-compressed JSON array of `{sequence, events}`
//! entries, one per batch it closed.

use std::cell::RefCell;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::{StorageError, StorageErrorKind, StorageResult};

/// One batch's events inside a segment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SegmentEntry {
    pub sequence: u64,
    pub events: Vec<Box<RawValue>>,
}

/// Joins the raw events into one JSON array without re-serializing them.
pub fn encode_events(events: &[Box<RawValue>], zstd_level: i32) -> StorageResult<Bytes> {
    let total_bytes: usize = events.iter().map(|event| event.get().len() + 1).sum();
    let mut json_bytes = Vec::with_capacity(total_bytes + 2);
    json_bytes.push(b'[');
    for (index, event) in events.iter().enumerate() {
        if index > 0 {
            json_bytes.push(b',');
        }
        json_bytes.extend_from_slice(event.get().as_bytes());
    }
    json_bytes.push(b']');
    compress_bytes(&json_bytes, zstd_level)
}

pub fn decode_events(payload: &[u8]) -> StorageResult<Vec<Box<RawValue>>> {
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
    compress_bytes(&json_bytes, zstd_level)
}

thread_local! {
    /// zstd contexts are costly to create; each thread keeps one of each.
    static COMPRESSOR: RefCell<Option<(i32, zstd::bulk::Compressor<'static>)>> = const { RefCell::new(None) };
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { RefCell::new(None) };
}

/// The largest decompressed size a stored frame may claim.
const DECOMPRESSED_BYTES_MAX: u64 = 1 << 31;

fn compress_bytes(json_bytes: &[u8], zstd_level: i32) -> StorageResult<Bytes> {
    let compression_failed =
        |error| StorageError::with_source(StorageErrorKind::Internal, "zstd compression failed", error);
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|(level, _)| *level != zstd_level) {
            *slot = Some((zstd_level, zstd::bulk::Compressor::new(zstd_level).map_err(compression_failed)?));
        }
        let (_, compressor) =
            slot.as_mut().ok_or_else(|| StorageError::new(StorageErrorKind::Internal, "no zstd compressor"))?;
        compressor.compress(json_bytes).map(Bytes::from).map_err(compression_failed)
    })
}

fn decompress_bytes(compressed: &[u8]) -> StorageResult<Vec<u8>> {
    let corrupt = |message: &str| StorageError::new(StorageErrorKind::Corrupt, message.to_owned());
    let content_size =
        zstd::zstd_safe::get_frame_content_size(compressed).map_err(|_| corrupt("stored bytes are not valid zstd"))?;
    let Some(content_size) = content_size.filter(|size| *size <= DECOMPRESSED_BYTES_MAX) else {
        // Frames without a declared size (or an absurd one) take the streaming path.
        return zstd::stream::decode_all(compressed).map_err(|error| {
            StorageError::with_source(StorageErrorKind::Corrupt, "stored bytes are not valid zstd", error)
        });
    };
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(
                zstd::bulk::Decompressor::new()
                    .map_err(|error| StorageError::with_source(StorageErrorKind::Internal, "zstd", error))?,
            );
        }
        let decompressor =
            slot.as_mut().ok_or_else(|| StorageError::new(StorageErrorKind::Internal, "no zstd decompressor"))?;
        decompressor.decompress(compressed, content_size as usize).map_err(|error| {
            StorageError::with_source(StorageErrorKind::Corrupt, "stored bytes are not valid zstd", error)
        })
    })
}

fn decompress_json<T: for<'de> Deserialize<'de>>(compressed: &[u8]) -> StorageResult<T> {
    let json_bytes = decompress_bytes(compressed)?;
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
        let events = vec![
            serde_json::value::to_raw_value(&json!({"type": 4, "timestamp": 1, "data": {"href": "x"}})).unwrap(),
            serde_json::value::to_raw_value(&json!({"type": 3, "timestamp": 2})).unwrap(),
        ];
        let payload = encode_events(&events, 3).unwrap();
        let decoded: Vec<String> =
            decode_events(&payload).unwrap().iter().map(|event| event.get().to_owned()).collect();
        assert_eq!(decoded, events.iter().map(|event| event.get().to_owned()).collect::<Vec<_>>());
    }

    #[test]
    fn corrupt_payload_is_reported_as_corrupt() {
        let error = decode_segment(b"definitely not zstd").unwrap_err();
        assert_eq!(error.kind, StorageErrorKind::Corrupt);
    }
}
