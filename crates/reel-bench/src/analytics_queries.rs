//! Issue #8's performance figures: an Event Segmentation query over 10
//! million events of 100,000 users on the embedded store (SQLite), run the
//! way the server runs it (plan, stream into the aggregator, assemble).

use std::sync::Arc;
use std::time::Instant;

use reel_analytics::{
    FunnelQuery, QueryLimits, SegmentationQuery, assemble_funnel, assemble_segmentation, merge_scan_parts, plan_funnel,
    plan_segmentation,
};
use reel_demo_data::{AnalyticsDemoPlan, FUNNEL_EVENT_TYPES, generate_user_events};
use reel_storage::EventStore;
use reel_storage_sqlite::SqliteStore;
use reel_types::{CompiledQuery, QueryRows, RowConsumer};
use serde_json::json;

use crate::report::{Report, percentile};

const EVENTS_PER_USER: u64 = 100;
const DAYS: i64 = 30;
const START_MS: i64 = 1_790_000_000_000 - 1_790_000_000_000 % 86_400_000;
const INSERT_CHUNK_EVENTS: usize = 20_000;
const TIMED_RUNS: usize = 5;
/// The server's default `analytics.scan_parts`.
const SCAN_PARTS: usize = 2;

async fn fill_store(store: &Arc<SqliteStore>, users: u64) -> anyhow::Result<(u64, f64)> {
    let plan = AnalyticsDemoPlan {
        project_id: 1,
        users,
        events_per_user: EVENTS_PER_USER,
        start_ms: START_MS,
        days: DAYS,
        seed: 11,
    };
    let started = Instant::now();
    let mut chunk = Vec::with_capacity(INSERT_CHUNK_EVENTS + 200);
    let mut stored = 0_u64;
    // The next chunk is generated while the previous one is written.
    let mut writing: Option<tokio::task::JoinHandle<reel_storage::StorageResult<reel_storage::EventInsertCounts>>> =
        None;
    for user_index in 0..users {
        chunk.extend(generate_user_events(&plan, user_index));
        if chunk.len() >= INSERT_CHUNK_EVENTS || user_index + 1 == users {
            if let Some(previous) = writing.take() {
                stored += previous.await??.inserted;
            }
            let (store, events) = (store.clone(), std::mem::take(&mut chunk));
            writing = Some(tokio::spawn(async move { store.insert_events(events).await }));
        }
    }
    if let Some(previous) = writing.take() {
        stored += previous.await??.inserted;
    }
    Ok((stored, started.elapsed().as_secs_f64()))
}

/// Milliseconds of one query, from JSON to assembled rows.
async fn time_query(store: &Arc<SqliteStore>, query: &SegmentationQuery) -> anyhow::Result<(f64, usize)> {
    let started = Instant::now();
    let limits = QueryLimits::default();
    let valid = query.clone().validate(&limits)?;
    let plan = plan_segmentation(&valid, 1, store.sql_dialect(), SCAN_PARTS);
    let mut results = Vec::new();
    for planned in &plan.queries {
        results.push(run_parts(store, &planned.parts, &|| planned.consumer()).await?);
    }
    let result = assemble_segmentation(&valid, &plan, &results, limits.groups_max)?;
    Ok((started.elapsed().as_secs_f64() * 1e3, result.rows.len()))
}

/// Milliseconds of one funnel, from JSON to the conversion measure.
async fn time_funnel(store: &Arc<SqliteStore>, query: &FunnelQuery) -> anyhow::Result<f64> {
    let started = Instant::now();
    let limits = QueryLimits::default();
    let valid = query.clone().validate(&limits)?;
    let plan = plan_funnel(&valid, 1, store.sql_dialect(), SCAN_PARTS);
    let rows = run_parts(store, &plan.parts, &|| plan.consumer()).await?;
    let result = assemble_funnel(&valid, &rows, limits.groups_max)?;
    anyhow::ensure!(result.groups.first().is_some_and(|group| group.steps[0].users > 0), "the funnel found no one");
    Ok(started.elapsed().as_secs_f64() * 1e3)
}

/// The parts of one scan at once, merged, as the server runs them.
async fn run_parts(
    store: &Arc<SqliteStore>,
    parts: &[CompiledQuery],
    new_consumer: &(dyn Fn() -> Box<dyn RowConsumer> + Sync),
) -> anyhow::Result<QueryRows> {
    let mut tasks = Vec::new();
    for part in parts {
        let (store, part, consumer) = (store.clone(), part.clone(), new_consumer());
        tasks.push(tokio::spawn(async move { store.run_compiled_query(&part, consumer).await }));
    }
    let mut consumers = Vec::new();
    for task in tasks {
        consumers.push(task.await??);
    }
    Ok(merge_scan_parts(consumers)?)
}

async fn median_of_runs<F, Fut>(run: F) -> anyhow::Result<f64>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<f64>>,
{
    run().await?; // warm-up: the first run reads from disk
    let run_count =
        std::env::var("REEL_BENCH_QUERY_RUNS").ok().and_then(|text| text.parse().ok()).unwrap_or(TIMED_RUNS);
    let mut runs = Vec::new();
    for _ in 0..run_count {
        runs.push(run().await?);
    }
    Ok(percentile(&runs, 50.0))
}

async fn median_ms(store: &Arc<SqliteStore>, query: &SegmentationQuery) -> anyhow::Result<f64> {
    median_of_runs(|| async { Ok(time_query(store, query).await?.0) }).await
}

fn segmentation_query(value: serde_json::Value) -> anyhow::Result<SegmentationQuery> {
    Ok(serde_json::from_value(value)?)
}

pub fn run(users: u64, report: &mut Report) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let directory = tempfile::tempdir()?;
        // REEL_BENCH_ANALYTICS_STORE keeps the filled store between runs (for
        // working on a query); `make bench` always fills a fresh one.
        let kept_store = std::env::var_os("REEL_BENCH_ANALYTICS_STORE").map(std::path::PathBuf::from);
        let store_path = kept_store.clone().unwrap_or_else(|| directory.path().join("reel.sqlite3"));
        let reuse = kept_store.is_some() && store_path.exists();
        let store = Arc::new(SqliteStore::open(&store_path)?);
        let (events, insert_seconds) = if reuse {
            eprintln!("  reusing the filled store {}", store_path.display());
            (users * EVENTS_PER_USER, f64::NAN)
        } else {
            fill_store(&store, users).await?
        };
        eprintln!("  stored {events} events of {users} users in {insert_seconds:.0} s");
        let dates = json!({"start_date": "2026-09-21", "end_date": "2026-10-20"});
        let uniques = segmentation_query(json!({
            "series": [{"event_type": "[Amplitude] Page Viewed"}],
            "measure": {"kind": "uniques"}, "interval": "day",
            "start_date": dates["start_date"], "end_date": dates["end_date"],
        }))?;
        let uniques_ms = median_ms(&store, &uniques).await?;
        let grouped = segmentation_query(json!({
            "series": [{"event_type": "Purchase Completed", "group_by": [{"scope": "builtin", "name": "browser_name"}]}],
            "measure": {"kind": "property_sum", "property": {"scope": "event", "name": "amount"}}, "interval": "week",
            "start_date": dates["start_date"], "end_date": dates["end_date"],
        }))?;
        let grouped_ms = median_ms(&store, &grouped).await?;
        let page_views = time_query(&store, &uniques).await?;
        let funnel: FunnelQuery = serde_json::from_value(json!({
            "steps": FUNNEL_EVENT_TYPES.iter().map(|event_type| json!({"event_type": event_type})).collect::<Vec<_>>(),
            "conversion_window_ms": 86_400_000,
            "start_date": dates["start_date"], "end_date": dates["end_date"],
        }))?;
        let funnel_ms = median_of_runs(|| time_funnel(&store, &funnel)).await?;
        report.add_figure(
            "segmentation_10m_events_ms",
            uniques_ms,
            "ms",
            format!(
                "median of {TIMED_RUNS} after a warm-up; {events} events, {users} users, {DAYS} days on SQLite: uniques per day of \
                 [Amplitude] Page Viewed ({} row); Purchase Completed revenue per week by browser: {grouped_ms:.0} ms; \
                 storing the events through EventStore::insert_events took {insert_seconds:.0} s ({:.0} events/s)",
                page_views.1,
                events as f64 / insert_seconds
            ),
            "< 1000",
        );
        report.add_figure(
            "funnel_10m_events_ms",
            funnel_ms,
            "ms",
            format!(
                "median of {TIMED_RUNS} after a warm-up; the same {events} events: a 4-step funnel ({}) with a 1-day window \
                 over {DAYS} days",
                FUNNEL_EVENT_TYPES.join(" → ")
            ),
            "< 1000",
        );
        Ok(())
    })
}
