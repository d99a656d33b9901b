//! Starting, waiting for and killing a real `reel serve` process.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http_client::http_request;

#[derive(Debug)]
pub struct ServerProcessError(pub String);

impl std::fmt::Display for ServerProcessError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for ServerProcessError {}

/// A running `reel serve`; killed (SIGKILL) when dropped.
pub struct ServerProcess {
    pub address: SocketAddr,
    pub child: Child,
}

/// A loopback port nobody listens on right now.
pub fn free_loopback_address() -> Result<SocketAddr, ServerProcessError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|error| ServerProcessError(error.to_string()))?;
    listener.local_addr().map_err(|error| ServerProcessError(error.to_string()))
}

impl ServerProcess {
    /// Starts `binary serve` on `data_dir` and waits until `/healthz` answers.
    pub fn start(
        binary: &Path,
        data_dir: &Path,
        address: SocketAddr,
        environment: &[(&str, &str)],
    ) -> Result<Self, ServerProcessError> {
        let mut command = Command::new(binary);
        command
            .args(["serve", "--listen", &address.to_string(), "--data-dir"])
            .arg(data_dir)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (name, value) in environment {
            command.env(name, value);
        }
        let child = command
            .spawn()
            .map_err(|error| ServerProcessError(format!("cannot start {}: {error}", binary.display())))?;
        let mut server = Self { address, child };
        server.wait_until_healthy(Duration::from_secs(30))?;
        Ok(server)
    }

    fn wait_until_healthy(&mut self, timeout: Duration) -> Result<(), ServerProcessError> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(ServerProcessError(format!("reel exited early with {status}")));
            }
            if http_request(self.address, "GET", "/healthz", &[], b"").is_ok_and(|answer| answer.status == 200) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(ServerProcessError("reel did not become healthy in time".into()))
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Peak resident memory (VmHWM) in kibibytes, from /proc.
    pub fn peak_resident_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Logs in and returns the `Cookie` header value.
    pub fn login_cookie(&self, email: &str, password: &str) -> Result<String, ServerProcessError> {
        let body = serde_json::json!({"email": email, "password": password}).to_string();
        let answer = http_request(
            self.address,
            "POST",
            "/api/v1/login",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
        .map_err(|error| ServerProcessError(error.to_string()))?;
        let cookie = answer
            .header("set-cookie")
            .ok_or_else(|| ServerProcessError(format!("login failed: {}", answer.status)))?;
        Ok(cookie.split(';').next().unwrap_or_default().to_owned())
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The `reel` binary next to the running test or benchmark executable.
pub fn reel_binary_beside_current_executable() -> Option<PathBuf> {
    let current = std::env::current_exe().ok()?;
    let mut directory = current.parent()?.to_path_buf();
    if directory.ends_with("deps") {
        directory.pop();
    }
    let candidate = directory.join("reel");
    candidate.exists().then_some(candidate)
}
