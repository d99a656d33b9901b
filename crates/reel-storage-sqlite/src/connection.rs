//! Opening the database, migrations, and running blocking work off the async runtime.

use std::path::Path;
use std::sync::{Arc, Mutex};

use reel_storage::{StorageError, StorageErrorKind, StorageResult};
use rusqlite::Connection;

use crate::error::{sqlite_error, task_error};

/// Migrations, applied in order; `PRAGMA user_version` counts the applied ones.
/// The memory map of an analytics connection: address space, not memory.
const ANALYTICS_MMAP_BYTES_MAX: u64 = 256 << 30;

const MIGRATIONS: [&str; 8] = [
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_keyframes_retention.sql"),
    include_str!("../migrations/0003_analytics_events.sql"),
    include_str!("../migrations/0004_signal_counts.sql"),
    include_str!("../migrations/0005_synthetic_keyframes.sql"),
    include_str!("../migrations/0006_analytics_users.sql"),
    include_str!("../migrations/0007_replay_search.sql"),
    include_str!("../migrations/0008_session_search_index.sql"),
];

/// SQLite-backed accounts and recording index.
///
/// Writes go through one connection (SQLite has one writer at a time);
/// reads use a second connection, which WAL lets run beside the writer;
/// analytics queries use a third, read-only one, so a long chart query never
/// holds up the player's reads.
#[derive(Clone)]
pub struct SqliteStore {
    writer: Arc<Mutex<Connection>>,
    reader: Arc<Mutex<Connection>>,
    /// Read-only connections for analytics; the parts of one scan run on
    /// different ones at once.
    analytics_readers: Arc<Vec<Arc<Mutex<Connection>>>>,
    next_analytics_reader: Arc<std::sync::atomic::AtomicUsize>,
}

/// Analytics connections: one per part of a parallel scan.
const ANALYTICS_CONNECTIONS: usize = 4;

impl SqliteStore {
    pub fn open(database_path: &Path) -> StorageResult<Self> {
        let writer = open_connection(database_path)?;
        apply_migrations(&writer)?;
        let reader = open_connection(database_path)?;
        let mut analytics_readers = Vec::with_capacity(ANALYTICS_CONNECTIONS);
        for _ in 0..ANALYTICS_CONNECTIONS {
            let analytics_reader = open_connection(database_path)?;
            analytics_reader
                // Chart queries scan millions of index rows: memory-mapped reads
                // skip a copy per page (the whole file: SQLite is built with a
                // 256 GB ceiling, .cargo/config.toml), and a larger cache keeps hot pages.
                .execute_batch(&format!(
                    "PRAGMA query_only = ON; PRAGMA mmap_size = {ANALYTICS_MMAP_BYTES_MAX}; PRAGMA cache_size = -32768;"
                ))
                .map_err(|error| sqlite_error("make the analytics connection read-only", error))?;
            analytics_readers.push(Arc::new(Mutex::new(analytics_reader)));
        }
        Ok(Self {
            writer: Arc::new(Mutex::new(writer)),
            reader: Arc::new(Mutex::new(reader)),
            analytics_readers: Arc::new(analytics_readers),
            next_analytics_reader: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
        })
    }

    pub(crate) async fn write<T, F>(&self, work: F) -> StorageResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StorageResult<T> + Send + 'static,
    {
        run_locked(self.writer.clone(), work).await
    }

    pub(crate) async fn read<T, F>(&self, work: F) -> StorageResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StorageResult<T> + Send + 'static,
    {
        run_locked(self.reader.clone(), work).await
    }

    pub(crate) async fn read_analytics<T, F>(&self, work: F) -> StorageResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StorageResult<T> + Send + 'static,
    {
        let turn = self.next_analytics_reader.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let connection = self
            .analytics_readers
            .get(turn % self.analytics_readers.len().max(1))
            .cloned()
            .ok_or_else(|| StorageError::new(StorageErrorKind::Internal, "no analytics connection"))?;
        run_locked(connection, work).await
    }
}

async fn run_locked<T, F>(connection: Arc<Mutex<Connection>>, work: F) -> StorageResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Connection) -> StorageResult<T> + Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        let mut guard = connection
            .lock()
            .map_err(|_| StorageError::new(StorageErrorKind::Internal, "sqlite connection lock poisoned"))?;
        work(&mut guard)
    })
    .await
    .map_err(task_error)?
}

fn open_connection(database_path: &Path) -> StorageResult<Connection> {
    let connection = Connection::open(database_path).map_err(|error| sqlite_error("open database", error))?;
    connection
        .execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )
        .map_err(|error| sqlite_error("set pragmas", error))?;
    Ok(connection)
}

fn apply_migrations(connection: &Connection) -> StorageResult<()> {
    let applied: usize = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|error| sqlite_error("read user_version", error))?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(applied) {
        let version = index + 1;
        let script = format!("BEGIN; {migration}; PRAGMA user_version = {version}; COMMIT;");
        connection
            .execute_batch(&script)
            .map_err(|error| sqlite_error(&format!("apply migration {version}"), error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_6_numbers_the_users_of_events_stored_before_it() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("reel.sqlite3");
        let connection = open_connection(&path).unwrap();
        for (index, migration) in MIGRATIONS.iter().enumerate().take(5) {
            connection
                .execute_batch(&format!("BEGIN; {migration}; PRAGMA user_version = {}; COMMIT;", index + 1))
                .unwrap();
        }
        for (user_id, device_id) in [(Some("alice"), "d1"), (None, "d2"), (Some("alice"), "d3"), (None, "d2")] {
            connection
                .execute(
                    "INSERT INTO events (project_id, event_type, display_name, time_ms, received_at_ms, user_id, device_id,
                        event_properties, user_properties, context) VALUES (1, 'e', 'e', 0, 0, ?1, ?2, '{}', '{}', '{}')",
                    rusqlite::params![user_id, device_id],
                )
                .unwrap();
        }
        drop(connection);
        let store = SqliteStore::open(&path).unwrap();
        let numbers: Vec<i64> = {
            let writer = store.writer.lock().unwrap();
            let mut statement = writer.prepare("SELECT user_number FROM events ORDER BY id").unwrap();
            statement.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
        };
        assert_eq!(numbers[0], numbers[2], "alice on two devices is one user");
        assert_eq!(numbers[1], numbers[3], "the anonymous device is one user");
        assert_ne!(numbers[0], numbers[1]);
    }
}
