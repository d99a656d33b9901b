//! Benchmark (c): from the ingest acknowledgement to the events being readable
//! through the read API.

use std::path::Path;
use std::time::Instant;

use crate::report::{Report, percentile};
use crate::running_server::{RunningServer, batch_body};

const SAMPLES: u64 = 300;

pub fn run(reel_binary: &Path, report: &mut Report) -> anyhow::Result<()> {
    let server = RunningServer::start(reel_binary, &[])?;
    let session_id = 1_700_000_000_000_i64;
    let mut latencies_ms = Vec::new();
    let mut session_uuid = String::new();
    for sequence in 0..SAMPLES {
        let timestamp_ms = session_id + sequence as i64 * 1_000;
        let marker = format!("availability-{sequence}");
        let events = format!(
            r#"[{{"type":3,"timestamp":{timestamp_ms},"data":{{"source":1,"positions":[],"marker":"{marker}"}}}}]"#
        );
        let status = server.send_batch(&batch_body("availability", session_id, sequence, events.as_bytes()))?;
        anyhow::ensure!(status == 200, "ingest answered {status}");
        let acknowledged = Instant::now();
        if session_uuid.is_empty() {
            let list = server.get_json("/api/v1/sessions")?;
            session_uuid = list["sessions"][0]["id"].as_str().unwrap_or_default().to_owned();
        }
        let path =
            format!("/api/v1/sessions/{session_uuid}/recording?from_ms={timestamp_ms}&to_ms={}", timestamp_ms + 1);
        loop {
            let recording = server.get_json(&path)?;
            let found = recording["events"].as_array().is_some_and(|events| {
                events.iter().any(|event| event["data"]["marker"].as_str() == Some(marker.as_str()))
            });
            if found {
                break;
            }
            anyhow::ensure!(acknowledged.elapsed().as_secs() < 30, "batch {sequence} never became readable");
        }
        latencies_ms.push(acknowledged.elapsed().as_secs_f64() * 1e3);
    }
    report.add_figure(
        "availability_p95_ms",
        percentile(&latencies_ms, 95.0),
        "ms",
        format!(
            "{SAMPLES} batches; p50 {:.2} ms, max {:.2} ms; Amplitude promises 5 minutes, OpenReplay about 4 minutes",
            percentile(&latencies_ms, 50.0),
            percentile(&latencies_ms, 100.0)
        ),
        "< 1000",
    );
    Ok(())
}
