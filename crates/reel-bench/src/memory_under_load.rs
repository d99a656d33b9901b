//! Benchmark (e): server memory while 1,000 sessions record at once. A load
//! generator on loopback plays 1,000 sessions, each sending a ~2 s batch every
//! 2 s, for a bounded time; the server's peak RSS is read from /proc.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::corpus::Corpus;
use crate::report::Report;
use reel_test_support::KeepAliveConnection;

use crate::running_server::{API_KEY, RunningServer, batch_body};

const SESSIONS: usize = 1_000;
const SENDER_THREADS: usize = 50;
const LOAD_SECONDS: u64 = 20;
const SEND_INTERVAL: Duration = Duration::from_secs(2);

pub fn run(reel_binary: &Path, corpus: &Corpus, report: &mut Report) -> anyhow::Result<()> {
    let batches: Vec<Vec<u8>> = corpus.all().flat_map(|recording| recording.batches_json(2_000)).collect();
    anyhow::ensure!(!batches.is_empty(), "empty corpus");
    let server = RunningServer::start(reel_binary, &[])?;
    let idle_kib = server.process.peak_resident_kib().unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(LOAD_SECONDS);
    let address = server.address();
    let (sent, refused) = std::thread::scope(|scope| {
        let mut senders = Vec::new();
        for thread_index in 0..SENDER_THREADS {
            let batches = &batches;
            senders.push(scope.spawn(move || {
                let sessions: Vec<usize> = (thread_index..SESSIONS).step_by(SENDER_THREADS).collect();
                let (mut sent, mut refused) = (0_u64, 0_u64);
                let mut connection = KeepAliveConnection::new(address);
                let authorization = format!("Bearer {API_KEY}");
                let mut round = 0_u64;
                while Instant::now() < deadline {
                    let round_started = Instant::now();
                    for session in &sessions {
                        let events = &batches[(session * 7 + round as usize) % batches.len()];
                        let body =
                            batch_body(&format!("load-{session}"), 1_700_000_000_000 + *session as i64, round, events);
                        match connection.post("/api/v1/ingest", &[("Authorization", &authorization)], &body) {
                            Ok(200) => sent += 1,
                            _ => refused += 1,
                        }
                    }
                    round += 1;
                    std::thread::sleep(SEND_INTERVAL.saturating_sub(round_started.elapsed()));
                }
                (sent, refused)
            }));
        }
        senders
            .into_iter()
            .filter_map(|sender| sender.join().ok())
            .fold((0, 0), |total, part| (total.0 + part.0, total.1 + part.1))
    });
    let peak_kib = server.process.peak_resident_kib().unwrap_or(0);
    report.add_figure(
        "server_rss_1000_sessions_mib",
        peak_kib as f64 / 1024.0,
        "MiB",
        format!(
            "peak RSS over {LOAD_SECONDS} s of {SESSIONS} sessions sending every 2 s ({sent} batches stored, {refused} refused); \
             idle after start: {:.1} MiB; bounded by ingest.in_flight_requests_max (64) x ingest.payload_bytes_max (10 MiB)",
            idle_kib as f64 / 1024.0
        ),
        "reported, bounded by config",
    );
    Ok(())
}
