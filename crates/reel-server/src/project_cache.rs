//! Projects by API key, cached briefly so ingest does not read the database
//! for every batch. Settings changes invalidate the cache at once.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use reel_storage::ProjectRecord;

#[derive(Debug, Default)]
pub struct ProjectCache {
    entries: RwLock<HashMap<String, (ProjectRecord, Instant)>>,
}

/// How long a cached project is trusted.
const CACHE_TTL: Duration = Duration::from_secs(5);

impl ProjectCache {
    pub fn get(&self, api_key: &str) -> Option<ProjectRecord> {
        let entries = self.entries.read().ok()?;
        let (project, cached_at) = entries.get(api_key)?;
        (cached_at.elapsed() < CACHE_TTL).then(|| project.clone())
    }

    pub fn put(&self, project: ProjectRecord) {
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(project.api_key.clone(), (project, Instant::now()));
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}
