//! Server-built keyframes: when a session has gone `synthetic_keyframe_interval_ms`
//! without a keyframe (its SDK takes none after the page load), the mirrored
//! DOM is serialized into a Meta + FullSnapshot pair and stored, so a seek
//! reads from there instead of from the page load.

use reel_ingest::keyframe::KeyframeMirror;
use reel_storage::{StorageResult, segment_codec};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::recording_reader::read_recording_window;
use crate::state::AppState;

/// The events of a stored server-built keyframe.
pub async fn load_synthetic_keyframe(state: &AppState, blob_key: &str) -> StorageResult<Vec<Box<RawValue>>> {
    let blob = state.stores.blobs.get_blob(blob_key).await?;
    segment_codec::decode_events(&blob)
}

/// Builds and stores a keyframe at the session's last stored event if the
/// latest keyframe is older than the interval. Returns its time if built.
pub async fn build_synthetic_keyframe_if_due(state: &AppState, session_uuid: &str) -> StorageResult<Option<i64>> {
    let interval_ms = i64::try_from(state.config.segments.synthetic_keyframe_interval_ms).unwrap_or(i64::MAX);
    let recordings = &state.stores.recordings;
    let Some(last_event_ms) =
        recordings.list_chunk_index(session_uuid).await?.iter().map(|entry| entry.last_event_ms).max()
    else {
        return Ok(None);
    };
    let real_keyframe_ms = recordings.find_keyframe_at_or_before(session_uuid, i64::MAX).await?;
    let synthetic = recordings.find_synthetic_keyframe_at_or_before(session_uuid, i64::MAX).await?;
    let latest_keyframe_ms = real_keyframe_ms.max(synthetic.as_ref().map(|(time_ms, _)| *time_ms));
    let Some(latest_keyframe_ms) = latest_keyframe_ms else { return Ok(None) };
    if last_event_ms - latest_keyframe_ms < interval_ms {
        return Ok(None);
    }
    let mut replayed_events = Vec::new();
    let read_from_ms = match synthetic {
        Some((synthetic_ms, blob_key)) if Some(synthetic_ms) > real_keyframe_ms => {
            replayed_events = load_synthetic_keyframe(state, &blob_key).await?;
            synthetic_ms + 1
        }
        _ => latest_keyframe_ms,
    };
    let window = read_recording_window(&state.stores, session_uuid, read_from_ms, i64::MAX).await?;
    replayed_events.extend(window.events);
    let zstd_level = state.config.segments.zstd_level;
    let Some((keyframe_ms, blob)) =
        state.background.run(move || build_keyframe(&replayed_events, zstd_level)).await??
    else {
        return Ok(None);
    };
    let blob_key = format!("sessions/{session_uuid}/keyframe-{keyframe_ms}.zst");
    state.stores.blobs.put_blob(&blob_key, blob).await?;
    recordings.record_synthetic_keyframe(session_uuid, keyframe_ms, &blob_key).await?;
    Ok(Some(keyframe_ms))
}

/// Replays events into a DOM mirror and compresses the keyframe it yields
/// (CPU work: runs on the background lane).
fn build_keyframe(events: &[Box<RawValue>], zstd_level: i32) -> StorageResult<Option<(i64, bytes::Bytes)>> {
    let mut mirror = KeyframeMirror::default();
    for raw in events {
        apply_raw(&mut mirror, raw);
    }
    let keyframe_ms = mirror.last_event_ms;
    let Some(keyframe_events) = mirror.keyframe_events(keyframe_ms) else { return Ok(None) };
    let raw_events: Vec<Box<RawValue>> =
        keyframe_events.iter().filter_map(|event| serde_json::value::to_raw_value(event).ok()).collect();
    Ok(Some((keyframe_ms, segment_codec::encode_events(&raw_events, zstd_level)?)))
}

fn apply_raw(mirror: &mut KeyframeMirror, raw: &RawValue) {
    if let Ok(event) = serde_json::from_str::<Value>(raw.get()) {
        mirror.apply(&event);
    }
}
