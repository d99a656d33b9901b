//! Benchmarks (a) and (b): uncompressed rrweb JSON through HTTP to durable
//! storage, as a ratio to the `zstd -3` CLI on the same bytes; and the bytes
//! Reel stores per recorded minute against raw, gzip -6, snappy and zstd -3.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;

use crate::compression_study::{gzip6, snappy, zstd3};
use crate::corpus::Corpus;
use crate::report::Report;
use reel_test_support::KeepAliveConnection;

use crate::running_server::{API_KEY, RunningServer, batch_body, directory_bytes};

const TARGET_TOTAL_BYTES: usize = 120_000_000;
const SENDER_THREADS: usize = 4;
/// The SDK's flush interval (`flushIntervalMs`).
const SDK_FLUSH_INTERVAL_MS: i64 = 2_000;
/// The SDK's largest batch (`batchMaxBytes`).
const SDK_BATCH_BYTES_MAX: usize = 900_000;

struct Workload {
    /// Request bodies, in per-session order (one session per sender at a time).
    sessions: Vec<Vec<Vec<u8>>>,
    events_bytes: usize,
    recorded_minutes: f64,
    event_arrays: Vec<Vec<u8>>,
}

/// `flush_interval_ms` of `i64::MAX` models a busy page or a queue drained
/// after being offline: every batch is as large as the SDK sends.
fn build_workload(corpus: &Corpus, flush_interval_ms: i64) -> Workload {
    let corpus_bytes: usize = corpus.all().map(|recording| recording.raw_bytes()).sum();
    let copies = TARGET_TOTAL_BYTES.div_ceil(corpus_bytes.max(1));
    let mut workload =
        Workload { sessions: Vec::new(), events_bytes: 0, recorded_minutes: 0.0, event_arrays: Vec::new() };
    for copy in 0..copies {
        for (recording_index, recording) in corpus.all().enumerate() {
            let device_id = format!("bench-{recording_index}-{copy}");
            let session_id = 1_700_000_000_000 + (copy * 1_000 + recording_index) as i64;
            let batches = recording.batches_json_within(flush_interval_ms, SDK_BATCH_BYTES_MAX);
            let mut bodies = Vec::with_capacity(batches.len());
            for (sequence, events_json) in batches.into_iter().enumerate() {
                workload.events_bytes += events_json.len();
                bodies.push(batch_body(&device_id, session_id, sequence as u64, &events_json));
                workload.event_arrays.push(events_json);
            }
            workload.sessions.push(bodies);
            workload.recorded_minutes += recording.duration_minutes();
        }
    }
    workload
}

fn send_workload(server: &RunningServer, workload: &Workload) -> anyhow::Result<Duration> {
    let next_session = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let mut senders = Vec::new();
        for _ in 0..SENDER_THREADS {
            let next_session = next_session.clone();
            let address = server.address();
            senders.push(scope.spawn(move || -> anyhow::Result<()> {
                let mut connection = KeepAliveConnection::new(address);
                let authorization = format!("Bearer {API_KEY}");
                loop {
                    let index = next_session.fetch_add(1, Ordering::Relaxed);
                    let Some(bodies) = workload.sessions.get(index) else { return Ok(()) };
                    for body in bodies {
                        let status = connection.post("/api/v1/ingest", &[("Authorization", &authorization)], body)?;
                        anyhow::ensure!(status == 200, "ingest answered {status}");
                    }
                }
            }));
        }
        for sender in senders {
            sender.join().map_err(|_| anyhow::anyhow!("a sender thread panicked"))??;
        }
        Ok(())
    })?;
    Ok(started.elapsed())
}

/// Seconds the zstd CLI takes for `zstd -3` over the same JSON bytes: the
/// median of three runs, since one run varies by 2x on a shared machine.
fn zstd_cli_seconds(event_arrays: &[Vec<u8>]) -> anyhow::Result<f64> {
    let file = tempfile::NamedTempFile::new()?;
    std::fs::write(file.path(), event_arrays.concat())?;
    let mut runs_seconds = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let status = Command::new("zstd")
            .args(["-3", "-q", "-c"])
            .arg(file.path())
            .stdout(Stdio::null())
            .status()
            .context("running the zstd CLI (Debian package zstd; make bench installs it)")?;
        anyhow::ensure!(status.success(), "zstd failed");
        runs_seconds.push(started.elapsed().as_secs_f64());
    }
    runs_seconds.sort_by(f64::total_cmp);
    Ok(runs_seconds[1])
}

fn wait_until_all_segments_closed(server: &RunningServer) -> u64 {
    let mut previous = 0;
    let mut stable_checks = 0;
    while stable_checks < 6 {
        std::thread::sleep(Duration::from_millis(500));
        let current = directory_bytes(&server.segments_directory());
        stable_checks = if current == previous { stable_checks + 1 } else { 0 };
        previous = current;
    }
    previous
}

pub fn run(reel_binary: &Path, corpus: &Corpus, report: &mut Report) -> anyhow::Result<()> {
    let full_batches = build_workload(corpus, i64::MAX);
    let server = start_server(reel_binary, false)?;
    let ingest = measure_ingest(&server, &full_batches)?;
    drop(server);
    let zstd_megabytes_per_second = full_batches.megabytes() / zstd_cli_seconds(&full_batches.event_arrays)?;
    report.add_figure(
        "ingest_throughput_ratio_vs_zstd3",
        ingest.megabytes_per_second / zstd_megabytes_per_second,
        "ratio",
        format!(
            "Reel acknowledged {:.0} MB of rrweb JSON, durable, in {} full SDK batches (<= {SDK_BATCH_BYTES_MAX} bytes, \
             the SDK's batchMaxBytes; {SENDER_THREADS} keep-alive senders) at {:.1} MB/s; zstd -3 CLI on the same bytes: \
             {zstd_megabytes_per_second:.1} MB/s. Default settings: segments close (zstd -{}) 10 s after a session's last batch, \
             on the background lane",
            full_batches.megabytes(),
            full_batches.event_arrays.len(),
            ingest.megabytes_per_second,
            SEGMENT_ZSTD_LEVEL,
        ),
        ">= 0.5",
    );
    let two_second_batches = build_workload(corpus, SDK_FLUSH_INTERVAL_MS);
    let server = start_server(reel_binary, true)?;
    let ingest = measure_ingest(&server, &two_second_batches)?;
    report.add_figure(
        "ingest_throughput_two_second_batches_mb_per_s",
        ingest.megabytes_per_second,
        "MB/s",
        format!(
            "{} batches of one {SDK_FLUSH_INTERVAL_MS} ms flush each (mean {:.1} KB), {SENDER_THREADS} keep-alive senders: \
             {:.0} requests/s; zstd -3 CLI on the same bytes: {zstd_megabytes_per_second:.1} MB/s",
            two_second_batches.event_arrays.len(),
            two_second_batches.events_bytes as f64 / two_second_batches.event_arrays.len() as f64 / 1e3,
            two_second_batches.event_arrays.len() as f64 / ingest.elapsed.as_secs_f64(),
        ),
        "reported",
    );
    let stored_bytes = wait_until_all_segments_closed(&server);
    report_stored_bytes(&two_second_batches, stored_bytes, report)
}

const SEGMENT_ZSTD_LEVEL: i32 = 9;

/// `quick_close` closes segments a second after the last batch, so that the
/// stored bytes can be measured soon; otherwise the defaults apply.
fn start_server(reel_binary: &Path, quick_close: bool) -> anyhow::Result<RunningServer> {
    let environment: &[(&str, &str)] = if quick_close {
        &[("REEL_SEGMENTS__CLOSE_IDLE_MS", "1000"), ("REEL_SEGMENTS__CLOSE_CHECK_INTERVAL_MS", "200")]
    } else {
        &[]
    };
    RunningServer::start(reel_binary, environment)
}

struct IngestMeasurement {
    elapsed: Duration,
    megabytes_per_second: f64,
}

fn measure_ingest(server: &RunningServer, workload: &Workload) -> anyhow::Result<IngestMeasurement> {
    let elapsed = send_workload(server, workload)?;
    Ok(IngestMeasurement { elapsed, megabytes_per_second: workload.megabytes() / elapsed.as_secs_f64() })
}

impl Workload {
    fn megabytes(&self) -> f64 {
        self.events_bytes as f64 / 1e6
    }
}

fn report_stored_bytes(workload: &Workload, stored_bytes: u64, report: &mut Report) -> anyhow::Result<()> {
    let per_minute = |bytes: f64| bytes / workload.recorded_minutes;
    let mut baseline_bytes = [0_usize; 4];
    for events_json in &workload.event_arrays {
        baseline_bytes[0] += events_json.len();
        baseline_bytes[1] += gzip6(events_json)?.len();
        baseline_bytes[2] += snappy(events_json)?.len();
        baseline_bytes[3] += zstd3(events_json)?.len();
    }
    let [raw, gzip, snappy_bytes, zstd] = baseline_bytes.map(|bytes| per_minute(bytes as f64) / 1e3);
    let stored = per_minute(stored_bytes as f64) / 1e3;
    report.add_figure(
        "stored_bytes_ratio_vs_gzip6",
        stored / gzip,
        "ratio",
        format!(
            "per recorded minute: Reel stores {stored:.1} KB; each 2 s batch compressed alone: raw {raw:.1} KB, gzip -6 {gzip:.1} KB, \
             snappy {snappy_bytes:.1} KB, zstd -3 {zstd:.1} KB"
        ),
        "<= 0.6",
    );
    Ok(())
}
