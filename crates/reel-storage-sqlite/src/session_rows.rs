//! Folding a batch summary into the session index row, and reading rows back.

use reel_storage::NewChunk;
use reel_types::{SessionSummary, SignalCounts, format_epoch_ms_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};

pub const SESSION_COLUMNS: &str = "uuid, project_id, device_id, session_id, user_id, start_time_ms, end_time_ms, \
     first_url, page_count, click_count, error_count, event_count, batch_count, retention_days, \
     rage_click_count, dead_click_count, error_click_count, thrashed_cursor_count, country";

pub fn session_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SessionSummary> {
    let device_id: String = row.get(2)?;
    let session_id: i64 = row.get(3)?;
    let start_time_ms: i64 = row.get(5)?;
    let end_time_ms: i64 = row.get(6)?;
    Ok(SessionSummary {
        id: row.get(0)?,
        project_id: row.get(1)?,
        replay_id: format!("{device_id}/{session_id}"),
        device_id,
        session_id,
        user_id: row.get(4)?,
        start_time: format_epoch_ms_rfc3339(start_time_ms),
        start_time_ms,
        end_time_ms,
        duration_ms: end_time_ms - start_time_ms,
        first_url: row.get(7)?,
        page_count: row.get::<_, i64>(8)? as u64,
        click_count: row.get::<_, i64>(9)? as u64,
        error_count: row.get::<_, i64>(10)? as u64,
        event_count: row.get::<_, i64>(11)? as u64,
        batch_count: row.get::<_, i64>(12)? as u64,
        retention_days: row.get(13)?,
        signal_counts: SignalCounts {
            rage_clicks: row.get::<_, i64>(14)? as u64,
            dead_clicks: row.get::<_, i64>(15)? as u64,
            error_clicks: row.get::<_, i64>(16)? as u64,
            thrashed_cursors: row.get::<_, i64>(17)? as u64,
        },
        country: row.get(18)?,
    })
}

struct UrlState {
    first_url_sequence: Option<i64>,
    last_url: Option<String>,
}

/// Creates or updates the session row for one stored chunk.
pub fn fold_chunk_into_session(transaction: &Transaction<'_>, chunk: &NewChunk, sequence: i64) -> rusqlite::Result<()> {
    let uuid = chunk.key.uuid();
    let summary = &chunk.summary;
    let existing = transaction
        .query_row("SELECT first_url_sequence, last_url FROM sessions WHERE uuid = ?1", [&uuid], |row| {
            Ok(UrlState { first_url_sequence: row.get(0)?, last_url: row.get(1)? })
        })
        .optional()?;
    if existing.is_none() {
        transaction.execute(
            "INSERT INTO sessions (uuid, project_id, device_id, session_id, start_time_ms, end_time_ms, retention_days, expires_at_ms, country, capture_settings)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                uuid,
                chunk.key.project_id,
                chunk.key.device_id,
                chunk.key.session_id,
                summary.first_event_ms,
                summary.last_event_ms,
                chunk.retention_days,
                chunk.received_at_ms.saturating_add(i64::from(chunk.retention_days) * 86_400_000),
                chunk.country,
                chunk.capture_settings.as_ref().and_then(|settings| serde_json::to_string(settings).ok()),
            ],
        )?;
    }
    let url_state = existing.unwrap_or(UrlState { first_url_sequence: None, last_url: None });
    let mut last_url = url_state.last_url;
    let mut new_pages: i64 = 0;
    for url in &summary.page_urls {
        if last_url.as_deref() != Some(url.as_str()) {
            new_pages += 1;
            last_url = Some(url.clone());
        }
    }
    let mut page_insert =
        transaction.prepare_cached("INSERT OR IGNORE INTO session_pages (session_uuid, url) VALUES (?1, ?2)")?;
    for url in &summary.page_urls {
        page_insert.execute(params![uuid, url])?;
    }
    let takes_first_url = !summary.page_urls.is_empty()
        && url_state.first_url_sequence.is_none_or(|first_sequence| sequence < first_sequence);
    if takes_first_url {
        transaction.execute(
            "UPDATE sessions SET first_url = ?2, first_url_sequence = ?3 WHERE uuid = ?1",
            params![uuid, summary.page_urls.first(), sequence],
        )?;
    }
    transaction.execute(
        "UPDATE sessions SET
            user_id = COALESCE(?2, user_id),
            start_time_ms = MIN(start_time_ms, ?3),
            end_time_ms = MAX(end_time_ms, ?4),
            last_url = ?5,
            page_count = page_count + ?6,
            click_count = click_count + ?7,
            error_count = error_count + ?8,
            event_count = event_count + ?9,
            batch_count = batch_count + 1
         WHERE uuid = ?1",
        params![
            uuid,
            chunk.user_id,
            summary.first_event_ms,
            summary.last_event_ms,
            last_url,
            new_pages,
            summary.click_count as i64,
            summary.error_count as i64,
            summary.event_count as i64,
        ],
    )?;
    Ok(())
}
