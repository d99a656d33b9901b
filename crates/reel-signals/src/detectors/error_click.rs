//! `error_click`: a click followed by a runtime error or a console error
//! within `error_click_window_ms`. One signal per error, for the latest click
//! before it.

use crate::timeline::Timeline;
use crate::{Signal, SignalKind, SignalSettings};

pub fn detect(timeline: &Timeline, settings: &SignalSettings) -> Vec<Signal> {
    let mut signals = Vec::new();
    let mut last_signalled_click_ms = i64::MIN;
    for error in &timeline.errors {
        let clicks_before = timeline.clicks.partition_point(|click| click.time_ms <= error.time_ms);
        let Some(click) = clicks_before.checked_sub(1).and_then(|index| timeline.clicks.get(index)) else { continue };
        if error.time_ms - click.time_ms > settings.error_click_window_ms || click.time_ms == last_signalled_click_ms {
            continue;
        }
        last_signalled_click_ms = click.time_ms;
        signals.push(Signal {
            kind: SignalKind::ErrorClick,
            time_ms: click.time_ms,
            end_time_ms: error.time_ms,
            node_id: click.element.node_id,
            selector: click.element.selector.clone(),
            element_text: click.element.text.clone(),
            element_tag: click.element.tag.clone(),
            page_url: click.page_url.clone(),
            click_count: Some(1),
            x: Some(click.x),
            y: Some(click.y),
            error_message: Some(error.message.clone()),
        });
    }
    signals
}
