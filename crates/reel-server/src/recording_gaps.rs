//! Gaps in a recording: batches the SDK numbered but the server never got.

use reel_storage::ChunkIndexEntry;
use serde::Serialize;

/// A stretch of the recording that is missing; the player shows it as a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordingGap {
    /// The first missing sequence number.
    pub first_missing_sequence: u64,
    pub missing_batch_count: u64,
    /// The gap lies between these times (the neighbours' last and first events).
    pub start_ms: i64,
    pub end_ms: i64,
}

/// Finds missing sequence numbers in the chunk index (ordered by sequence).
pub fn find_missing_batches(entries: &[ChunkIndexEntry]) -> Vec<RecordingGap> {
    let mut gaps = Vec::new();
    if let Some(first) = entries.first()
        && first.sequence > 0
    {
        gaps.push(RecordingGap {
            first_missing_sequence: 0,
            missing_batch_count: first.sequence,
            start_ms: first.first_event_ms,
            end_ms: first.first_event_ms,
        });
    }
    for pair in entries.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if after.sequence > before.sequence + 1 {
            gaps.push(RecordingGap {
                first_missing_sequence: before.sequence + 1,
                missing_batch_count: after.sequence - before.sequence - 1,
                start_ms: before.last_event_ms,
                end_ms: after.first_event_ms,
            });
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(sequence: u64, first_event_ms: i64) -> ChunkIndexEntry {
        ChunkIndexEntry {
            sequence,
            first_event_ms,
            last_event_ms: first_event_ms + 10,
            keyframe_ms: None,
            received_at_ms: 0,
        }
    }

    #[test]
    fn finds_missing_sequences_including_a_missing_start() {
        let entries = [entry(1, 100), entry(2, 200), entry(5, 500), entry(6, 600)];
        let gaps = find_missing_batches(&entries);
        assert_eq!(gaps.len(), 2);
        assert_eq!((gaps[0].first_missing_sequence, gaps[0].missing_batch_count), (0, 1));
        assert_eq!((gaps[1].first_missing_sequence, gaps[1].missing_batch_count), (3, 2));
        assert_eq!((gaps[1].start_ms, gaps[1].end_ms), (210, 500));
    }

    #[test]
    fn a_complete_recording_has_no_gaps() {
        assert!(find_missing_batches(&[entry(0, 0), entry(1, 10), entry(2, 20)]).is_empty());
        assert!(find_missing_batches(&[]).is_empty());
    }
}
