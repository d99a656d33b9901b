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
        Ok(())
    }
}
