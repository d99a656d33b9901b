//! Reads a time window of a recording: closed segments merged with open chunks.

use std::collections::BTreeMap;

use reel_storage::{StorageErrorKind, StorageResult, segment_codec};
use reel_types::EventHead;
use serde_json::value::RawValue;

use crate::state::Stores;

/// The events of `[from_ms, to_ms)`, ordered by batch sequence, then as sent.
pub struct RecordingWindow {
    pub events: Vec<Box<RawValue>>,
    /// Segments that failed to decode; the rest of the window is still served.
    pub corrupt_segment_keys: Vec<String>,
}

pub async fn read_recording_window(
    stores: &Stores,
    session_uuid: &str,
    from_ms: i64,
    to_ms: i64,
) -> StorageResult<RecordingWindow> {
    // Open chunks first: a chunk closed between the two reads then shows up
    // in both lists (deduplicated by sequence) instead of in neither.
    let open_chunks = stores.recordings.list_open_chunks(session_uuid, from_ms, to_ms).await?;
    let segments = stores.recordings.list_segments(session_uuid, from_ms, to_ms).await?;
    let mut events_by_sequence: BTreeMap<u64, Vec<Box<RawValue>>> = BTreeMap::new();
    let mut corrupt_segment_keys = Vec::new();
    for segment in segments {
        let decoded = match stores.blobs.get_blob(&segment.blob_key).await {
            Ok(blob) => segment_codec::decode_segment(&blob),
            Err(error) => Err(error),
        };
        match decoded {
            Ok(entries) => {
                for entry in entries {
                    events_by_sequence.insert(entry.sequence, entry.events);
                }
            }
            Err(error) if matches!(error.kind, StorageErrorKind::Corrupt | StorageErrorKind::NotFound) => {
                tracing::warn!(blob_key = %segment.blob_key, error = %error, "skipping unreadable segment");
                corrupt_segment_keys.push(segment.blob_key);
            }
            Err(error) => return Err(error),
        }
    }
    for chunk in open_chunks {
        match segment_codec::decode_events(&chunk.payload) {
            Ok(events) => {
                events_by_sequence.insert(chunk.sequence, events);
            }
            Err(error) => tracing::warn!(chunk_id = chunk.chunk_id, error = %error, "skipping unreadable chunk"),
        }
    }
    let events = events_by_sequence
        .into_values()
        .flatten()
        .filter(|event| {
            let timestamp_ms = EventHead::read(event).timestamp_ms.unwrap_or(i64::MIN);
            timestamp_ms >= from_ms && timestamp_ms < to_ms
        })
        .collect();
    Ok(RecordingWindow { events, corrupt_segment_keys })
}
