//! The embedded default backend.
//!
//! - [`SqliteStore`] implements `AccountStore` and `RecordingIndex` on one
//!   SQLite database in WAL mode with `synchronous=FULL`, so a committed
//!   batch survives a crash or power loss.
//! - [`FileBlobStore`] implements `BlobStore` on a local directory; every
//!   object is written to a temporary file, fsynced, and renamed into place.

mod accounts;
mod compiled_queries;
mod connection;
mod error;
mod events;
mod file_blob_store;
mod maintenance;
mod organizations;
mod recordings;
mod session_rows;
mod user_lookup;

pub use connection::SqliteStore;
pub use file_blob_store::FileBlobStore;

#[cfg(test)]
mod conformance {
    use reel_storage::testsuite;

    use super::*;

    fn open_store(directory: &tempfile::TempDir) -> SqliteStore {
        SqliteStore::open(&directory.path().join("reel.sqlite3")).unwrap()
    }

    #[tokio::test]
    async fn account_store_conformance() {
        let directory = tempfile::tempdir().unwrap();
        testsuite::check_account_store(&open_store(&directory)).await.unwrap();
    }

    #[tokio::test]
    async fn recording_index_conformance() {
        let directory = tempfile::tempdir().unwrap();
        testsuite::check_recording_index(&open_store(&directory)).await.unwrap();
    }

    #[tokio::test]
    async fn event_store_conformance() {
        let directory = tempfile::tempdir().unwrap();
        testsuite::check_event_store(&open_store(&directory)).await.unwrap();
    }

    #[tokio::test]
    async fn blob_store_conformance() {
        let directory = tempfile::tempdir().unwrap();
        let store = FileBlobStore::open(&directory.path().join("blobs")).unwrap();
        testsuite::check_blob_store(&store).await.unwrap();
    }

    /// Deleting a session (retention) leaves none of its rows, pages included.
    #[tokio::test]
    async fn deleting_a_session_removes_its_pages() {
        use reel_storage::RecordingIndex;
        let directory = tempfile::tempdir().unwrap();
        let store = open_store(&directory);
        let key = reel_types::SessionKey { project_id: 1, device_id: "d".into(), session_id: 1 };
        let summary = reel_types::BatchSummary {
            first_event_ms: 1,
            last_event_ms: 2,
            event_count: 1,
            page_urls: vec!["http://shop/".into(), "http://shop/cart".into()],
            ..Default::default()
        };
        let chunk = reel_storage::NewChunk {
            key: key.clone(),
            user_id: None,
            sequence: Some(0),
            received_at_ms: 1,
            retention_days: 30,
            summary,
            payload: bytes::Bytes::from_static(b"{}"),
            events_on_session_creation: Vec::new(),
            country: None,
            capture_settings: None,
        };
        store.append_chunk(chunk).await.unwrap();
        let count_pages = |store: &SqliteStore| {
            let store = store.clone();
            async move {
                store
                    .read(|connection| {
                        Ok(connection
                            .query_row("SELECT COUNT(*) FROM session_pages", [], |row| row.get::<_, i64>(0))
                            .unwrap())
                    })
                    .await
                    .unwrap()
            }
        };
        assert_eq!(count_pages(&store).await, 2);
        store.delete_session(&key.uuid()).await.unwrap();
        assert_eq!(count_pages(&store).await, 0);
    }

    #[tokio::test]
    async fn data_survives_reopening() {
        let directory = tempfile::tempdir().unwrap();
        {
            let store = open_store(&directory);
            use reel_storage::AccountStore;
            store.create_project(1, "Demo", "key").await.unwrap();
        }
        let reopened = open_store(&directory);
        use reel_storage::AccountStore;
        assert_eq!(reopened.list_projects().await.unwrap().len(), 1);
    }
}
