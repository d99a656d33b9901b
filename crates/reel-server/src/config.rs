//! Server configuration: defaults, then a TOML file, then `REEL_*` environment
//! variables (`__` separates nested keys: `REEL_INGEST__PAYLOAD_BYTES_MAX`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use crate::config_sections::{GeoConfig, LookupConfig, NetworkConfig, SearchConfig};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address the HTTP server binds, `host:port`.
    pub listen_address: String,
    /// Where the embedded store keeps the database and segment files.
    pub data_dir: PathBuf,
    /// Email of the admin account created on first start.
    pub admin_email: String,
    /// Password of that account; generated and printed once when absent.
    pub admin_password: Option<String>,
    /// Ingest key of the first project; generated when absent.
    pub project_api_key: Option<String>,
    pub ingest: IngestConfig,
    pub segments: SegmentConfig,
    pub recording: RecordingConfig,
    pub retention: RetentionConfig,
    pub signals: SignalsConfig,
    pub auth: AuthConfig,
    pub background: BackgroundConfig,
    pub analytics: AnalyticsConfig,
    pub network: NetworkConfig,
    pub geo: GeoConfig,
    pub search: SearchConfig,
    pub lookup: LookupConfig,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngestConfig {
    /// Largest accepted request body, compressed or decompressed.
    pub payload_bytes_max: usize,
    /// Most events in one batch.
    pub batch_events_max: usize,
    /// Longest device or user id, in characters.
    pub identifier_chars_max: usize,
    /// zstd level for open chunks (written on the request path).
    pub chunk_zstd_level: i32,
    /// Most ingest requests processed at once; more get 503 and retry. This
    /// bounds ingest memory to about this many times `payload_bytes_max`.
    pub in_flight_requests_max: usize,
    /// Most batches stored in one durable write (group commit).
    pub group_commit_chunks_max: usize,
    /// A client clock (`sent_at_ms`) further off than this is corrected.
    pub clock_skew_threshold_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentConfig {
    /// How often the segment closer looks for work.
    pub close_check_interval_ms: u64,
    /// Open chunks of a session are closed once it received nothing for this long.
    pub close_idle_ms: u64,
    /// ... or once its oldest open chunk is this old (bounds a segment's span).
    pub close_age_ms: u64,
    /// ... or once its open chunks reach this many bytes.
    pub open_bytes_max: u64,
    /// Most sessions closed in one pass.
    pub close_sessions_per_pass_max: u32,
    /// zstd level for closed segments (written in the background).
    pub zstd_level: i32,
    /// A session without a keyframe for this long gets one built on the server.
    pub synthetic_keyframe_interval_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecordingConfig {
    /// Time window returned by a seek (`at_ms`) when no `window_ms` is given.
    pub window_ms_default: i64,
    /// Largest window one read may ask for.
    pub window_ms_max: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionConfig {
    /// How often the sweeper deletes expired sessions.
    pub sweep_interval_ms: u64,
    /// Most sessions deleted in one pass.
    pub sweep_sessions_per_pass_max: u32,
    /// Retention periods a project may choose.
    pub allowed_days: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignalsConfig {
    /// How often the signals worker runs the detectors on sessions with new data.
    /// (Thresholds are per project: project settings `signals`.)
    pub check_interval_ms: u64,
}

impl Default for SignalsConfig {
    fn default() -> Self {
        Self { check_interval_ms: 1_000 }
    }
}

/// Bounds on analytics (chart) queries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyticsConfig {
    /// Events (A, B, …) in one chart.
    pub series_max: usize,
    /// Group-by properties per event.
    pub group_by_max: usize,
    /// Filters per event.
    pub filters_max: usize,
    /// Values in one filter.
    pub filter_values_max: usize,
    /// Buckets (points) per line.
    pub buckets_max: usize,
    /// Groups returned per event (the top ones).
    pub groups_max: usize,
    /// Steps of a funnel.
    pub funnel_steps_max: usize,
    /// Rows one statement may return before the query is refused as too large.
    pub rows_max: usize,
    /// Time slices a chart's scan is cut into and run at once (one per core helps).
    pub scan_parts: usize,
}

impl Default for AnalyticsConfig {
    fn default() -> Self {
        let limits = reel_analytics::QueryLimits::default();
        Self {
            series_max: limits.series_max,
            group_by_max: limits.group_by_max,
            filters_max: limits.filters_max,
            filter_values_max: limits.filter_values_max,
            buckets_max: limits.buckets_max,
            groups_max: limits.groups_max,
            funnel_steps_max: limits.funnel_steps_max,
            rows_max: 200_000,
            scan_parts: 2,
        }
    }
}

impl AnalyticsConfig {
    pub fn query_limits(&self) -> reel_analytics::QueryLimits {
        reel_analytics::QueryLimits {
            series_max: self.series_max,
            group_by_max: self.group_by_max,
            filters_max: self.filters_max,
            filter_values_max: self.filter_values_max,
            buckets_max: self.buckets_max,
            groups_max: self.groups_max,
            funnel_steps_max: self.funnel_steps_max,
        }
    }
}

/// The lane that runs background CPU work (segment compression, server-built
/// keyframes, frustration detection) so that it yields to ingest requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackgroundConfig {
    /// Threads of the lane.
    pub threads: usize,
    /// Their Unix nice value (0 = same priority as requests, 19 = lowest).
    pub nice: i32,
}

impl Default for BackgroundConfig {
    fn default() -> Self {
        Self { threads: 1, nice: 10 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    /// How long a login lasts.
    pub login_session_ttl_ms: i64,
    /// Mark the login cookie `Secure` (set when served over HTTPS).
    pub cookie_secure: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen_address: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./reel-data"),
            admin_email: "admin@localhost".into(),
            admin_password: None,
            project_api_key: None,
            ingest: IngestConfig::default(),
            segments: SegmentConfig::default(),
            recording: RecordingConfig::default(),
            retention: RetentionConfig::default(),
            signals: SignalsConfig::default(),
            auth: AuthConfig::default(),
            background: BackgroundConfig::default(),
            analytics: AnalyticsConfig::default(),
            network: NetworkConfig::default(),
            geo: GeoConfig::default(),
            search: SearchConfig::default(),
            lookup: LookupConfig::default(),
        }
    }
}

impl Default for IngestConfig {
    fn default() -> Self {
        Self {
            payload_bytes_max: 10 * 1024 * 1024,
            batch_events_max: 50_000,
            identifier_chars_max: 200,
            chunk_zstd_level: 1,
            in_flight_requests_max: 64,
            group_commit_chunks_max: 64,
            clock_skew_threshold_ms: 2_000,
        }
    }
}

impl Default for SegmentConfig {
    fn default() -> Self {
        Self {
            close_check_interval_ms: 1_000,
            close_idle_ms: 10_000,
            close_age_ms: 60_000,
            open_bytes_max: 4 * 1024 * 1024,
            close_sessions_per_pass_max: 100,
            zstd_level: 9,
            synthetic_keyframe_interval_ms: 300_000,
        }
    }
}

impl Default for RecordingConfig {
    fn default() -> Self {
        Self { window_ms_default: 60_000, window_ms_max: 3_600_000 }
    }
}

impl Default for RetentionConfig {
    fn default() -> Self {
        Self { sweep_interval_ms: 3_600_000, sweep_sessions_per_pass_max: 500, allowed_days: vec![30, 90] }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self { login_session_ttl_ms: 7 * 24 * 3_600_000, cookie_secure: false }
    }
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}; check the --config path")]
    ReadFile { path: PathBuf, source: std::io::Error },
    #[error("invalid config file {path}: {message}; see docs/configuration.md")]
    ParseFile { path: PathBuf, message: String },
    #[error("invalid environment variable {variable}: {message}; see docs/configuration.md")]
    Environment { variable: String, message: String },
}

impl Config {
    /// Builds the config from defaults, an optional TOML file, and the given
    /// environment variables (pass `std::env::vars()` in production).
    pub fn load(
        file: Option<&Path>,
        environment: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut merged = toml::Table::try_from(Config::default())
            .map_err(|error| ConfigError::ParseFile { path: PathBuf::new(), message: error.to_string() })?;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .map_err(|source| ConfigError::ReadFile { path: path.to_path_buf(), source })?;
            let file_table: toml::Table = text.parse().map_err(|error: toml::de::Error| ConfigError::ParseFile {
                path: path.to_path_buf(),
                message: error.to_string(),
            })?;
            merge_tables(&mut merged, file_table);
            Self::deserialize_table(merged.clone())
                .map_err(|message| ConfigError::ParseFile { path: path.to_path_buf(), message })?;
        }
        for (variable, value) in environment {
            apply_environment_variable(&mut merged, &variable, &value)?;
        }
        Self::deserialize_table(merged)
            .map_err(|message| ConfigError::Environment { variable: "REEL_*".into(), message })
    }

    fn deserialize_table(table: toml::Table) -> Result<Self, String> {
        toml::Value::Table(table).try_into::<Config>().map_err(|error| error.to_string())
    }
}

/// Top-level keys that may be absent from the defaults (options).
const OPTIONAL_TOP_LEVEL_KEYS: [&str; 2] = ["admin_password", "project_api_key"];

fn apply_environment_variable(merged: &mut toml::Table, variable: &str, value: &str) -> Result<(), ConfigError> {
    let Some(suffix) = variable.strip_prefix("REEL_") else { return Ok(()) };
    let path: Vec<String> = suffix.split("__").map(str::to_ascii_lowercase).collect();
    let top_level_key = path.first().map(String::as_str).unwrap_or_default();
    let is_known = merged.contains_key(top_level_key) || OPTIONAL_TOP_LEVEL_KEYS.contains(&top_level_key);
    if !is_known {
        return Ok(()); // Other tools' REEL_ variables (test harnesses) are not config.
    }
    let parsed_value = parse_environment_value(value);
    let mut table = merged;
    for (position, key) in path.iter().enumerate() {
        if position + 1 == path.len() {
            table.insert(key.clone(), parsed_value);
            return Ok(());
        }
        let entry = table.entry(key.clone()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let Some(nested) = entry.as_table_mut() else {
            return Err(ConfigError::Environment {
                variable: variable.into(),
                message: format!("{key} is not a section"),
            });
        };
        table = nested;
    }
    Ok(())
}

fn parse_environment_value(value: &str) -> toml::Value {
    if let Ok(integer) = value.parse::<i64>() {
        return toml::Value::Integer(integer);
    }
    if let Ok(boolean) = value.parse::<bool>() {
        return toml::Value::Boolean(boolean);
    }
    toml::Value::String(value.to_owned())
}

fn merge_tables(base: &mut toml::Table, overlay: toml::Table) {
    for (key, overlay_value) in overlay {
        match (base.get_mut(&key), overlay_value) {
            (Some(toml::Value::Table(base_table)), toml::Value::Table(overlay_table)) => {
                merge_tables(base_table, overlay_table)
            }
            (_, overlay_value) => {
                base.insert(key, overlay_value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(key, value)| (key.to_string(), value.to_string())).collect()
    }

    #[test]
    fn defaults_then_file_then_environment() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("reel.toml");
        std::fs::write(
            &path,
            "listen_address = \"0.0.0.0:9000\"\n[ingest]\npayload_bytes_max = 1234\nbatch_events_max = 7\n",
        )
        .unwrap();
        let config = Config::load(
            Some(&path),
            environment(&[
                ("REEL_INGEST__BATCH_EVENTS_MAX", "9"),
                ("REEL_ADMIN_PASSWORD", "secret"),
                ("REEL_BIN", "/x"),
            ]),
        )
        .unwrap();
        assert_eq!(config.listen_address, "0.0.0.0:9000");
        assert_eq!(config.ingest.payload_bytes_max, 1234);
        assert_eq!(config.ingest.batch_events_max, 9);
        assert_eq!(config.admin_password.as_deref(), Some("secret"));
        assert_eq!(config.admin_email, "admin@localhost");
    }

    #[test]
    fn unknown_file_keys_and_bad_values_are_named() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("reel.toml");
        std::fs::write(&path, "listen_adress = \"x\"\n").unwrap();
        let error = Config::load(Some(&path), Vec::new()).unwrap_err().to_string();
        assert!(error.contains("listen_adress"), "{error}");
        let error =
            Config::load(None, environment(&[("REEL_INGEST__PAYLOAD_BYTES_MAX", "lots")])).unwrap_err().to_string();
        assert!(error.contains("payload_bytes_max"), "{error}");
    }

    #[test]
    fn missing_file_names_the_path() {
        let error = Config::load(Some(Path::new("/nonexistent/reel.toml")), Vec::new()).unwrap_err().to_string();
        assert!(error.contains("/nonexistent/reel.toml") && error.contains("--config"), "{error}");
    }
}
