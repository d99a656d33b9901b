//! The background step that closes a session's open chunks into segment blobs.
//!
//! Open chunks are already durable in the recording index; closing moves them
//! into fewer, larger, better-compressed objects in the blob store. Segments
//! are cut so that each one starts at a keyframe where the recording has one,
//! so a seek needs only the last keyframe segment before the target and what
//! follows. The blob is written first and the index updated after, so a crash
//! in between leaves at worst an unreferenced blob, never a lost batch.

use std::time::Duration;

use reel_storage::{OpenChunk, SegmentRecord, StorageResult, segment_codec};
use segment_codec::SegmentEntry;

use crate::state::{AppState, now_ms};
use crate::synthetic_keyframes::build_synthetic_keyframe_if_due;

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

fn milliseconds_before(now_ms: i64, duration_ms: u64) -> i64 {
    now_ms.saturating_sub(i64::try_from(duration_ms).unwrap_or(i64::MAX))
}

/// One pass: closes every session that is idle, open too long, or too big.
/// Returns the number of segments written.
pub async fn close_ready_sessions(state: &AppState, now_ms: i64) -> StorageResult<usize> {
    let segments_config = &state.config.segments;
    let ready = state
        .stores
        .recordings
        .sessions_ready_to_close(
            milliseconds_before(now_ms, segments_config.close_idle_ms),
            milliseconds_before(now_ms, segments_config.close_age_ms),
            segments_config.open_bytes_max,
            segments_config.close_sessions_per_pass_max,
        )
        .await?;
    let mut segments_written = 0;
    for session_uuid in ready {
        segments_written += close_session(state, &session_uuid, now_ms).await?;
        if let Err(error) = build_synthetic_keyframe_if_due(state, &session_uuid).await {
            tracing::warn!(error = %error, session = %session_uuid, "building a keyframe failed; the session still plays from its page load");
        }
    }
    Ok(segments_written)
}

/// Splits a session's open chunks into runs that each start at a keyframe
/// (except possibly the first run, which continues an earlier segment).
fn split_at_keyframes(open_chunks: Vec<OpenChunk>) -> Vec<Vec<OpenChunk>> {
    let mut runs: Vec<Vec<OpenChunk>> = Vec::new();
    for chunk in open_chunks {
        let starts_new_run = chunk.keyframe_ms.is_some() || runs.is_empty();
        match runs.last_mut() {
            Some(current_run) if !starts_new_run => current_run.push(chunk),
            _ => runs.push(vec![chunk]),
        }
    }
    runs
}

async fn close_session(state: &AppState, session_uuid: &str, now_ms: i64) -> StorageResult<usize> {
    let open_chunks = state.stores.recordings.list_open_chunks(session_uuid, i64::MIN, i64::MAX).await?;
    let mut segments_written = 0;
    for run in split_at_keyframes(open_chunks) {
        if write_segment(state, session_uuid, run, now_ms).await? {
            segments_written += 1;
        }
    }
    Ok(segments_written)
}

/// A segment built on the background lane, not yet stored.
struct BuiltSegment {
    blob: bytes::Bytes,
    chunk_ids: Vec<i64>,
    first_sequence: u64,
    last_sequence: u64,
    start_ms: i64,
    end_ms: i64,
    event_count: u64,
}

/// Decodes a run of open chunks and compresses them into one segment blob
/// (CPU work: runs on the background lane). `None` when no chunk was readable.
fn build_segment(run: &[OpenChunk], zstd_level: i32) -> StorageResult<Option<BuiltSegment>> {
    let mut entries = Vec::with_capacity(run.len());
    let mut chunk_ids = Vec::with_capacity(run.len());
    let (mut start_ms, mut end_ms, mut event_count) = (i64::MAX, i64::MIN, 0);
    for chunk in run {
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
    let (Some(first_entry), Some(last_entry)) = (entries.first(), entries.last()) else { return Ok(None) };
    let (first_sequence, last_sequence) = (first_entry.sequence, last_entry.sequence);
    let blob = segment_codec::encode_segment(&entries, zstd_level)?;
    Ok(Some(BuiltSegment { blob, chunk_ids, first_sequence, last_sequence, start_ms, end_ms, event_count }))
}

async fn write_segment(state: &AppState, session_uuid: &str, run: Vec<OpenChunk>, now_ms: i64) -> StorageResult<bool> {
    let zstd_level = state.config.segments.zstd_level;
    let (run, built) = state
        .background
        .run(move || {
            let built = build_segment(&run, zstd_level);
            (run, built)
        })
        .await?;
    let Some(built) = built? else { return Ok(false) };
    let blob_key =
        format!("sessions/{session_uuid}/{:010}-{:010}-{now_ms}.zst", built.first_sequence, built.last_sequence);
    let byte_size = built.blob.len() as u64;
    state.stores.blobs.put_blob(&blob_key, built.blob).await?;
    let first_chunk = run.iter().find(|chunk| chunk.sequence == built.first_sequence);
    let segment = SegmentRecord {
        session_uuid: session_uuid.to_owned(),
        blob_key,
        first_sequence: built.first_sequence,
        last_sequence: built.last_sequence,
        start_ms: built.start_ms,
        end_ms: built.end_ms,
        event_count: built.event_count,
        byte_size,
        starts_with_keyframe: first_chunk.is_some_and(|chunk| chunk.keyframe_ms.is_some()),
        page_url: run.iter().find_map(|chunk| chunk.page_url.clone()),
    };
    state.stores.recordings.commit_segment(segment, &built.chunk_ids).await?;
    Ok(true)
}
