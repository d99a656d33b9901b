use super::violated;
use crate::StorageResult;
use bytes::Bytes;
use reel_types::{BatchSummary, SessionKey};

use crate::{AppendOutcome, NewChunk, RecordingIndex, SegmentRecord, SessionListQuery};

fn key(project_id: i64, device_id: &str, session_id: i64) -> SessionKey {
    SessionKey { project_id, device_id: device_id.into(), session_id }
}

fn chunk(session: &SessionKey, sequence: u64, first_event_ms: i64, urls: &[&str], clicks: u64) -> NewChunk {
    NewChunk {
        key: session.clone(),
        user_id: None,
        sequence: Some(sequence),
        received_at_ms: 10_000 + sequence as i64,
        retention_days: 30,
        summary: BatchSummary {
            first_event_ms,
            last_event_ms: first_event_ms + 500,
            event_count: 10,
            page_urls: urls.iter().map(|url| url.to_string()).collect(),
            click_count: clicks,
            error_count: u64::from(sequence == 2),
            has_full_snapshot: !urls.is_empty(),
            keyframe_ms: (!urls.is_empty()).then_some(first_event_ms + 1),
        },
        payload: Bytes::from(format!("payload-{sequence}")),
        events_on_session_creation: Vec::new(),
        country: Some("DE".into()),
        capture_settings: Some(reel_types::ProjectSettings::default()),
    }
}

/// Appends, dedupe, the session index, paging, and closing into segments.
pub async fn check_recording_index(index: &dyn RecordingIndex) -> StorageResult<()> {
    let session = key(1, "device-a", 1_000);
    let uuid = session.uuid();
    // Out of order: sequence 1 arrives before sequence 0.
    assert_eq!(index.append_chunk(chunk(&session, 1, 2_000, &["http://shop/cart"], 2)).await?, AppendOutcome::Stored);
    assert_eq!(index.append_chunk(chunk(&session, 0, 1_000, &["http://shop/"], 1)).await?, AppendOutcome::Stored);
    let mut repeated = chunk(&session, 0, 1_000, &["http://shop/"], 1);
    repeated.payload = Bytes::from_static(b"changed");
    assert_eq!(index.append_chunk(repeated).await?, AppendOutcome::Duplicate);
    let mut with_user = chunk(&session, 2, 3_000, &[], 0);
    with_user.user_id = Some("alice".into());
    index.append_chunk(with_user).await?;

    let summary = index.find_session(&uuid, &[1]).await?.ok_or_else(|| violated("session is indexed"))?;
    assert_eq!(summary.id, uuid);
    assert_eq!((summary.start_time_ms, summary.end_time_ms, summary.duration_ms), (1_000, 3_500, 2_500));
    assert_eq!(summary.first_url.as_deref(), Some("http://shop/"));
    assert_eq!((summary.page_count, summary.click_count, summary.error_count), (2, 3, 1));
    assert_eq!((summary.event_count, summary.batch_count), (30, 3));
    assert_eq!(summary.user_id.as_deref(), Some("alice"));
    assert_eq!(summary.replay_id, "device-a/1000");
    assert_eq!(summary.start_time, "1970-01-01T00:00:01.000Z");
    assert!(index.find_session(&uuid, &[2]).await?.is_none(), "other projects cannot see it");
    assert_eq!(summary.country.as_deref(), Some("DE"), "the creating chunk's country is kept");
    let kept = index.session_capture_settings(&uuid).await?.ok_or_else(|| violated("capture settings are kept"))?;
    assert_eq!(kept, reel_types::ProjectSettings::default());
    assert_eq!(index.session_capture_settings("unknown").await?, None);

    let open = index.list_open_chunks(&uuid, 0, i64::MAX).await?;
    assert_eq!(open.iter().map(|chunk| chunk.sequence).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(open[0].payload, Bytes::from_static(b"payload-0"), "a duplicate never overwrites");
    let windowed = index.list_open_chunks(&uuid, 2_600, 2_900).await?;
    assert!(windowed.is_empty(), "no chunk overlaps [2600, 2900)");
    let windowed = index.list_open_chunks(&uuid, 1_400, 2_100).await?;
    assert_eq!(windowed.iter().map(|chunk| chunk.sequence).collect::<Vec<_>>(), [0, 1]);

    assert_eq!(summary.retention_days, 30);
    assert_eq!(open[0].keyframe_ms, Some(1_001));
    assert_eq!(open[0].page_url.as_deref(), Some("http://shop/"));
    check_keyframes_and_chunk_index(index, &uuid).await?;
    check_closing_segments(index, &uuid, &open).await?;
    check_session_list(index).await?;
    check_retention(index).await?;
    check_assigned_sequences(index).await?;
    check_group_append(index).await?;
    check_synthetic_keyframes(index).await?;
    check_find_sessions(index, &uuid).await
}

/// Several sessions by uuid, in the asked order, only from the given projects.
async fn check_find_sessions(index: &dyn RecordingIndex, uuid: &str) -> StorageResult<()> {
    let other = key(3, "device-b", 5);
    index.append_chunk(chunk(&other, 0, 900, &["http://shop/b"], 0)).await?;
    let asked = [other.uuid(), "unknown".into(), uuid.to_owned()];
    let found = index.find_sessions(&asked, &[1, 3]).await?;
    assert_eq!(found.iter().map(|session| session.id.clone()).collect::<Vec<_>>(), [other.uuid(), uuid.to_owned()]);
    assert!(index.find_sessions(&[uuid.to_owned()], &[2]).await?.is_empty(), "only the given projects");
    Ok(())
}

async fn check_synthetic_keyframes(index: &dyn RecordingIndex) -> StorageResult<()> {
    let session = key(5, "synthetic-device", 9).uuid();
    index.append_chunk(chunk(&key(5, "synthetic-device", 9), 0, 100, &["http://shop/"], 0)).await?;
    assert_eq!(index.find_synthetic_keyframe_at_or_before(&session, 10_000).await?, None);
    index.record_synthetic_keyframe(&session, 5_000, "keyframes/a").await?;
    index.record_synthetic_keyframe(&session, 9_000, "keyframes/b").await?;
    assert_eq!(index.find_synthetic_keyframe_at_or_before(&session, 8_999).await?, Some((5_000, "keyframes/a".into())));
    assert_eq!(
        index.find_synthetic_keyframe_at_or_before(&session, 20_000).await?,
        Some((9_000, "keyframes/b".into()))
    );
    assert_eq!(index.find_synthetic_keyframe_at_or_before(&session, 4_000).await?, None);
    let expired = index.list_expired_sessions(i64::MAX, 1_000).await?;
    let blobs = &expired
        .iter()
        .find(|expired| expired.session_uuid == session)
        .ok_or_else(|| violated("the expired session"))?
        .blob_keys;
    assert!(
        blobs.contains(&"keyframes/a".to_string()) && blobs.contains(&"keyframes/b".to_string()),
        "retention deletes them too"
    );
    index.delete_session(&session).await?;
    assert_eq!(index.find_synthetic_keyframe_at_or_before(&session, 20_000).await?, None);
    Ok(())
}

async fn check_group_append(index: &dyn RecordingIndex) -> StorageResult<()> {
    let session = key(4, "group-device", 5);
    let outcomes = index
        .append_chunks(vec![
            chunk(&session, 0, 10, &[], 0),
            chunk(&session, 1, 20, &[], 1),
            chunk(&session, 0, 10, &[], 0),
        ])
        .await?;
    assert_eq!(outcomes, [AppendOutcome::Stored, AppendOutcome::Stored, AppendOutcome::Duplicate]);
    let summary =
        index.find_session(&session.uuid(), &[4]).await?.ok_or_else(|| violated("a stored record is missing"))?;
    assert_eq!((summary.batch_count, summary.click_count), (2, 1));
    Ok(())
}

async fn check_assigned_sequences(index: &dyn RecordingIndex) -> StorageResult<()> {
    let session = key(3, "no-sequence-device", 77);
    for first_event_ms in [100, 200, 300] {
        let mut unnumbered = chunk(&session, 0, first_event_ms, &[], 0);
        unnumbered.sequence = None;
        assert_eq!(index.append_chunk(unnumbered).await?, AppendOutcome::Stored);
    }
    let sequences: Vec<u64> =
        index.list_chunk_index(&session.uuid()).await?.iter().map(|entry| entry.sequence).collect();
    assert_eq!(sequences, [0, 1, 2], "the store numbers uploads that carry no sequence");
    Ok(())
}

async fn check_keyframes_and_chunk_index(index: &dyn RecordingIndex, uuid: &str) -> StorageResult<()> {
    // Keyframes at 1_001 (sequence 0) and 2_001 (sequence 1).
    assert_eq!(index.find_keyframe_at_or_before(uuid, 5_000).await?, Some(2_001));
    assert_eq!(index.find_keyframe_at_or_before(uuid, 2_000).await?, Some(1_001));
    assert_eq!(index.find_keyframe_at_or_before(uuid, 10).await?, Some(1_001), "before the first: the first");
    assert_eq!(index.find_keyframe_at_or_before("no-such-session", 10).await?, None);
    let entries = index.list_chunk_index(uuid).await?;
    assert_eq!(entries.iter().map(|entry| entry.sequence).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(entries[2].keyframe_ms, None);
    assert_eq!((entries[1].first_event_ms, entries[1].last_event_ms), (2_000, 2_500));
    Ok(())
}

async fn check_retention(index: &dyn RecordingIndex) -> StorageResult<()> {
    let short = key(9, "retention-device", 50);
    let mut first_chunk = chunk(&short, 0, 50, &["http://shop/"], 0);
    first_chunk.retention_days = 1;
    index.append_chunk(first_chunk).await?;
    let short_uuid = short.uuid();
    let one_day_ms = 86_400_000;
    // Received at 10_000 with 1 day of retention: expires at 10_000 + one day.
    assert!(index.list_expired_sessions(10_000 + one_day_ms - 1, 10).await?.is_empty());
    let expired = index.list_expired_sessions(10_000 + one_day_ms + 1, 10).await?;
    assert_eq!(expired.len(), 1, "the 30-day sessions are not expired yet");
    assert_eq!(expired[0].session_uuid, short_uuid);
    index.delete_session(&short_uuid).await?;
    assert!(index.find_session(&short_uuid, &[9]).await?.is_none());
    assert!(index.list_chunk_index(&short_uuid).await?.is_empty());
    assert!(index.list_expired_sessions(10_000 + one_day_ms + 1, 10).await?.is_empty());
    let all_expired = index.list_expired_sessions(10_000 + 31 * one_day_ms, 100).await?;
    let with_segment = all_expired
        .iter()
        .find(|session| !session.blob_keys.is_empty())
        .ok_or_else(|| violated("a session with a segment"))?;
    assert_eq!(with_segment.blob_keys.len(), 1);
    Ok(())
}

async fn check_closing_segments(
    index: &dyn RecordingIndex,
    uuid: &str,
    open: &[crate::OpenChunk],
) -> StorageResult<()> {
    assert!(index.sessions_ready_to_close(10_000, 0, u64::MAX, 10).await?.is_empty(), "not idle yet");
    assert_eq!(index.sessions_ready_to_close(20_000, 0, u64::MAX, 10).await?, [uuid.to_string()]);
    assert_eq!(index.sessions_ready_to_close(0, 10_001, u64::MAX, 10).await?, [uuid.to_string()], "open too long");
    assert_eq!(index.sessions_ready_to_close(0, 0, 1, 10).await?, [uuid.to_string()], "over the byte limit");
    let segment = SegmentRecord {
        session_uuid: uuid.to_string(),
        blob_key: format!("segments/{uuid}/0-1"),
        first_sequence: 0,
        last_sequence: 1,
        start_ms: 1_000,
        end_ms: 2_500,
        event_count: 20,
        byte_size: 123,
        starts_with_keyframe: true,
        page_url: Some("http://shop/".into()),
    };
    let closed_ids: Vec<i64> = open.iter().take(2).map(|chunk| chunk.chunk_id).collect();
    index.commit_segment(segment.clone(), &closed_ids).await?;
    let still_open = index.list_open_chunks(uuid, 0, i64::MAX).await?;
    assert_eq!(still_open.iter().map(|chunk| chunk.sequence).collect::<Vec<_>>(), [2]);
    assert_eq!(index.list_segments(uuid, 0, i64::MAX).await?, vec![segment]);
    assert!(index.list_segments(uuid, 2_600, 5_000).await?.is_empty());
    let session_key = key(1, "device-a", 1_000);
    let resent = chunk(&session_key, 0, 1_000, &["http://shop/"], 1);
    assert_eq!(index.append_chunk(resent).await?, AppendOutcome::Duplicate, "dedupe survives closing");
    Ok(())
}

async fn check_session_list(index: &dyn RecordingIndex) -> StorageResult<()> {
    for session_number in 0..5_i64 {
        let session = key(1, &format!("list-device-{session_number}"), 100_000 + session_number);
        index.append_chunk(chunk(&session, 0, 100_000 + session_number * 1_000, &["http://shop/"], 0)).await?;
    }
    index.append_chunk(chunk(&key(2, "elsewhere", 5), 0, 900_000, &[], 0)).await?;
    let first_page = index
        .list_sessions(SessionListQuery { project_ids: vec![1], limit: 4, cursor: None, filters: Default::default() })
        .await?;
    let starts: Vec<i64> = first_page.sessions.iter().map(|session| session.start_time_ms).collect();
    assert_eq!(starts, [104_000, 103_000, 102_000, 101_000]);
    let second_page = index
        .list_sessions(SessionListQuery {
            project_ids: vec![1],
            limit: 4,
            cursor: first_page.next_cursor.clone(),
            filters: Default::default(),
        })
        .await?;
    let starts: Vec<i64> = second_page.sessions.iter().map(|session| session.start_time_ms).collect();
    assert_eq!(starts, [100_000, 1_000]);
    assert_eq!(second_page.next_cursor, None);
    let both = index
        .list_sessions(SessionListQuery {
            project_ids: vec![1, 2],
            limit: 100,
            cursor: None,
            filters: Default::default(),
        })
        .await?;
    assert_eq!(both.sessions.len(), 7);
    assert_eq!(both.sessions[0].project_id, 2);
    let rage_session = key(1, "list-device-2", 100_002).uuid();
    let counts = reel_types::SignalCounts { rage_clicks: 2, dead_clicks: 0, error_clicks: 1, thrashed_cursors: 0 };
    index.set_signal_counts(&rage_session, counts).await?;
    let filtered = |filters: crate::SessionFilters| SessionListQuery {
        project_ids: vec![1, 2],
        limit: 100,
        cursor: None,
        filters,
    };
    let with_rage =
        index.list_sessions(filtered(crate::SessionFilters { has_rage_clicks: true, ..Default::default() })).await?;
    assert_eq!(with_rage.sessions.iter().map(|session| session.id.clone()).collect::<Vec<_>>(), vec![rage_session]);
    assert_eq!(with_rage.sessions[0].signal_counts, counts);
    let with_dead =
        index.list_sessions(filtered(crate::SessionFilters { has_dead_clicks: true, ..Default::default() })).await?;
    assert!(with_dead.sessions.is_empty());
    // Errors: the first session has a runtime error; this one an error click.
    let with_errors =
        index.list_sessions(filtered(crate::SessionFilters { has_errors: true, ..Default::default() })).await?;
    assert_eq!(with_errors.sessions.len(), 2);
    Ok(())
}
