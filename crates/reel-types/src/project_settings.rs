//! A project's replay and capture settings, read by both SDKs through the
//! remote config. Changes apply to sessions that start afterwards.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectSettings {
    pub replay_capture_enabled: bool,
    /// Share of sessions recorded, 0..=1.
    pub replay_sample_rate: f64,
    /// `light`, `medium` or `conservative`.
    pub privacy_level: String,
    pub privacy_block_selectors: Vec<String>,
    pub privacy_mask_selectors: Vec<String>,
    pub privacy_unmask_selectors: Vec<String>,
    pub console_capture_enabled: bool,
    pub console_levels: Vec<String>,
    pub network_capture_enabled: bool,
    pub interaction_capture_enabled: bool,
    /// Thresholds of the frustration signals (rule set signals/v1).
    pub signals: SignalSettings,
}

impl Default for ProjectSettings {
    fn default() -> Self {
        Self {
            replay_capture_enabled: true,
            replay_sample_rate: 1.0,
            privacy_level: "medium".into(),
            privacy_block_selectors: Vec::new(),
            privacy_mask_selectors: Vec::new(),
            privacy_unmask_selectors: Vec::new(),
            console_capture_enabled: true,
            console_levels: ["log", "info", "warn", "error"].map(String::from).to_vec(),
            network_capture_enabled: true,
            interaction_capture_enabled: false,
            signals: SignalSettings::default(),
        }
    }
}

pub const PRIVACY_LEVELS: [&str; 3] = ["light", "medium", "conservative"];
pub const CONSOLE_LEVELS: [&str; 5] = ["debug", "log", "info", "warn", "error"];

impl ProjectSettings {
    /// Checks value ranges; the message names the field and the allowed values.
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=1.0).contains(&self.replay_sample_rate) || self.replay_sample_rate.is_nan() {
            return Err("replay_sample_rate must be between 0 and 1".into());
        }
        if !PRIVACY_LEVELS.contains(&self.privacy_level.as_str()) {
            return Err(format!("privacy_level must be one of {PRIVACY_LEVELS:?}"));
        }
        if let Some(level) = self.console_levels.iter().find(|level| !CONSOLE_LEVELS.contains(&level.as_str())) {
            return Err(format!("console_levels has {level:?}; allowed: {CONSOLE_LEVELS:?}"));
        }
        self.signals.validate()
    }
}

/// The thresholds of signals/v1 (shared/docs/frustration-signals.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignalSettings {
    pub rage_click_count_min: usize,
    pub rage_click_window_ms: i64,
    pub rage_click_radius_px: f64,
    pub dead_click_timeout_ms: i64,
    pub error_click_window_ms: i64,
    pub thrashed_cursor_direction_changes_min: usize,
    pub thrashed_cursor_window_ms: i64,
}

impl SignalSettings {
    pub fn validate(&self) -> Result<(), String> {
        let positive = [
            ("signals.rage_click_window_ms", self.rage_click_window_ms),
            ("signals.dead_click_timeout_ms", self.dead_click_timeout_ms),
            ("signals.error_click_window_ms", self.error_click_window_ms),
            ("signals.thrashed_cursor_window_ms", self.thrashed_cursor_window_ms),
        ];
        if let Some((name, _)) = positive.iter().find(|(_, value)| *value <= 0) {
            return Err(format!("{name} must be positive"));
        }
        if self.rage_click_count_min < 2 || self.thrashed_cursor_direction_changes_min < 2 {
            return Err(
                "signals.rage_click_count_min and signals.thrashed_cursor_direction_changes_min must be at least 2"
                    .into(),
            );
        }
        if self.rage_click_radius_px.is_nan() || self.rage_click_radius_px <= 0.0 {
            return Err("signals.rage_click_radius_px must be positive".into());
        }
        Ok(())
    }
}

impl Default for SignalSettings {
    fn default() -> Self {
        Self {
            rage_click_count_min: 4,
            rage_click_window_ms: 1_000,
            rage_click_radius_px: 50.0,
            dead_click_timeout_ms: 3_000,
            error_click_window_ms: 2_000,
            thrashed_cursor_direction_changes_min: 20,
            thrashed_cursor_window_ms: 2_000,
        }
    }
}
