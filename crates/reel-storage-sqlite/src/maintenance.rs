//! Index queries for seeking, gaps and retention.

use reel_storage::{ChunkIndexEntry, ExpiredSession, StorageResult};
use rusqlite::{Connection, params};

use crate::error::sqlite_error;

pub fn list_chunk_index(connection: &mut Connection, session_uuid: &str) -> StorageResult<Vec<ChunkIndexEntry>> {
    let mut statement = connection
        .prepare_cached(
            "SELECT sequence, first_event_ms, last_event_ms, keyframe_ms, received_at_ms FROM chunks
             WHERE session_uuid = ?1 ORDER BY sequence",
        )
        .map_err(|error| sqlite_error("list chunk index", error))?;
    let rows = statement
        .query_map([session_uuid], |row| {
            Ok(ChunkIndexEntry {
                sequence: row.get::<_, i64>(0)? as u64,
                first_event_ms: row.get(1)?,
                last_event_ms: row.get(2)?,
                keyframe_ms: row.get(3)?,
                received_at_ms: row.get(4)?,
            })
        })
        .map_err(|error| sqlite_error("list chunk index", error))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list chunk index", error))
}

pub fn find_keyframe_at_or_before(
    connection: &mut Connection,
    session_uuid: &str,
    at_ms: i64,
) -> StorageResult<Option<i64>> {
    let latest_before: Option<i64> = connection
        .query_row(
            "SELECT MAX(keyframe_ms) FROM chunks WHERE session_uuid = ?1 AND keyframe_ms IS NOT NULL AND keyframe_ms <= ?2",
            params![session_uuid, at_ms],
            |row| row.get(0),
        )
        .map_err(|error| sqlite_error("find keyframe", error))?;
    if latest_before.is_some() {
        return Ok(latest_before);
    }
    connection
        .query_row(
            "SELECT MIN(keyframe_ms) FROM chunks WHERE session_uuid = ?1 AND keyframe_ms IS NOT NULL",
            [session_uuid],
            |row| row.get(0),
        )
        .map_err(|error| sqlite_error("find first keyframe", error))
}

pub fn list_expired_sessions(
    connection: &mut Connection,
    now_ms: i64,
    limit: u32,
) -> StorageResult<Vec<ExpiredSession>> {
    let uuids: Vec<String> = {
        let mut statement = connection
            .prepare_cached("SELECT uuid FROM sessions WHERE expires_at_ms < ?1 ORDER BY expires_at_ms LIMIT ?2")
            .map_err(|error| sqlite_error("list expired sessions", error))?;
        let rows = statement
            .query_map(params![now_ms, limit], |row| row.get::<_, String>(0))
            .map_err(|error| sqlite_error("list expired sessions", error))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list expired sessions", error))?
    };
    let mut expired = Vec::with_capacity(uuids.len());
    let mut statement = connection
        .prepare_cached("SELECT blob_key FROM segments WHERE session_uuid = ?1 UNION ALL SELECT blob_key FROM synthetic_keyframes WHERE session_uuid = ?1")
        .map_err(|error| sqlite_error("list expired blobs", error))?;
    for session_uuid in uuids {
        let rows = statement
            .query_map([&session_uuid], |row| row.get::<_, String>(0))
            .map_err(|error| sqlite_error("list expired blobs", error))?;
        let blob_keys =
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list expired blobs", error))?;
        expired.push(ExpiredSession { session_uuid, blob_keys });
    }
    Ok(expired)
}

pub fn delete_session(connection: &mut Connection, session_uuid: &str) -> StorageResult<()> {
    let transaction = connection.transaction().map_err(|error| sqlite_error("begin delete", error))?;
    for statement in [
        "DELETE FROM chunks WHERE session_uuid = ?1",
        "DELETE FROM segments WHERE session_uuid = ?1",
        "DELETE FROM synthetic_keyframes WHERE session_uuid = ?1",
        "DELETE FROM session_pages WHERE session_uuid = ?1",
        "DELETE FROM sessions WHERE uuid = ?1",
    ] {
        transaction.execute(statement, [session_uuid]).map_err(|error| sqlite_error("delete session", error))?;
    }
    transaction.commit().map_err(|error| sqlite_error("commit delete", error))?;
    Ok(())
}

pub fn record_synthetic_keyframe(
    connection: &mut Connection,
    session_uuid: &str,
    keyframe_ms: i64,
    blob_key: &str,
) -> StorageResult<()> {
    connection
        .execute(
            "INSERT INTO synthetic_keyframes (session_uuid, keyframe_ms, blob_key) VALUES (?1, ?2, ?3)
             ON CONFLICT (session_uuid, keyframe_ms) DO UPDATE SET blob_key = excluded.blob_key",
            params![session_uuid, keyframe_ms, blob_key],
        )
        .map(|_| ())
        .map_err(|error| sqlite_error("record synthetic keyframe", error))
}

pub fn find_synthetic_keyframe_at_or_before(
    connection: &mut Connection,
    session_uuid: &str,
    at_ms: i64,
) -> StorageResult<Option<(i64, String)>> {
    use rusqlite::OptionalExtension;
    connection
        .query_row(
            "SELECT keyframe_ms, blob_key FROM synthetic_keyframes WHERE session_uuid = ?1 AND keyframe_ms <= ?2
             ORDER BY keyframe_ms DESC LIMIT 1",
            params![session_uuid, at_ms],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(|error| sqlite_error("find synthetic keyframe", error))
}
