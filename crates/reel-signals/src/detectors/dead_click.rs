//! `dead_click`: a click on an element that looks clickable, followed by no
//! reaction within `dead_click_timeout_ms`. Only one check is pending at a
//! time; clicks during a pending check are not checked. A check that would
//! end after the recording ends cannot be decided and yields nothing.

use crate::timeline::Timeline;
use crate::{Signal, SignalKind, SignalSettings};

pub fn detect(timeline: &Timeline, settings: &SignalSettings) -> Vec<Signal> {
    let mut signals = Vec::new();
    let mut pending_until_ms = i64::MIN;
    for click in &timeline.clicks {
        if click.time_ms <= pending_until_ms {
            continue;
        }
        if !click.element.looks_clickable || click.element.excluded_from_dead_click {
            continue;
        }
        let deadline_ms = click.time_ms + settings.dead_click_timeout_ms;
        pending_until_ms = deadline_ms;
        if deadline_ms > timeline.end_ms || timeline.has_reaction_after(click, deadline_ms) {
            continue;
        }
        signals.push(Signal {
            kind: SignalKind::DeadClick,
            time_ms: click.time_ms,
            end_time_ms: deadline_ms,
            node_id: click.element.node_id,
            selector: click.element.selector.clone(),
            element_text: click.element.text.clone(),
            element_tag: click.element.tag.clone(),
            page_url: click.page_url.clone(),
            click_count: Some(1),
            x: Some(click.x),
            y: Some(click.y),
            error_message: None,
        });
    }
    signals
}
