//! `EventStore` on SQLite.

use std::collections::HashMap;

use async_trait::async_trait;
use reel_storage::{
    EventInsertCounts, EventStore, StorageError, StorageErrorKind, StorageResult, UserEventStream, UserMatch,
    UserProfileRecord, UserSearch,
};
use reel_types::user_properties::apply_user_property_operations;
use reel_types::{CompiledQuery, EventContext, NewAnalyticsEvent, RowConsumer, SqlDialect, StoredAnalyticsEvent};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use crate::connection::SqliteStore;
use crate::error::sqlite_error;

fn json_text<T: serde::Serialize>(value: &T) -> StorageResult<String> {
    serde_json::to_string(value)
        .map_err(|error| StorageError::with_source(StorageErrorKind::Internal, "encode json", error))
}

fn load_profile(transaction: &Transaction<'_>, project_id: i64, user_key: &str) -> StorageResult<Map<String, Value>> {
    let text: Option<String> = transaction
        .prepare_cached("SELECT properties FROM user_profiles WHERE project_id = ?1 AND user_key = ?2")
        .and_then(|mut statement| statement.query_row(params![project_id, user_key], |row| row.get(0)).optional())
        .map_err(|error| sqlite_error("load user profile", error))?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default())
}

fn is_duplicate(transaction: &Transaction<'_>, event: &NewAnalyticsEvent) -> StorageResult<bool> {
    let Some(insert_id) = &event.insert_id else { return Ok(false) };
    transaction
        .prepare_cached("SELECT 1 FROM events WHERE project_id = ?1 AND insert_id = ?2")
        .and_then(|mut statement| statement.query_row(params![event.project_id, insert_id], |_| Ok(())).optional())
        .map(|found| found.is_some())
        .map_err(|error| sqlite_error("check insert_id", error))
}

/// The analytics number of a user (user id, else device id), assigned on first sight.
fn user_number(transaction: &Transaction<'_>, project_id: i64, user_key: &str) -> StorageResult<i64> {
    transaction
        .prepare_cached("INSERT OR IGNORE INTO analytics_users (project_id, user_key) VALUES (?1, ?2)")
        .and_then(|mut statement| statement.execute(params![project_id, user_key]))
        .map_err(|error| sqlite_error("register analytics user", error))?;
    transaction
        .prepare_cached("SELECT user_number FROM analytics_users WHERE project_id = ?1 AND user_key = ?2")
        .and_then(|mut statement| statement.query_row(params![project_id, user_key], |row| row.get(0)))
        .map_err(|error| sqlite_error("read analytics user number", error))
}

/// What one insert call knows about a user, read once per call.
struct UserState {
    profile: Map<String, Value>,
    profile_json: String,
    user_number: i64,
}

fn user_state<'cache>(
    transaction: &Transaction<'_>,
    cache: &'cache mut HashMap<(i64, String), UserState>,
    project_id: i64,
    user_key: &str,
) -> StorageResult<&'cache mut UserState> {
    let key = (project_id, user_key.to_owned());
    if !cache.contains_key(&key) {
        let profile = load_profile(transaction, project_id, user_key)?;
        let state = UserState {
            profile_json: json_text(&profile)?,
            profile,
            user_number: user_number(transaction, project_id, user_key)?,
        };
        cache.insert(key.clone(), state);
    }
    cache.get_mut(&key).ok_or_else(|| StorageError::new(StorageErrorKind::Internal, "user state cache lost an entry"))
}

/// Inserts events inside an open transaction (shared with `append_chunk`).
pub fn insert_events_in_transaction(
    transaction: &Transaction<'_>,
    events: &[NewAnalyticsEvent],
) -> StorageResult<EventInsertCounts> {
    let mut counts = EventInsertCounts::default();
    let mut users: HashMap<(i64, String), UserState> = HashMap::new();
    let empty_profile_json = "{}".to_owned();
    for event in events {
        if is_duplicate(transaction, event)? {
            counts.duplicates += 1;
            continue;
        }
        let user_key = event.user_id.as_deref().or(event.device_id.as_deref());
        let user = match user_key {
            Some(user_key) => Some(user_state(transaction, &mut users, event.project_id, user_key)?),
            None => None,
        };
        let (profile_json, user_number) = match user {
            Some(user) => {
                if let (Some(operations), Some(user_key)) = (&event.user_property_operations, user_key) {
                    apply_user_property_operations(&mut user.profile, operations);
                    user.profile_json = json_text(&user.profile)?;
                    transaction
                        .prepare_cached(
                            "INSERT INTO user_profiles (project_id, user_key, properties) VALUES (?1, ?2, ?3)
                             ON CONFLICT (project_id, user_key) DO UPDATE SET properties = excluded.properties",
                        )
                        .and_then(|mut statement| {
                            statement.execute(params![event.project_id, user_key, user.profile_json])
                        })
                        .map_err(|error| sqlite_error("save user profile", error))?;
                }
                (&user.profile_json, Some(user.user_number))
            }
            None => (&empty_profile_json, None),
        };
        let event_properties_json = json_text(&event.event_properties)?;
        let context_json = json_text(&event.context)?;
        transaction
            .prepare_cached(
                "INSERT INTO events (project_id, insert_id, event_type, display_name, time_ms, received_at_ms, user_id, device_id,
                    session_id, replay_id, event_properties, user_properties, context, user_number)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .and_then(|mut statement| {
                statement.execute(params![
                    event.project_id,
                    event.insert_id,
                    event.event_type,
                    event.display_name,
                    event.time_ms,
                    event.received_at_ms,
                    event.user_id,
                    event.device_id,
                    event.session_id,
                    event.replay_id,
                    event_properties_json,
                    profile_json,
                    context_json,
                    user_number,
                ])
            })
            .map_err(|error| sqlite_error("insert event", error))?;
        counts.inserted += 1;
    }
    Ok(counts)
}

fn parse_object(text: &str) -> Map<String, Value> {
    serde_json::from_str(text).unwrap_or_default()
}

/// The columns `event_from_row` reads, in its order.
pub(crate) const EVENT_COLUMNS: &str = "event_type, display_name, time_ms, insert_id, user_id, device_id, session_id, \
     replay_id, event_properties, user_properties, context";

pub(crate) fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredAnalyticsEvent> {
    let context_text: String = row.get(10)?;
    Ok(StoredAnalyticsEvent {
        event_type: row.get(0)?,
        display_name: row.get(1)?,
        time_ms: row.get(2)?,
        insert_id: row.get(3)?,
        user_id: row.get(4)?,
        device_id: row.get(5)?,
        session_id: row.get(6)?,
        replay_id: row.get(7)?,
        event_properties: parse_object(&row.get::<_, String>(8)?),
        user_properties: parse_object(&row.get::<_, String>(9)?),
        context: serde_json::from_str::<EventContext>(&context_text).unwrap_or_default(),
    })
}

#[async_trait]
impl EventStore for SqliteStore {
    async fn insert_events(&self, events: Vec<NewAnalyticsEvent>) -> StorageResult<EventInsertCounts> {
        self.write(move |connection| {
            let transaction = connection.transaction().map_err(|error| sqlite_error("begin events", error))?;
            let counts = insert_events_in_transaction(&transaction, &events)?;
            transaction.commit().map_err(|error| sqlite_error("commit events", error))?;
            Ok(counts)
        })
        .await
    }

    async fn list_session_events(
        &self,
        project_id: i64,
        device_id: &str,
        session_id: i64,
        limit: u32,
    ) -> StorageResult<Vec<StoredAnalyticsEvent>> {
        let device_id = device_id.to_owned();
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS}
                     FROM events WHERE project_id = ?1 AND device_id = ?2 AND session_id = ?3
                     ORDER BY time_ms, id LIMIT ?4"
                ))
                .map_err(|error| sqlite_error("list session events", error))?;
            let rows = statement
                .query_map(params![project_id, device_id, session_id, limit], event_from_row)
                .map_err(|error| sqlite_error("list session events", error))?;
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list session events", error))
        })
        .await
    }

    async fn list_user_events(
        &self,
        project_id: i64,
        user_numbers: &[i64],
        from_ms: i64,
        to_ms: i64,
        events_per_user_max: u32,
    ) -> StorageResult<Vec<UserEventStream>> {
        let user_numbers = user_numbers.to_vec();
        self.read(move |connection| {
            let mut statement = connection
                .prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS}
                     FROM events WHERE project_id = ?1 AND user_number = ?2 AND time_ms >= ?3 AND time_ms < ?4
                     ORDER BY time_ms, id LIMIT ?5"
                ))
                .map_err(|error| sqlite_error("list user events", error))?;
            let mut streams = Vec::with_capacity(user_numbers.len());
            for user_number in user_numbers {
                let events = statement
                    .query_map(params![project_id, user_number, from_ms, to_ms, events_per_user_max], event_from_row)
                    .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                    .map_err(|error| sqlite_error("list user events", error))?;
                if !events.is_empty() {
                    streams.push(UserEventStream { user_number, events });
                }
            }
            Ok(streams)
        })
        .await
    }

    async fn delete_session_events_from_library(
        &self,
        project_id: i64,
        device_id: &str,
        session_id: i64,
        event_types: &[&str],
        library: &str,
    ) -> StorageResult<u64> {
        let device_id = device_id.to_owned();
        let event_types: Vec<String> = event_types.iter().map(|event_type| (*event_type).to_owned()).collect();
        let library = library.to_owned();
        self.write(move |connection| {
            let mut deleted = 0;
            for event_type in &event_types {
                deleted += connection
                    .execute(
                        "DELETE FROM events WHERE project_id = ?1 AND device_id = ?2 AND session_id = ?3 AND event_type = ?4
                         AND json_extract(context, '$.library') = ?5",
                        params![project_id, device_id, session_id, event_type, library],
                    )
                    .map_err(|error| sqlite_error("delete session events", error))? as u64;
            }
            Ok(deleted)
        })
        .await
    }

    async fn find_user_properties(&self, project_id: i64, user_key: &str) -> StorageResult<Option<Map<String, Value>>> {
        let user_key = user_key.to_owned();
        self.read(move |connection| {
            let text: Option<String> = connection
                .query_row(
                    "SELECT properties FROM user_profiles WHERE project_id = ?1 AND user_key = ?2",
                    params![project_id, user_key],
                    |row| row.get(0),
                )
                .optional()
                .map_err(|error| sqlite_error("find user properties", error))?;
            Ok(text.map(|text| parse_object(&text)))
        })
        .await
    }

    async fn search_users(&self, search: UserSearch) -> StorageResult<Vec<UserMatch>> {
        self.read(move |connection| crate::user_lookup::search_users(connection, &search)).await
    }

    async fn user_profile(
        &self,
        project_id: i64,
        user_key: &str,
        events_max: u32,
    ) -> StorageResult<Option<UserProfileRecord>> {
        let user_key = user_key.to_owned();
        self.read(move |connection| crate::user_lookup::user_profile(connection, project_id, &user_key, events_max))
            .await
    }

    fn sql_dialect(&self) -> SqlDialect {
        SqlDialect::Sqlite
    }

    async fn run_compiled_query(
        &self,
        query: &CompiledQuery,
        consumer: Box<dyn RowConsumer>,
    ) -> StorageResult<Box<dyn RowConsumer>> {
        let query = query.clone();
        self.read_analytics(move |connection| crate::compiled_queries::run_compiled_query(connection, &query, consumer))
            .await
    }
}
