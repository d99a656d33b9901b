//! A release `reel` on a temporary data directory, with helpers to send batches.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use reel_test_support::server_process::free_loopback_address;
use reel_test_support::{ServerProcess, http_request};

pub const API_KEY: &str = "bench-project-key";
pub const PASSWORD: &str = "bench-password";

pub struct RunningServer {
    pub process: ServerProcess,
    pub data_directory: tempfile::TempDir,
    pub cookie: String,
}

impl RunningServer {
    /// Starts reel; `environment` adds `REEL_*` settings.
    pub fn start(binary: &Path, environment: &[(&str, &str)]) -> anyhow::Result<Self> {
        let data_directory = tempfile::tempdir()?;
        let mut full_environment = vec![("REEL_ADMIN_PASSWORD", PASSWORD), ("REEL_PROJECT_API_KEY", API_KEY)];
        full_environment.extend_from_slice(environment);
        let process = ServerProcess::start(binary, data_directory.path(), free_loopback_address()?, &full_environment)
            .context("starting reel")?;
        let cookie = process.login_cookie("admin@localhost", PASSWORD).context("logging in")?;
        Ok(Self { process, data_directory, cookie })
    }

    pub fn address(&self) -> SocketAddr {
        self.process.address
    }

    pub fn segments_directory(&self) -> PathBuf {
        self.data_directory.path().join("segments")
    }

    /// Sends one batch; returns the HTTP status.
    pub fn send_batch(&self, body: &[u8]) -> anyhow::Result<u16> {
        send_batch_to(self.address(), body)
    }

    pub fn get_json(&self, path: &str) -> anyhow::Result<serde_json::Value> {
        let answer = http_request(self.address(), "GET", path, &[("Cookie", &self.cookie)], b"")?;
        anyhow::ensure!(answer.status == 200, "GET {path} answered {}", answer.status);
        Ok(answer.json())
    }
}

pub fn send_batch_to(address: SocketAddr, body: &[u8]) -> anyhow::Result<u16> {
    let authorization = format!("Bearer {API_KEY}");
    let answer = http_request(address, "POST", "/api/v1/ingest", &[("Authorization", &authorization)], body)?;
    Ok(answer.status)
}

/// The body of one ingest request around a JSON array of events.
pub fn batch_body(device_id: &str, session_id: i64, sequence: u64, events_json: &[u8]) -> Vec<u8> {
    let mut body = format!(r#"{{"session_id":{session_id},"device_id":"{device_id}","sequence":{sequence},"events":"#)
        .into_bytes();
    body.extend_from_slice(events_json);
    body.push(b'}');
    body
}

/// Total size of the files below a directory.
pub fn directory_bytes(directory: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(directory) else { return 0 };
    entries
        .filter_map(Result::ok)
        .map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                directory_bytes(&path)
            } else {
                entry.metadata().map(|metadata| metadata.len()).unwrap_or(0)
            }
        })
        .sum()
}
