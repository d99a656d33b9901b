//! `RecordingIndex` on SQLite.

use async_trait::async_trait;
use bytes::Bytes;
use reel_storage::{
    AppendOutcome, ChunkIndexEntry, ExpiredSession, NewChunk, OpenChunk, RecordingIndex, SegmentRecord,
    SessionListQuery, SessionPage, StorageError, StorageErrorKind, StorageResult,
};
use reel_types::{ProjectSettings, SessionSummary, SignalCounts};
use rusqlite::{OptionalExtension, params, params_from_iter, types::Value as SqlValue};

use crate::connection::SqliteStore;
use crate::error::sqlite_error;
use crate::events::insert_events_in_transaction;
use crate::maintenance;
use crate::session_rows::{SESSION_COLUMNS, fold_chunk_into_session, session_from_row};

#[async_trait]
impl RecordingIndex for SqliteStore {
    async fn append_chunk(&self, chunk: NewChunk) -> StorageResult<AppendOutcome> {
        let mut outcomes = self.append_chunks(vec![chunk]).await?;
        outcomes.pop().ok_or_else(|| StorageError::new(StorageErrorKind::Internal, "no outcome for the appended chunk"))
    }

    async fn append_chunks(&self, chunks: Vec<NewChunk>) -> StorageResult<Vec<AppendOutcome>> {
        self.write(move |connection| {
            let transaction = connection.transaction().map_err(|error| sqlite_error("begin append", error))?;
            let mut outcomes = Vec::with_capacity(chunks.len());
            for chunk in &chunks {
                outcomes.push(append_in_transaction(&transaction, chunk)?);
            }
            transaction.commit().map_err(|error| sqlite_error("commit append", error))?;
            Ok(outcomes)
        })
        .await
    }

    async fn list_sessions(&self, query: SessionListQuery) -> StorageResult<SessionPage> {
        self.read(move |connection| list_sessions_page(connection, &query)).await
    }

    async fn find_session(&self, session_uuid: &str, project_ids: &[i64]) -> StorageResult<Option<SessionSummary>> {
        let session_uuid = session_uuid.to_owned();
        let project_ids = project_ids.to_vec();
        self.read(move |connection| {
            let found = connection
                .query_row(
                    &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE uuid = ?1"),
                    [session_uuid],
                    session_from_row,
                )
                .optional()
                .map_err(|error| sqlite_error("find session", error))?;
            Ok(found.filter(|session| project_ids.contains(&session.project_id)))
        })
        .await
    }

    async fn session_capture_settings(&self, session_uuid: &str) -> StorageResult<Option<ProjectSettings>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| {
            let text: Option<Option<String>> = connection
                .prepare_cached("SELECT capture_settings FROM sessions WHERE uuid = ?1")
                .and_then(|mut statement| statement.query_row([session_uuid], |row| row.get(0)).optional())
                .map_err(|error| sqlite_error("read capture settings", error))?;
            Ok(text.flatten().and_then(|text| serde_json::from_str(&text).ok()))
        })
        .await
    }

    async fn find_sessions(&self, session_uuids: &[String], project_ids: &[i64]) -> StorageResult<Vec<SessionSummary>> {
        let session_uuids = session_uuids.to_vec();
        let project_ids = project_ids.to_vec();
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE uuid = ?1"))
                .map_err(|error| sqlite_error("find sessions", error))?;
            let mut sessions = Vec::with_capacity(session_uuids.len());
            for session_uuid in &session_uuids {
                let found = statement
                    .query_row([session_uuid], session_from_row)
                    .optional()
                    .map_err(|error| sqlite_error("find sessions", error))?;
                sessions.extend(found.filter(|session| project_ids.contains(&session.project_id)));
            }
            Ok(sessions)
        })
        .await
    }

    async fn list_open_chunks(&self, session_uuid: &str, from_ms: i64, to_ms: i64) -> StorageResult<Vec<OpenChunk>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(
                    "SELECT id, session_uuid, sequence, first_event_ms, last_event_ms, event_count, payload, keyframe_ms, page_url FROM chunks
                     WHERE session_uuid = ?1 AND segment_id IS NULL AND first_event_ms < ?3 AND last_event_ms >= ?2
                     ORDER BY sequence",
                )
                .map_err(|error| sqlite_error("list open chunks", error))?;
            let rows = statement
                .query_map(params![session_uuid, from_ms, to_ms], |row| {
                    Ok(OpenChunk {
                        chunk_id: row.get(0)?,
                        session_uuid: row.get(1)?,
                        sequence: row.get::<_, i64>(2)? as u64,
                        first_event_ms: row.get(3)?,
                        last_event_ms: row.get(4)?,
                        event_count: row.get::<_, i64>(5)? as u64,
                        payload: Bytes::from(row.get::<_, Vec<u8>>(6)?),
                        keyframe_ms: row.get(7)?,
                        page_url: row.get(8)?,
                    })
                })
                .map_err(|error| sqlite_error("list open chunks", error))?;
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list open chunks", error))
        })
        .await
    }

    async fn list_segments(&self, session_uuid: &str, from_ms: i64, to_ms: i64) -> StorageResult<Vec<SegmentRecord>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(
                    "SELECT session_uuid, blob_key, first_sequence, last_sequence, start_ms, end_ms, event_count, byte_size,
                     starts_with_keyframe, page_url FROM segments WHERE session_uuid = ?1 AND start_ms < ?3 AND end_ms >= ?2 ORDER BY first_sequence",
                )
                .map_err(|error| sqlite_error("list segments", error))?;
            let rows = statement
                .query_map(params![session_uuid, from_ms, to_ms], |row| {
                    Ok(SegmentRecord {
                        session_uuid: row.get(0)?,
                        blob_key: row.get(1)?,
                        first_sequence: row.get::<_, i64>(2)? as u64,
                        last_sequence: row.get::<_, i64>(3)? as u64,
                        start_ms: row.get(4)?,
                        end_ms: row.get(5)?,
                        event_count: row.get::<_, i64>(6)? as u64,
                        byte_size: row.get::<_, i64>(7)? as u64,
                        starts_with_keyframe: row.get(8)?,
                        page_url: row.get(9)?,
                    })
                })
                .map_err(|error| sqlite_error("list segments", error))?;
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list segments", error))
        })
        .await
    }

    async fn sessions_ready_to_close(
        &self,
        idle_since_ms: i64,
        open_since_ms: i64,
        open_bytes_max: u64,
        limit: u32,
    ) -> StorageResult<Vec<String>> {
        let open_bytes_max = i64::try_from(open_bytes_max).unwrap_or(i64::MAX);
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(
                    "SELECT session_uuid FROM chunks WHERE segment_id IS NULL GROUP BY session_uuid
                     HAVING MAX(received_at_ms) < ?1 OR MIN(received_at_ms) < ?2 OR SUM(byte_size) >= ?3
                     ORDER BY MIN(received_at_ms) LIMIT ?4",
                )
                .map_err(|error| sqlite_error("find sessions to close", error))?;
            let rows = statement
                .query_map(params![idle_since_ms, open_since_ms, open_bytes_max, limit], |row| row.get::<_, String>(0))
                .map_err(|error| sqlite_error("find sessions to close", error))?;
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("find sessions to close", error))
        })
        .await
    }

    async fn commit_segment(&self, segment: SegmentRecord, closed_chunk_ids: &[i64]) -> StorageResult<()> {
        let closed_chunk_ids = closed_chunk_ids.to_vec();
        self.write(move |connection| {
            let transaction = connection.transaction().map_err(|error| sqlite_error("begin segment", error))?;
            transaction
                .execute(
                    "INSERT INTO segments (session_uuid, blob_key, first_sequence, last_sequence, start_ms, end_ms, event_count, byte_size, starts_with_keyframe, page_url)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        segment.session_uuid,
                        segment.blob_key,
                        segment.first_sequence as i64,
                        segment.last_sequence as i64,
                        segment.start_ms,
                        segment.end_ms,
                        segment.event_count as i64,
                        segment.byte_size as i64,
                        segment.starts_with_keyframe,
                        segment.page_url,
                    ],
                )
                .map_err(|error| sqlite_error("insert segment", error))?;
            let segment_id = transaction.last_insert_rowid();
            for chunk_id in &closed_chunk_ids {
                let updated = transaction
                    .execute(
                        "UPDATE chunks SET segment_id = ?1, payload = NULL WHERE id = ?2 AND segment_id IS NULL",
                        params![segment_id, chunk_id],
                    )
                    .map_err(|error| sqlite_error("close chunk", error))?;
                if updated != 1 {
                    return Err(StorageError::new(StorageErrorKind::Conflict, format!("chunk {chunk_id} is not open")));
                }
            }
            transaction.commit().map_err(|error| sqlite_error("commit segment", error))
        })
        .await
    }

    async fn set_signal_counts(&self, session_uuid: &str, counts: SignalCounts) -> StorageResult<()> {
        let session_uuid = session_uuid.to_owned();
        self.write(move |connection| {
            connection
                .execute(
                    "UPDATE sessions SET rage_click_count = ?2, dead_click_count = ?3, error_click_count = ?4, thrashed_cursor_count = ?5
                     WHERE uuid = ?1",
                    params![
                        session_uuid,
                        counts.rage_clicks as i64,
                        counts.dead_clicks as i64,
                        counts.error_clicks as i64,
                        counts.thrashed_cursors as i64
                    ],
                )
                .map(|_| ())
                .map_err(|error| sqlite_error("set signal counts", error))
        })
        .await
    }

    async fn list_chunk_index(&self, session_uuid: &str) -> StorageResult<Vec<ChunkIndexEntry>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| maintenance::list_chunk_index(connection, &session_uuid)).await
    }

    async fn find_keyframe_at_or_before(&self, session_uuid: &str, at_ms: i64) -> StorageResult<Option<i64>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| maintenance::find_keyframe_at_or_before(connection, &session_uuid, at_ms)).await
    }

    async fn record_synthetic_keyframe(
        &self,
        session_uuid: &str,
        keyframe_ms: i64,
        blob_key: &str,
    ) -> StorageResult<()> {
        let (session_uuid, blob_key) = (session_uuid.to_owned(), blob_key.to_owned());
        self.write(move |connection| {
            maintenance::record_synthetic_keyframe(connection, &session_uuid, keyframe_ms, &blob_key)
        })
        .await
    }

    async fn find_synthetic_keyframe_at_or_before(
        &self,
        session_uuid: &str,
        at_ms: i64,
    ) -> StorageResult<Option<(i64, String)>> {
        let session_uuid = session_uuid.to_owned();
        self.read(move |connection| maintenance::find_synthetic_keyframe_at_or_before(connection, &session_uuid, at_ms))
            .await
    }

    async fn list_expired_sessions(&self, now_ms: i64, limit: u32) -> StorageResult<Vec<ExpiredSession>> {
        self.read(move |connection| maintenance::list_expired_sessions(connection, now_ms, limit)).await
    }

    async fn delete_session(&self, session_uuid: &str) -> StorageResult<()> {
        let session_uuid = session_uuid.to_owned();
        self.write(move |connection| maintenance::delete_session(connection, &session_uuid)).await
    }
}

fn list_sessions_page(connection: &mut rusqlite::Connection, query: &SessionListQuery) -> StorageResult<SessionPage> {
    if query.project_ids.is_empty() {
        return Ok(SessionPage { sessions: Vec::new(), next_cursor: None });
    }
    let placeholders = vec!["?"; query.project_ids.len()].join(", ");
    let mut values: Vec<SqlValue> = query.project_ids.iter().map(|id| SqlValue::Integer(*id)).collect();
    let mut cursor_clause = String::new();
    let filters = &query.filters;
    let filter_conditions = [
        (filters.has_rage_clicks, " AND rage_click_count > 0"),
        (filters.has_dead_clicks, " AND dead_click_count > 0"),
        (filters.has_errors, " AND (error_count > 0 OR error_click_count > 0)"),
    ];
    let filter_clause: String =
        filter_conditions.iter().filter(|(enabled, _)| *enabled).map(|(_, condition)| *condition).collect();
    if let Some((start_time_ms, uuid)) = query.cursor.as_deref().and_then(parse_cursor) {
        cursor_clause = " AND (start_time_ms < ? OR (start_time_ms = ? AND uuid < ?))".to_owned();
        values.extend([SqlValue::Integer(start_time_ms), SqlValue::Integer(start_time_ms), SqlValue::Text(uuid)]);
    }
    values.push(SqlValue::Integer(i64::from(query.limit) + 1));
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM sessions WHERE project_id IN ({placeholders}){filter_clause}{cursor_clause}
         ORDER BY start_time_ms DESC, uuid DESC LIMIT ?"
    );
    let mut statement = connection.prepare(&sql).map_err(|error| sqlite_error("list sessions", error))?;
    let rows = statement
        .query_map(params_from_iter(values), session_from_row)
        .map_err(|error| sqlite_error("list sessions", error))?;
    let mut sessions = rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list sessions", error))?;
    let mut next_cursor = None;
    if sessions.len() > query.limit as usize {
        sessions.truncate(query.limit as usize);
        next_cursor = sessions.last().map(|last| format!("{}_{}", last.start_time_ms, last.id));
    }
    Ok(SessionPage { sessions, next_cursor })
}

fn parse_cursor(cursor: &str) -> Option<(i64, String)> {
    let (start_time_ms, uuid) = cursor.split_once('_')?;
    Some((start_time_ms.parse().ok()?, uuid.to_owned()))
}

/// Stores one chunk inside an open transaction; a repeated (session,
/// sequence) changes nothing.
fn append_in_transaction(transaction: &rusqlite::Transaction<'_>, chunk: &NewChunk) -> StorageResult<AppendOutcome> {
    let session_uuid = chunk.key.uuid();
    let sequence = match chunk.sequence {
        Some(sequence) => sequence as i64,
        None => transaction
            .query_row(
                "SELECT COALESCE(MAX(sequence), -1) + 1 FROM chunks WHERE session_uuid = ?1",
                [&session_uuid],
                |row| row.get(0),
            )
            .map_err(|error| sqlite_error("next sequence", error))?,
    };
    let session_existed = transaction
        .query_row("SELECT 1 FROM sessions WHERE uuid = ?1", [&session_uuid], |_| Ok(()))
        .optional()
        .map_err(|error| sqlite_error("find session", error))?
        .is_some();
    let inserted = transaction
        .prepare_cached(
            "INSERT INTO chunks (session_uuid, sequence, first_event_ms, last_event_ms, event_count, byte_size, received_at_ms, payload, keyframe_ms, page_url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (session_uuid, sequence) DO NOTHING",
        )
        .and_then(|mut statement| {
            statement.execute(params![
                session_uuid,
                sequence,
                chunk.summary.first_event_ms,
                chunk.summary.last_event_ms,
                chunk.summary.event_count as i64,
                chunk.payload.len() as i64,
                chunk.received_at_ms,
                chunk.payload.as_ref(),
                chunk.summary.keyframe_ms,
                chunk.summary.page_urls.first(),
            ])
        })
        .map_err(|error| sqlite_error("insert chunk", error))?;
    if inserted == 0 {
        return Ok(AppendOutcome::Duplicate);
    }
    fold_chunk_into_session(transaction, chunk, sequence)
        .map_err(|error| sqlite_error("update session index", error))?;
    if !session_existed {
        insert_events_in_transaction(transaction, &chunk.events_on_session_creation)?;
    }
    Ok(AppendOutcome::Stored)
}
