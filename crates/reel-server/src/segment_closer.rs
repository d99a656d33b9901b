//! The background step that closes a session's open chunks into one segment blob.
//!
//! Open chunks are already durable in the recording index; closing moves them
//! into fewer, larger, better-compressed objects in the blob store. The blob
//! is written first and the index updated after, so a crash in between leaves
//! at worst an unreferenced blob, never a lost batch.

use std::time::Duration;

use reel_storage::{SegmentRecord, StorageResult, segment_codec};
use segment_codec::SegmentEntry;

use crate::state::{AppState, now_ms};

/// Runs until the process ends.
pub async fn run_segment_closer(state: AppState) {
    let interval = Duration::from_millis(state.config.segments.close_check_interval_ms.max(10));
    loop {
        tokio::time::sleep(interval).await;
        if let Err(error) = close_ready_sessions(&state, now_ms()).await {
            tracing::warn!(error = %error, "segment closer pass failed; retrying next pass");
        }
    }
}

/// One pass: closes every session that is idle or over the open-bytes limit.
pub async fn close_ready_sessions(state: &AppState, now_ms: i64) -> StorageResult<usize> {
    let segments_config = &state.config.segments;
    let idle_since_ms = now_ms - i64::try_from(segments_config.close_idle_ms).unwrap_or(i64::MAX);
    let ready = state
        .stores
        .recordings
        .sessions_ready_to_close(
            idle_since_ms,
            segments_config.open_bytes_max,
            segments_config.close_sessions_per_pass_max,
        )
        .await?;
    let mut closed_count = 0;
    for session_uuid in ready {
        if close_session(state, &session_uuid, now_ms).await? {
            closed_count += 1;
        }
    }
    Ok(closed_count)
}

async fn close_session(state: &AppState, session_uuid: &str, now_ms: i64) -> StorageResult<bool> {
    let open_chunks = state.stores.recordings.list_open_chunks(session_uuid, i64::MIN, i64::MAX).await?;
    let mut entries = Vec::with_capacity(open_chunks.len());
    let mut chunk_ids = Vec::with_capacity(open_chunks.len());
    let (mut start_ms, mut end_ms, mut event_count) = (i64::MAX, i64::MIN, 0);
    for chunk in &open_chunks {
        let events = match segment_codec::decode_events(&chunk.payload) {
            Ok(events) => events,
            Err(error) => {
                tracing::warn!(chunk_id = chunk.chunk_id, error = %error, "leaving an unreadable chunk open");
                continue;
            }
        };
        start_ms = start_ms.min(chunk.first_event_ms);
        end_ms = end_ms.max(chunk.last_event_ms);
        event_count += chunk.event_count;
        chunk_ids.push(chunk.chunk_id);
        entries.push(SegmentEntry { sequence: chunk.sequence, events });
    }
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else { return Ok(false) };
    let (first_sequence, last_sequence) = (first.sequence, last.sequence);
    let blob = segment_codec::encode_segment(&entries, state.config.segments.zstd_level)?;
    let blob_key = format!("sessions/{session_uuid}/{first_sequence:010}-{last_sequence:010}-{now_ms}.zst");
    let byte_size = blob.len() as u64;
    state.stores.blobs.put_blob(&blob_key, blob).await?;
    let segment = SegmentRecord {
        session_uuid: session_uuid.to_owned(),
        blob_key,
        first_sequence,
        last_sequence,
        start_ms,
        end_ms,
        event_count,
        byte_size,
    };
    state.stores.recordings.commit_segment(segment, &chunk_ids).await?;
    Ok(true)
}
