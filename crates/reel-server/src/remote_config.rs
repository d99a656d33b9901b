//! The remote config both SDKs read (`GET /config/{api_key}`), in the shape
//! of Amplitude's config server (shared/specs/amplitude-compat.md §4).

use reel_types::ProjectSettings;
use serde_json::{Value, json};

pub fn remote_config_for(settings: &ProjectSettings) -> Value {
    json!({
        "configs": {
            "sessionReplay": {
                "sr_sampling_config": {
                    "sample_rate": settings.replay_sample_rate,
                    "capture_enabled": settings.replay_capture_enabled,
                },
                "sr_privacy_config": {
                    "defaultMaskLevel": settings.privacy_level,
                    "blockSelector": settings.privacy_block_selectors,
                    "maskSelector": settings.privacy_mask_selectors,
                    "unmaskSelector": settings.privacy_unmask_selectors,
                },
                "sr_interaction_config": { "enabled": settings.interaction_capture_enabled, "batch": false },
                "sr_logging_config": {
                    "console": { "enabled": settings.console_capture_enabled, "levels": settings.console_levels },
                    "network": { "enabled": settings.network_capture_enabled },
                },
            },
            "analyticsSDK": { "browserSDK": {} },
            // Never above 0: the Amplitude SDK would post to Amplitude's own host.
            "diagnostics": { "browserSDK": { "enabled": false, "sampleRate": 0 } },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_follows_the_settings() {
        let settings = ProjectSettings {
            replay_sample_rate: 0.5,
            console_capture_enabled: false,
            privacy_mask_selectors: vec![".secret".into()],
            ..ProjectSettings::default()
        };
        let config = remote_config_for(&settings);
        let replay = &config["configs"]["sessionReplay"];
        assert_eq!(replay["sr_sampling_config"], json!({"sample_rate": 0.5, "capture_enabled": true}));
        assert_eq!(replay["sr_logging_config"]["console"]["enabled"], false);
        assert_eq!(replay["sr_privacy_config"]["maskSelector"], json!([".secret"]));
        assert_eq!(replay["sr_privacy_config"]["defaultMaskLevel"], "medium");
        assert_eq!(config["configs"]["diagnostics"]["browserSDK"]["sampleRate"], 0);
    }
}
