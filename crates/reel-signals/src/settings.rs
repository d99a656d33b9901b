//! The thresholds of signals/v1 live with the project settings.

pub use reel_types::project_settings::SignalSettings;
