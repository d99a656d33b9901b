//! Shared state of the running server.

use std::sync::Arc;

use reel_storage::{AccountStore, BlobStore, EventStore, RecordingIndex};

use crate::background_lane::BackgroundLane;
use crate::chunk_writer::ChunkWriter;
use crate::config::Config;
use crate::country_lookup::{BUNDLED_DATABASE_RELATIVE_PATH, CountryLookup, find_country_database};
use crate::ingest_metrics::IngestMetrics;
use crate::project_cache::ProjectCache;
use crate::signals_worker::DirtySessions;

/// The stores the server runs on; the binary picks the concrete backends.
#[derive(Clone)]
pub struct Stores {
    pub accounts: Arc<dyn AccountStore>,
    pub recordings: Arc<dyn RecordingIndex>,
    pub blobs: Arc<dyn BlobStore>,
    pub events: Arc<dyn EventStore>,
}

#[derive(Clone)]
pub struct AppState {
    pub stores: Stores,
    pub config: Arc<Config>,
    pub ingest_metrics: Arc<IngestMetrics>,
    /// One permit per ingest request being processed.
    pub ingest_permits: Arc<tokio::sync::Semaphore>,
    /// Sessions waiting for the signals worker.
    pub dirty_sessions: Arc<DirtySessions>,
    /// Group commit of ingested chunks.
    pub chunk_writer: ChunkWriter,
    pub project_cache: Arc<ProjectCache>,
    /// Where heavy background CPU work runs, below request priority.
    pub background: BackgroundLane,
    /// Countries of client IPs (`geo.country_database_path`).
    pub country_lookup: Arc<CountryLookup>,
}

impl AppState {
    /// Must be called inside a tokio runtime (it starts the chunk writer).
    /// Fails only when the background lane's threads cannot be started.
    pub fn new(stores: Stores, config: Config) -> std::io::Result<Self> {
        let background = BackgroundLane::start(config.background.threads, config.background.nice)?;
        let country_lookup = Arc::new(open_country_lookup(&config)?);
        let ingest_permits = Arc::new(tokio::sync::Semaphore::new(config.ingest.in_flight_requests_max.max(1)));
        let chunk_writer = ChunkWriter::start(
            stores.recordings.clone(),
            config.ingest.group_commit_chunks_max,
            config.ingest.in_flight_requests_max,
        );
        Ok(Self {
            background,
            chunk_writer,
            project_cache: Arc::new(ProjectCache::default()),
            stores,
            config: Arc::new(config),
            ingest_metrics: Arc::new(IngestMetrics::default()),
            ingest_permits,
            dirty_sessions: Arc::new(DirtySessions::default()),
            country_lookup,
        })
    }
}

/// The configured country database must open; the bundled default may be
/// missing (then countries are unknown, with a warning).
fn open_country_lookup(config: &Config) -> std::io::Result<CountryLookup> {
    let configured = config.geo.country_database_path.as_deref();
    match find_country_database(configured) {
        Some(path) => CountryLookup::open(&path).map_err(std::io::Error::other),
        None => {
            tracing::warn!(
                "no country database found ({BUNDLED_DATABASE_RELATIVE_PATH}; run npm ci or set geo.country_database_path): countries stay unknown"
            );
            Ok(CountryLookup::disabled())
        }
    }
}

pub fn now_ms() -> i64 {
    let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}
