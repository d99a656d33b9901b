//! Issue #9's figure: the Session Replays list over 1 million sessions on
//! the embedded store (SQLite), with two filters and a date range, run the
//! way the server runs it (validate, plan, list the page's ids, read the
//! sessions).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use reel_analytics::calendar::DAY_MS;
use reel_analytics::{SearchLimits, SessionSearch, SessionUuidCollector, plan_session_search};
use reel_storage::{EventStore, NewChunk, RecordingIndex};
use reel_storage_sqlite::SqliteStore;
use reel_types::{BatchSummary, SessionKey};
use serde_json::json;

use crate::report::{Report, percentile};

const DAYS: i64 = 90;
/// Midnight UTC of the newest day (2026-11-27).
const TODAY_MS: i64 = 1_795_737_600_000;
const APPEND_CHUNK_SESSIONS: usize = 2_000;
const TIMED_RUNS_PER_QUERY: usize = 40;
const COUNTRIES: [&str; 8] = ["US", "DE", "FR", "GB", "IN", "BR", "JP", "CA"];
const PATHS: [&str; 6] = ["/", "/pricing", "/products/42", "/cart", "/checkout", "/account"];

/// A small deterministic generator (splitmix64), so every run stores the same sessions.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.0;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

fn generated_session(index: u64, sequence: &mut Sequence) -> NewChunk {
    let start_ms = TODAY_MS + DAY_MS - 1 - sequence.below((DAYS * DAY_MS) as u64) as i64;
    let duration_ms = sequence.below(1_800_000) as i64;
    let pages = 1 + sequence.below(4) as usize;
    let page_urls = (0..pages).map(|_| format!("https://shop.example{}", PATHS[sequence.below(6) as usize])).collect();
    let has_error = sequence.below(10) == 0;
    NewChunk {
        key: SessionKey { project_id: 1, device_id: format!("device-{}", index % 400_000), session_id: index as i64 },
        user_id: (sequence.below(3) > 0).then(|| format!("user-{}", index % 250_000)),
        sequence: Some(0),
        received_at_ms: start_ms,
        retention_days: 400,
        summary: BatchSummary {
            first_event_ms: start_ms,
            last_event_ms: start_ms + duration_ms,
            event_count: 20,
            page_urls,
            click_count: sequence.below(30),
            error_count: u64::from(has_error),
            has_full_snapshot: true,
            keyframe_ms: Some(start_ms),
        },
        payload: Bytes::from_static(b"{}"),
        events_on_session_creation: Vec::new(),
        country: Some(COUNTRIES[sequence.below(COUNTRIES.len() as u64) as usize].to_owned()),
        capture_settings: None,
    }
}

async fn fill_store(store: &Arc<SqliteStore>, sessions: u64) -> anyhow::Result<f64> {
    let started = Instant::now();
    let mut sequence = Sequence(7);
    let mut batch = Vec::with_capacity(APPEND_CHUNK_SESSIONS);
    for index in 0..sessions {
        batch.push(generated_session(index, &mut sequence));
        if batch.len() == APPEND_CHUNK_SESSIONS || index + 1 == sessions {
            store.append_chunks(std::mem::take(&mut batch)).await?;
        }
    }
    Ok(started.elapsed().as_secs_f64())
}

/// Milliseconds of one list page, from JSON to the sessions.
async fn time_search(store: &Arc<SqliteStore>, body: &serde_json::Value) -> anyhow::Result<(f64, usize)> {
    let started = Instant::now();
    let search: SessionSearch = serde_json::from_value(body.clone())?;
    let valid = search.validate(&SearchLimits::default(), &[1], &HashMap::new(), TODAY_MS)?;
    let plan = plan_session_search(&valid, store.sql_dialect());
    let consumer = store.run_compiled_query(&plan.query, Box::new(SessionUuidCollector::default())).await?;
    let (uuids, _) = SessionUuidCollector::page(consumer.finish(), plan.limit);
    let sessions = store.find_sessions(&uuids, &[1]).await?;
    Ok((started.elapsed().as_secs_f64() * 1e3, sessions.len()))
}

async fn p95_of(store: &Arc<SqliteStore>, bodies: &[serde_json::Value]) -> anyhow::Result<(f64, f64)> {
    let mut runs = Vec::new();
    for body in bodies {
        let (_, listed) = time_search(store, body).await?; // warm-up
        anyhow::ensure!(listed > 0, "the search {body} found no session");
        let mut own_runs = Vec::new();
        for _ in 0..TIMED_RUNS_PER_QUERY {
            own_runs.push(time_search(store, body).await?.0);
        }
        eprintln!("    p95 {:.1} ms: {body}", percentile(&own_runs, 95.0));
        runs.extend(own_runs);
    }
    Ok((percentile(&runs, 95.0), percentile(&runs, 50.0)))
}

fn last_30_days(filters: serde_json::Value, sort: &str) -> serde_json::Value {
    json!({"start_date": "2026-10-29", "end_date": "2026-11-27", "filters": filters, "sort": sort, "limit": 50})
}

pub fn run(sessions: u64, report: &mut Report) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let directory = tempfile::tempdir()?;
        // REEL_BENCH_SESSION_LIST_STORE keeps the filled store between runs
        // (for working on a query); `make bench` always fills a fresh one.
        let kept_store = std::env::var_os("REEL_BENCH_SESSION_LIST_STORE").map(std::path::PathBuf::from);
        let store_path = kept_store.clone().unwrap_or_else(|| directory.path().join("reel.sqlite3"));
        let reuse = kept_store.is_some() && store_path.exists();
        let store = Arc::new(SqliteStore::open(&store_path)?);
        let fill_seconds = if reuse { f64::NAN } else { fill_store(&store, sessions).await? };
        eprintln!("  stored {sessions} sessions in {fill_seconds:.0} s");
        let has_error = json!({"kind": "has_error"});
        let long = json!({"kind": "duration", "min_ms": 60_000});
        let germany = json!({"kind": "country", "countries": ["DE"]});
        let checkout = json!({"kind": "url_visited", "operator": "contains", "value": "/checkout"});
        let two_filters = [
            last_30_days(json!([has_error, long]), "start_time"),
            last_30_days(json!([germany, has_error]), "start_time"),
            last_30_days(json!([long, checkout]), "start_time"),
            last_30_days(json!([has_error, long]), "duration"),
            last_30_days(json!([germany, long]), "clicks"),
            last_30_days(json!([has_error, checkout]), "user"),
        ];
        let (p95_ms, median_ms) = p95_of(&store, &two_filters).await?;
        let (baseline_p95_ms, _) = p95_of(&store, &[last_30_days(json!([]), "start_time")]).await?;
        let all_days = json!({"start_date": "2026-08-30", "end_date": "2026-11-27", "filters": [has_error, long], "sort": "duration"});
        let (all_days_p95_ms, _) = p95_of(&store, &[all_days]).await?;
        report.add_figure(
            "session_list_1m_p95_ms",
            p95_ms,
            "ms",
            format!(
                "p95 of {} pages of 50 ({} searches × {TIMED_RUNS_PER_QUERY} runs after a warm-up; median {median_ms:.1} ms) \
                 over {sessions} sessions in {DAYS} days on SQLite, last 30 days with two filters each: has error + \
                 duration ≥ 60 s, country + has error, duration + URL visited, has error + URL visited, sorted by \
                 start time, duration, clicks or user; same run, no filter: p95 {baseline_p95_ms:.1} ms; all 90 days \
                 with two filters sorted by duration: p95 {all_days_p95_ms:.1} ms; storing the sessions took {fill_seconds:.0} s",
                two_filters.len() * TIMED_RUNS_PER_QUERY,
                two_filters.len()
            ),
            "< 200",
        );
        Ok(())
    })
}
