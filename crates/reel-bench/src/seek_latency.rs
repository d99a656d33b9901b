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
    ingest_generated_with_pages(server, device_id, duration_ms, 300_000, false)
}

/// `page_interval_ms` is how often the SDK takes a full snapshot; with
/// `pause_for_closing`, uploads pause every 5 recorded minutes so the segment
/// closer runs along the way, as it does while a real session records.
fn ingest_generated_with_pages(
    server: &RunningServer,
    device_id: &str,
    duration_ms: i64,
    page_interval_ms: i64,
    pause_for_closing: bool,
) -> anyhow::Result<(String, i64)> {
    let session_start_ms = 1_700_000_000_000_i64;
    let plan = DemoSessionPlan {
        device_id: device_id.into(),
        user_id: None,
        session_start_ms,
        duration_ms,
        base_url: "http://127.0.0.1:8080".into(),
        page_interval_ms,
        batch_interval_ms: 2_000,
        seed: 11,
    };
    for (index, batch) in generate_session_batches(&plan).into_iter().enumerate() {
        let status = server.send_batch(&serde_json::to_vec(&batch)?)?;
        anyhow::ensure!(status == 200, "ingest answered {status}");
        if pause_for_closing && index % 150 == 149 {
            std::thread::sleep(Duration::from_millis(400));
        }
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
    Ok(seek_measurements(server, session_uuid, middle_ms)?.into_iter().map(|(time_ms, _)| time_ms).collect())
}

/// Time to first byte and answer size of seeks around `middle_ms`.
fn seek_measurements(server: &RunningServer, session_uuid: &str, middle_ms: i64) -> anyhow::Result<Vec<(f64, usize)>> {
    let mut times = Vec::new();
    for attempt in 0..SEEKS {
        let at_ms = middle_ms + attempt as i64 * 7_000;
        let path = format!("/api/v1/sessions/{session_uuid}/recording?at_ms={at_ms}&window_ms=30000");
        let answer = http_request(server.address(), "GET", &path, &[("Cookie", &server.cookie)], b"")?;
        anyhow::ensure!(answer.status == 200, "seek answered {}", answer.status);
        anyhow::ensure!(answer.json()["keyframe_ms"].as_i64().is_some(), "seek found no keyframe");
        times.push((answer.time_to_first_byte.as_secs_f64() * 1e3, answer.body.len()));
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

/// Measure and choose: a 4-hour single-page session whose SDK never takes
/// another full snapshot (Amplitude's behaviour), with and without keyframes
/// built on the server.
pub fn run_single_page(reel_binary: &Path, report: &mut Report) -> anyhow::Result<()> {
    let environment = [("REEL_SEGMENTS__CLOSE_IDLE_MS", "100"), ("REEL_SEGMENTS__CLOSE_CHECK_INTERVAL_MS", "100")];
    let mut medians = Vec::new();
    for synthetic_interval in ["300000", "100000000000"] {
        let mut full_environment = environment.to_vec();
        full_environment.push(("REEL_SEGMENTS__SYNTHETIC_KEYFRAME_INTERVAL_MS", synthetic_interval));
        let server = RunningServer::start(reel_binary, &full_environment)?;
        let (session_uuid, middle_ms) =
            ingest_generated_with_pages(&server, "single-page", 4 * 3_600_000, 5 * 3_600_000, true)?;
        std::thread::sleep(Duration::from_secs(2));
        let measurements = seek_measurements(&server, &session_uuid, middle_ms)?;
        let times: Vec<f64> = measurements.iter().map(|(time_ms, _)| *time_ms).collect();
        let bytes: Vec<f64> = measurements.iter().map(|(_, bytes)| *bytes as f64).collect();
        medians.push((percentile(&times, 50.0), percentile(&bytes, 50.0)));
    }
    let [(with_ms, with_bytes), (without_ms, without_bytes)] = [medians[0], medians[1]];
    report.add_figure(
        "seek_first_bytes_4h_single_page_ms",
        with_ms,
        "ms",
        format!(
            "one page load, no periodic snapshots (like Amplitude's SDK): with server-built keyframes {with_ms:.1} ms and {:.0} KB \
             per seek; without them (reading from the page load) {without_ms:.1} ms and {:.0} KB",
            with_bytes / 1e3,
            without_bytes / 1e3
        ),
        "< 100",
    );
    Ok(())
}
