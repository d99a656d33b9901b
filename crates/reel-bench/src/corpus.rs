//! The benchmark corpus: real-browser recordings from `bench/corpus` (made
//! by tests/browser/corpus/record-corpus.mjs), plus generated sessions.
//! Every recording is cut into SDK-sized batches of about 2 seconds.

use std::path::Path;

use anyhow::Context;
use reel_demo_data::{DemoSessionPlan, generate_session_batches};
use serde_json::value::RawValue;

/// One recorded session.
pub struct Recording {
    /// File name or generator seed, for messages.
    #[allow(dead_code)]
    pub name: String,
    pub events: Vec<Box<RawValue>>,
    pub timestamps_ms: Vec<i64>,
}

impl Recording {
    pub fn duration_minutes(&self) -> f64 {
        let first = self.timestamps_ms.iter().min().copied().unwrap_or(0);
        let last = self.timestamps_ms.iter().max().copied().unwrap_or(0);
        (last - first).max(1) as f64 / 60_000.0
    }

    /// The recording cut into batches of `batch_ms`, each a JSON array of events.
    pub fn batches_json(&self, batch_ms: i64) -> Vec<Vec<u8>> {
        self.batches_json_within(batch_ms, usize::MAX)
    }

    /// The recording cut the way the SDK cuts it: a batch ends after
    /// `batch_ms` or before it would pass `batch_bytes_max` bytes.
    pub fn batches_json_within(&self, batch_ms: i64, batch_bytes_max: usize) -> Vec<Vec<u8>> {
        let mut batches = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut current_bytes = 2;
        let mut batch_end_ms = self.timestamps_ms.first().copied().unwrap_or(0).saturating_add(batch_ms);
        for (event, timestamp_ms) in self.events.iter().zip(&self.timestamps_ms) {
            let window_over = *timestamp_ms >= batch_end_ms;
            let bytes_over = current_bytes + event.get().len() + 1 > batch_bytes_max;
            if (window_over || bytes_over) && !current.is_empty() {
                batches.push(join_events(&current));
                current.clear();
                current_bytes = 2;
                while batch_end_ms <= *timestamp_ms {
                    batch_end_ms = batch_end_ms.saturating_add(batch_ms);
                }
            }
            current_bytes += event.get().len() + 1;
            current.push(event.get());
        }
        if !current.is_empty() {
            batches.push(join_events(&current));
        }
        batches
    }

    pub fn raw_bytes(&self) -> usize {
        self.events.iter().map(|event| event.get().len() + 1).sum()
    }
}

fn join_events(events: &[&str]) -> Vec<u8> {
    format!("[{}]", events.join(",")).into_bytes()
}

pub struct Corpus {
    pub browser_recordings: Vec<Recording>,
    pub generated_recordings: Vec<Recording>,
}

impl Corpus {
    pub fn all(&self) -> impl Iterator<Item = &Recording> {
        self.browser_recordings.iter().chain(&self.generated_recordings)
    }

    pub fn describe(&self) -> String {
        let minutes = |recordings: &[Recording]| recordings.iter().map(Recording::duration_minutes).sum::<f64>();
        let megabytes =
            |recordings: &[Recording]| recordings.iter().map(Recording::raw_bytes).sum::<usize>() as f64 / 1e6;
        format!(
            "{} real-browser recordings ({:.1} recorded minutes, {:.1} MB of rrweb JSON) and {} generated sessions ({:.1} minutes, {:.1} MB)",
            self.browser_recordings.len(),
            minutes(&self.browser_recordings),
            megabytes(&self.browser_recordings),
            self.generated_recordings.len(),
            minutes(&self.generated_recordings),
            megabytes(&self.generated_recordings),
        )
    }
}

fn recording_from_events(name: String, events: Vec<Box<RawValue>>) -> Recording {
    let timestamps_ms =
        events.iter().map(|event| reel_types::EventHead::read(event).timestamp_ms.unwrap_or(0)).collect();
    Recording { name, events, timestamps_ms }
}

pub fn load_corpus(corpus_dir: &Path) -> anyhow::Result<Corpus> {
    let mut browser_recordings = Vec::new();
    if corpus_dir.exists() {
        let mut paths: Vec<_> =
            std::fs::read_dir(corpus_dir)?.filter_map(Result::ok).map(|entry| entry.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|path| path.extension().is_some_and(|extension| extension == "json")) {
            #[derive(serde::Deserialize)]
            struct RecordingFile {
                name: String,
                events: Vec<Box<RawValue>>,
            }
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let file: RecordingFile =
                serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
            browser_recordings.push(recording_from_events(file.name, file.events));
        }
    }
    let mut generated_recordings = Vec::new();
    for seed in 0..4_u64 {
        let plan = DemoSessionPlan {
            device_id: format!("bench-{seed}"),
            user_id: None,
            session_start_ms: 1_700_000_000_000 + seed as i64 * 10_000_000,
            duration_ms: 10 * 60_000,
            base_url: "http://127.0.0.1:8080".into(),
            page_interval_ms: 60_000,
            batch_interval_ms: 2_000,
            seed,
        };
        let events = generate_session_batches(&plan).into_iter().flat_map(|batch| batch.events).collect();
        generated_recordings.push(recording_from_events(format!("generated-{seed}"), events));
    }
    Ok(Corpus { browser_recordings, generated_recordings })
}
