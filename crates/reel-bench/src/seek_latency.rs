//! Benchmark (d): a seek to the middle of a 4-hour session, time to the first
//! bytes of the answer that starts at the keyframe, against a 5-minute session.

use std::path::Path;
use std::time::Duration;

use reel_demo_data::{DemoSessionPlan, generate_session_batches};
use reel_test_support::http_request;

use crate::report::{Report, percentile};
use crate::running_server::RunningServer;

const SEEKS: usize = 30;

fn ingest_generated(server: &RunningServer, device_id: &str, duration_ms: i64) -> anyhow::Result<(String, i64)> {
    let session_start_ms = 1_700_000_000_000_i64;
    let plan = DemoSessionPlan {
        device_id: device_id.into(),
        user_id: None,
        session_start_ms,
        duration_ms,
        base_url: "http://127.0.0.1:8080".into(),
        // The Reel SDK takes a fresh full snapshot every 5 minutes.
        page_interval_ms: 300_000,
        batch_interval_ms: 2_000,
        seed: 11,
    };
    for batch in generate_session_batches(&plan) {
        let status = server.send_batch(&serde_json::to_vec(&batch)?)?;
        anyhow::ensure!(status == 200, "ingest answered {status}");
    }
    let list = server.get_json("/api/v1/sessions?limit=500")?;
    let sessions = list["sessions"].as_array().cloned().unwrap_or_default();
    let session = sessions
        .iter()
        .find(|session| session["device_id"].as_str() == Some(device_id))
        .ok_or_else(|| anyhow::anyhow!("session {device_id} not listed"))?;
    Ok((session["id"].as_str().unwrap_or_default().to_owned(), session_start_ms + duration_ms / 2))
}

fn seek_times_ms(server: &RunningServer, session_uuid: &str, middle_ms: i64) -> anyhow::Result<Vec<f64>> {
    let mut times = Vec::new();
    for attempt in 0..SEEKS {
        let at_ms = middle_ms + attempt as i64 * 7_000;
        let path = format!("/api/v1/sessions/{session_uuid}/recording?at_ms={at_ms}&window_ms=30000");
        let answer = http_request(server.address(), "GET", &path, &[("Cookie", &server.cookie)], b"")?;
        anyhow::ensure!(answer.status == 200, "seek answered {}", answer.status);
        anyhow::ensure!(answer.json()["keyframe_ms"].as_i64().is_some(), "seek found no keyframe");
        times.push(answer.time_to_first_byte.as_secs_f64() * 1e3);
    }
    Ok(times)
}

pub fn run(reel_binary: &Path, report: &mut Report) -> anyhow::Result<()> {
    let server = RunningServer::start(
        reel_binary,
        &[("REEL_SEGMENTS__CLOSE_IDLE_MS", "500"), ("REEL_SEGMENTS__CLOSE_CHECK_INTERVAL_MS", "200")],
    )?;
    let (long_uuid, long_middle_ms) = ingest_generated(&server, "four-hours", 4 * 3_600_000)?;
    let (short_uuid, short_middle_ms) = ingest_generated(&server, "five-minutes", 5 * 60_000)?;
    // Let the segment closer close both sessions, as they would be once recorded.
    std::thread::sleep(Duration::from_secs(4));
    let long_times = seek_times_ms(&server, &long_uuid, long_middle_ms)?;
    let short_times = seek_times_ms(&server, &short_uuid, short_middle_ms - 60_000)?;
    let long_median = percentile(&long_times, 50.0);
    let short_median = percentile(&short_times, 50.0);
    report.add_figure(
        "seek_first_bytes_4h_ms",
        long_median,
        "ms",
        format!(
            "median of {SEEKS} seeks around the middle (p95 {:.1} ms); 5-minute session: {short_median:.1} ms",
            percentile(&long_times, 95.0)
        ),
        "< 100",
    );
    report.add_figure(
        "seek_ratio_4h_vs_5min",
        long_median / short_median.max(1e-3),
        "ratio",
        format!("4 h median {long_median:.1} ms / 5 min median {short_median:.1} ms"),
        "<= 1.5",
    );
    Ok(())
}
