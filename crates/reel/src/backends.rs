//! Opening the concrete storage backends.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use reel_server::Stores;
use reel_storage_sqlite::{FileBlobStore, SqliteStore};

/// The embedded default: SQLite for accounts and the index, files for blobs.
pub fn open_embedded_stores(data_dir: &Path) -> anyhow::Result<Stores> {
    std::fs::create_dir_all(data_dir).with_context(|| {
        format!("cannot create the data directory {}: choose another with --data-dir DIR", data_dir.display())
    })?;
    let database_path = data_dir.join("reel.sqlite3");
    let sqlite = SqliteStore::open(&database_path)
        .with_context(|| format!("cannot open the database {}", database_path.display()))?;
    let blobs = FileBlobStore::open(&data_dir.join("segments"))
        .with_context(|| format!("cannot open the segment directory in {}", data_dir.display()))?;
    let sqlite = Arc::new(sqlite);
    Ok(Stores { accounts: sqlite.clone(), recordings: sqlite.clone(), events: sqlite, blobs: Arc::new(blobs) })
}
