//! User Lookup on SQLite: finding users by id or property, and one user's
//! profile. Users are `analytics_users` (user id, else device id).

use reel_storage::{StorageResult, UserMatch, UserProfileRecord, UserSearch, UserSearchField};
use rusqlite::types::Value as SqliteValue;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde_json::{Map, Value};

use crate::error::sqlite_error;
use crate::events::{EVENT_COLUMNS, event_from_row};

/// `text` as a LIKE prefix pattern, with `\` escaping the wildcards.
fn like_prefix(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|character| match character {
            '%' | '_' | '\\' => vec!['\\', character],
            other => vec![other],
        })
        .collect();
    format!("{escaped}%")
}

/// `(user_number, user_key)` of the users matching one field.
fn matching_users(
    connection: &Connection,
    search: &UserSearch,
    field: UserSearchField,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let project = SqliteValue::Integer(search.project_id);
    let limit = SqliteValue::Integer(i64::from(search.limit));
    let (sql, values) = match field {
        UserSearchField::UserId => (
            "SELECT user_number, user_key FROM analytics_users AS users WHERE project_id = ?1
               AND user_key LIKE ?2 ESCAPE '\\'
               AND EXISTS (SELECT 1 FROM events WHERE project_id = ?1 AND user_id = users.user_key)
             LIMIT ?3",
            vec![project, SqliteValue::Text(like_prefix(&search.text)), limit],
        ),
        UserSearchField::DeviceId => (
            "SELECT DISTINCT users.user_number, users.user_key FROM events
               JOIN analytics_users AS users ON users.user_number = events.user_number
             WHERE events.project_id = ?1 AND events.device_id LIKE ?2 ESCAPE '\\' LIMIT ?3",
            vec![project, SqliteValue::Text(like_prefix(&search.text)), limit],
        ),
        UserSearchField::UserProperty => {
            let name = search.property.as_deref().unwrap_or_default().replace('"', "");
            (
                "SELECT users.user_number, users.user_key FROM user_profiles AS profiles
                   JOIN analytics_users AS users
                     ON users.project_id = profiles.project_id AND users.user_key = profiles.user_key
                 WHERE profiles.project_id = ?1
                   AND instr(lower(CAST(json_extract(profiles.properties, ?4) AS TEXT)), lower(?2)) > 0 LIMIT ?3",
                vec![
                    project,
                    SqliteValue::Text(search.text.clone()),
                    limit,
                    SqliteValue::Text(format!("$.\"{name}\"")),
                ],
            )
        }
        UserSearchField::Any => return Ok(Vec::new()),
    };
    let mut statement = connection.prepare_cached(sql)?;
    let rows = statement.query_map(params_from_iter(values), |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

/// A user's newest event: its time, user id and device id.
type NewestEvent = (i64, Option<String>, Option<String>);

fn newest_event(connection: &Connection, project_id: i64, user_number: i64) -> rusqlite::Result<Option<NewestEvent>> {
    connection
        .prepare_cached(
            "SELECT time_ms, user_id, device_id FROM events WHERE project_id = ?1 AND user_number = ?2
             ORDER BY time_ms DESC LIMIT 1",
        )?
        .query_row(params![project_id, user_number], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()
}

pub fn search_users(connection: &mut Connection, search: &UserSearch) -> StorageResult<Vec<UserMatch>> {
    let fields = match search.field {
        UserSearchField::Any => vec![UserSearchField::UserId, UserSearchField::DeviceId],
        field => vec![field],
    };
    let mut matches: Vec<UserMatch> = Vec::new();
    for field in fields {
        let users = matching_users(connection, search, field).map_err(|error| sqlite_error("search users", error))?;
        for (user_number, user_key) in users {
            if matches.iter().any(|found| found.user_key == user_key) {
                continue;
            }
            let newest = newest_event(connection, search.project_id, user_number)
                .map_err(|error| sqlite_error("search users", error))?;
            let (last_seen_ms, user_id, device_id) = newest.unwrap_or((0, None, None));
            matches.push(UserMatch { user_key, user_id, device_id, last_seen_ms, matched_on: field });
        }
    }
    matches.sort_by(|left, right| right.last_seen_ms.cmp(&left.last_seen_ms).then(left.user_key.cmp(&right.user_key)));
    matches.truncate(search.limit as usize);
    Ok(matches)
}

pub fn user_profile(
    connection: &mut Connection,
    project_id: i64,
    user_key: &str,
    events_max: u32,
) -> StorageResult<Option<UserProfileRecord>> {
    let error = |error| sqlite_error("read user profile", error);
    let user_number: Option<i64> = connection
        .query_row(
            "SELECT user_number FROM analytics_users WHERE project_id = ?1 AND user_key = ?2",
            params![project_id, user_key],
            |row| row.get(0),
        )
        .optional()
        .map_err(error)?;
    let Some(user_number) = user_number else { return Ok(None) };
    let (first_seen_ms, last_seen_ms, session_count, user_id): (Option<i64>, Option<i64>, i64, Option<String>) =
        connection
            .query_row(
                "SELECT MIN(time_ms), MAX(time_ms),
                COUNT(DISTINCT CASE WHEN session_id IS NOT NULL THEN device_id || '/' || session_id END), MAX(user_id)
             FROM events WHERE project_id = ?1 AND user_number = ?2",
                params![project_id, user_number],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .map_err(error)?;
    let mut devices_statement = connection
        .prepare_cached("SELECT DISTINCT device_id FROM events WHERE project_id = ?1 AND user_number = ?2 AND device_id IS NOT NULL ORDER BY device_id")
        .map_err(error)?;
    let device_ids = devices_statement
        .query_map(params![project_id, user_number], |row| row.get(0))
        .and_then(|rows| rows.collect::<Result<Vec<String>, _>>())
        .map_err(error)?;
    let mut events_statement = connection
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}
             FROM events WHERE project_id = ?1 AND user_number = ?2 ORDER BY time_ms DESC, id DESC LIMIT ?3"
        ))
        .map_err(error)?;
    let newest_events = events_statement
        .query_map(params![project_id, user_number, events_max], event_from_row)
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(error)?;
    let properties_text: Option<String> = connection
        .query_row(
            "SELECT properties FROM user_profiles WHERE project_id = ?1 AND user_key = ?2",
            params![project_id, user_key],
            |row| row.get(0),
        )
        .optional()
        .map_err(error)?;
    let properties: Map<String, Value> =
        properties_text.and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
    Ok(Some(UserProfileRecord {
        user_key: user_key.to_owned(),
        user_id,
        device_ids,
        properties,
        first_seen_ms: first_seen_ms.unwrap_or_default(),
        last_seen_ms: last_seen_ms.unwrap_or_default(),
        session_count: session_count.max(0) as u64,
        newest_events,
    }))
}
