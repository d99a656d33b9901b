//! Step `summarize_batch`: what the session index needs to know about a batch.

use reel_types::rrweb::{custom_tag, event_type, incremental_source, mouse_interaction};
use reel_types::{BatchSummary, EventHead};

/// Summarizes the heads of events that passed `drop_invalid_events`.
pub fn summarize_events(heads: &[EventHead]) -> BatchSummary {
    let mut summary = BatchSummary { first_event_ms: i64::MAX, last_event_ms: i64::MIN, ..BatchSummary::default() };
    let mut meta_right_before_ms: Option<i64> = None;
    for head in heads {
        let event_type_value = head.event_type.unwrap_or(-1);
        let timestamp_ms = head.timestamp_ms.unwrap_or(0);
        summary.first_event_ms = summary.first_event_ms.min(timestamp_ms);
        summary.last_event_ms = summary.last_event_ms.max(timestamp_ms);
        summary.event_count += 1;
        match event_type_value {
            event_type::META => {
                if let Some(href) = &head.data_href {
                    summary.page_urls.push(href.clone());
                }
            }
            event_type::FULL_SNAPSHOT => {
                summary.has_full_snapshot = true;
                if summary.keyframe_ms.is_none() {
                    let keyframe_start_ms = meta_right_before_ms.unwrap_or(timestamp_ms).min(timestamp_ms);
                    summary.keyframe_ms = Some(keyframe_start_ms);
                }
            }
            event_type::INCREMENTAL_SNAPSHOT if is_click(head) => summary.click_count += 1,
            event_type::CUSTOM if head.data_tag.as_deref() == Some(custom_tag::RUNTIME_ERROR) => {
                summary.error_count += 1
            }
            _ => {}
        }
        meta_right_before_ms = (event_type_value == event_type::META).then_some(timestamp_ms);
    }
    if summary.event_count == 0 {
        summary.first_event_ms = 0;
        summary.last_event_ms = 0;
    }
    summary
}

fn is_click(head: &EventHead) -> bool {
    head.data_source == Some(incremental_source::MOUSE_INTERACTION) && head.data_type == Some(mouse_interaction::CLICK)
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use serde_json::value::to_raw_value;

    use super::*;

    fn heads(events: &[serde_json::Value]) -> Vec<EventHead> {
        events.iter().map(|event| EventHead::read(&to_raw_value(event).unwrap())).collect()
    }

    #[test]
    fn counts_pages_clicks_and_errors() {
        let events = vec![
            json!({"type": 4, "timestamp": 100, "data": {"href": "http://shop/a", "width": 1, "height": 1}}),
            json!({"type": 2, "timestamp": 101, "data": {}}),
            json!({"type": 3, "timestamp": 150, "data": {"source": 2, "type": 2, "id": 5, "x": 1, "y": 1}}),
            json!({"type": 3, "timestamp": 160, "data": {"source": 2, "type": 1, "id": 5}}),
            json!({"type": 5, "timestamp": 170, "data": {"tag": "reel.error", "payload": {"message": "boom"}}}),
            json!({"type": 4, "timestamp": 90, "data": {"href": "http://shop/b"}}),
        ];
        let summary = summarize_events(&heads(&events));
        assert_eq!(summary.first_event_ms, 90);
        assert_eq!(summary.last_event_ms, 170);
        assert_eq!(summary.event_count, 6);
        assert_eq!(summary.page_urls, vec!["http://shop/a", "http://shop/b"]);
        assert_eq!(summary.click_count, 1);
        assert_eq!(summary.error_count, 1);
        assert!(summary.has_full_snapshot);
        assert_eq!(summary.keyframe_ms, Some(100), "the keyframe starts at the Meta before the FullSnapshot");
    }

    #[test]
    fn a_full_snapshot_without_meta_is_its_own_keyframe() {
        let events = heads(&[
            json!({"type": 3, "timestamp": 10, "data": {"source": 1}}),
            json!({"type": 2, "timestamp": 20, "data": {}}),
            json!({"type": 4, "timestamp": 30, "data": {"href": "x"}}),
            json!({"type": 2, "timestamp": 31, "data": {}}),
        ]);
        assert_eq!(summarize_events(&events).keyframe_ms, Some(20));
        assert_eq!(summarize_events(&events[..1]).keyframe_ms, None);
    }
}
