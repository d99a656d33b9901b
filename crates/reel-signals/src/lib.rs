//! Frustration signals, rule set `signals/v1` (shared/docs/frustration-signals.md).
//!
//! The input is a session's rrweb events in time order. They are read once
//! into a [`timeline::Timeline`] (clicks with the clicked element as a DOM
//! mirror knew it, cursor positions, reactions, errors); each detector in
//! `detectors/` is a pure function of that timeline and the thresholds.
//! Nothing here does I/O; malformed or unknown events are skipped.

pub mod detectors;
mod dom_mirror;
mod element;
pub mod evaluation;
mod settings;
mod signal;
pub mod timeline;

pub use settings::SignalSettings;
pub use signal::{Signal, SignalKind};

use serde_json::Value;

/// The identifier of this rule set, stored with every signal.
pub const RULE_SET: &str = "signals/v1";

/// Runs every detector over one session's events (ordered by time).
pub fn detect_signals(events: &[Value], settings: &SignalSettings) -> Vec<Signal> {
    let timeline = timeline::Timeline::from_events(events);
    let mut signals = Vec::new();
    signals.extend(detectors::rage_click::detect(&timeline, settings));
    signals.extend(detectors::dead_click::detect(&timeline, settings));
    signals.extend(detectors::error_click::detect(&timeline, settings));
    signals.extend(detectors::thrashed_cursor::detect(&timeline, settings));
    signals.sort_by_key(|signal| (signal.time_ms, signal.kind));
    signals
}

#[cfg(test)]
mod bad_input_tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn unknown_event_types_and_shapes_produce_nothing() {
        let events = vec![
            json!({"type": 99, "timestamp": 1, "data": {"whatever": true}}),
            json!({"type": 3, "timestamp": 2, "data": {"source": 77}}),
            json!({"type": 3, "timestamp": 3, "data": "not an object"}),
            json!({"type": 2, "timestamp": 4, "data": {"node": "garbage"}}),
            json!({"type": 3, "timestamp": 5, "data": {"source": 0, "adds": [{"parentId": 1, "node": 5}], "removes": "x"}}),
            json!("just a string"),
            json!({"timestamp": 6}),
        ];
        assert!(detect_signals(&events, &SignalSettings::default()).is_empty());
    }

    #[test]
    fn clicks_without_node_ids_or_on_unknown_nodes_produce_nothing() {
        let mut events = vec![json!({"type": 4, "timestamp": 0, "data": {"href": "http://x/"}})];
        for index in 0..6 {
            // No node id at all: not a click Reel can attribute.
            events.push(
                json!({"type": 3, "timestamp": 100 + index * 50, "data": {"source": 2, "type": 2, "x": 5, "y": 5}}),
            );
        }
        // A click on a node that was never snapshotted, then silence.
        events
            .push(json!({"type": 3, "timestamp": 1_000, "data": {"source": 2, "type": 2, "id": 4242, "x": 5, "y": 5}}));
        events.push(json!({"type": 3, "timestamp": 9_000, "data": {"source": 1, "positions": []}}));
        let signals = detect_signals(&events, &SignalSettings::default());
        assert!(signals.is_empty(), "{signals:?}");
    }

    #[test]
    fn thresholds_are_settings() {
        let fixture = include_str!("detectors/fixtures/rage_click/four_slow_clicks.json");
        let events: Vec<serde_json::Value> = serde_json::from_str(fixture).unwrap();
        assert!(
            detect_signals(&events, &SignalSettings::default())
                .iter()
                .all(|signal| signal.kind != SignalKind::RageClick)
        );
        let lenient = SignalSettings { rage_click_window_ms: 2_000, ..SignalSettings::default() };
        assert!(detect_signals(&events, &lenient).iter().any(|signal| signal.kind == SignalKind::RageClick));
    }
}
