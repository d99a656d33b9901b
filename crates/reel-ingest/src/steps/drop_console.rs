//! Step `drop_console_events` (only for sessions that started with console
//! capture off): remove rrweb console-plugin events, count them, and
//! summarize what is left again. A stale SDK may still send console logs
//! after a project turned capture off; the session's own setting decides.

use reel_types::{BatchSummary, EventHead};
use serde::Deserialize;

use crate::steps::summarize::summarize_events;
use crate::{AcceptedBatch, DropReason, DroppedEvents};

/// rrweb's plugin event type.
const PLUGIN_EVENT_TYPE: i64 = 6;
const CONSOLE_PLUGIN_PREFIX: &str = "rrweb/console";

#[derive(Deserialize)]
struct PluginEvent<'a> {
    #[serde(rename = "type")]
    event_type: i64,
    #[serde(borrow)]
    data: Option<PluginData<'a>>,
}

#[derive(Deserialize)]
struct PluginData<'a> {
    #[serde(borrow)]
    plugin: Option<std::borrow::Cow<'a, str>>,
}

fn is_console_event(raw_json: &str) -> bool {
    // Cheap test first: most events never mention the plugin.
    if !raw_json.contains(CONSOLE_PLUGIN_PREFIX) {
        return false;
    }
    let Ok(event) = serde_json::from_str::<PluginEvent<'_>>(raw_json) else { return false };
    let plugin = event.data.and_then(|data| data.plugin);
    event.event_type == PLUGIN_EVENT_TYPE && plugin.is_some_and(|name| name.starts_with(CONSOLE_PLUGIN_PREFIX))
}

/// Whether the batch holds console-plugin events at all.
pub fn has_console_events(accepted: &AcceptedBatch) -> bool {
    accepted.batch.events.iter().any(|event| is_console_event(event.get()))
}

/// Drops the console-plugin events; returns how many. When all the
/// batch's events were console events, the batch is left empty (and its
/// summary keeps only the time span).
pub fn drop_console_events(accepted: &mut AcceptedBatch) -> u64 {
    let before = accepted.batch.events.len();
    accepted.batch.events.retain(|event| !is_console_event(event.get()));
    let dropped = (before - accepted.batch.events.len()) as u64;
    if dropped > 0 {
        accepted.dropped.push(DroppedEvents { reason: DropReason::ConsoleCaptureDisabled, count: dropped });
        accepted.summary = if accepted.batch.events.is_empty() {
            // Still stored, empty, so the sequence has no gap; it keeps its time span.
            BatchSummary {
                first_event_ms: accepted.summary.first_event_ms,
                last_event_ms: accepted.summary.last_event_ms,
                ..BatchSummary::default()
            }
        } else {
            let heads: Vec<EventHead> = accepted.batch.events.iter().map(|event| EventHead::read(event)).collect();
            summarize_events(&heads)
        };
    }
    dropped
}

#[cfg(test)]
mod tests {
    use reel_types::IngestBatch;
    use serde_json::json;
    use serde_json::value::to_raw_value;

    use super::*;

    fn accepted(events: &[serde_json::Value]) -> AcceptedBatch {
        let batch = IngestBatch {
            session_id: 1,
            device_id: "d".into(),
            user_id: None,
            sequence: 0,
            sent_at_ms: None,
            api_key: None,
            events: events.iter().map(|event| to_raw_value(event).unwrap()).collect(),
        };
        let heads: Vec<EventHead> = batch.events.iter().map(|event| EventHead::read(event)).collect();
        AcceptedBatch { summary: summarize_events(&heads), batch, dropped: Vec::new() }
    }

    fn console(timestamp: i64, level: &str) -> serde_json::Value {
        json!({"type": 6, "timestamp": timestamp, "data": {"plugin": "rrweb/console@1", "payload": {"level": level, "payload": ["x"]}}})
    }

    #[test]
    fn console_plugin_events_are_dropped_counted_and_the_summary_redone() {
        let text_mentioning_console =
            json!({"type": 3, "timestamp": 30, "data": {"source": 0, "texts": [{"value": "rrweb/console docs"}]}});
        let mut batch = accepted(&[
            json!({"type": 4, "timestamp": 10, "data": {"href": "http://shop/"}}),
            console(20, "error"),
            text_mentioning_console,
            console(40, "log"),
        ]);
        assert!(has_console_events(&batch));
        assert_eq!(drop_console_events(&mut batch), 2);
        assert_eq!(batch.batch.events.len(), 2, "a DOM text that mentions the plugin stays");
        assert_eq!((batch.summary.event_count, batch.summary.last_event_ms), (2, 30));
        assert_eq!(batch.dropped, vec![DroppedEvents { reason: DropReason::ConsoleCaptureDisabled, count: 2 }]);
        assert!(!has_console_events(&batch));
    }

    #[test]
    fn a_batch_of_console_events_only_is_left_empty_with_its_time_span() {
        let mut batch = accepted(&[console(5, "log"), console(9, "warn")]);
        assert_eq!(drop_console_events(&mut batch), 2);
        assert!(batch.batch.events.is_empty());
        assert_eq!((batch.summary.first_event_ms, batch.summary.last_event_ms, batch.summary.event_count), (5, 9, 0));
    }

    #[test]
    fn other_plugins_and_clean_batches_are_untouched() {
        let mut batch = accepted(&[json!({"type": 6, "timestamp": 1, "data": {"plugin": "rrweb/network@1"}})]);
        assert!(!has_console_events(&batch));
        assert_eq!(drop_console_events(&mut batch), 0);
        assert!(batch.dropped.is_empty());
    }
}
