//! `thrashed_cursor`: at least `thrashed_cursor_direction_changes_min`
//! changes of direction on one axis within `thrashed_cursor_window_ms`.
//! One signal per episode; an episode ends when a whole window passes
//! without a direction change.

use crate::timeline::{CursorPosition, Timeline};
use crate::{Signal, SignalKind, SignalSettings};

/// Movements smaller than this are jitter, not a direction.
const MOVEMENT_PX_MIN: f64 = 2.0;

/// Times at which the cursor reversed on one axis.
fn direction_changes(positions: &[CursorPosition], coordinate: fn(&CursorPosition) -> f64) -> Vec<i64> {
    let mut changes = Vec::new();
    let mut previous_sign = 0.0_f64;
    let mut anchor = match positions.first() {
        Some(first) => coordinate(first),
        None => return changes,
    };
    for position in positions {
        let delta = coordinate(position) - anchor;
        if delta.abs() < MOVEMENT_PX_MIN {
            continue;
        }
        let sign = delta.signum();
        if previous_sign != 0.0 && sign != previous_sign {
            changes.push(position.time_ms);
        }
        previous_sign = sign;
        anchor = coordinate(position);
    }
    changes
}

fn episodes(changes: &[i64], settings: &SignalSettings) -> Vec<(i64, i64)> {
    let mut found = Vec::new();
    let mut start_index = 0;
    let mut index = 0;
    while index < changes.len() {
        while changes[index] - changes[start_index] > settings.thrashed_cursor_window_ms {
            start_index += 1;
        }
        if index + 1 - start_index >= settings.thrashed_cursor_direction_changes_min {
            let episode_start_ms = changes[start_index];
            let mut end_index = index;
            while end_index + 1 < changes.len()
                && changes[end_index + 1] - changes[end_index] <= settings.thrashed_cursor_window_ms
            {
                end_index += 1;
            }
            found.push((episode_start_ms, changes[end_index]));
            index = end_index + 1;
            start_index = index;
            continue;
        }
        index += 1;
    }
    found
}

pub fn detect(timeline: &Timeline, settings: &SignalSettings) -> Vec<Signal> {
    let mut positions = timeline.cursor_positions.clone();
    positions.sort_by_key(|position| position.time_ms);
    let mut all_episodes = episodes(&direction_changes(&positions, |position| position.x), settings);
    all_episodes.extend(episodes(&direction_changes(&positions, |position| position.y), settings));
    all_episodes.sort_unstable();
    let mut signals: Vec<Signal> = Vec::new();
    for (start_ms, end_ms) in all_episodes {
        // The two axes of one episode overlap: keep one signal.
        if let Some(previous) = signals.last_mut()
            && start_ms <= previous.end_time_ms
        {
            previous.end_time_ms = previous.end_time_ms.max(end_ms);
            continue;
        }
        signals.push(Signal {
            kind: SignalKind::ThrashedCursor,
            time_ms: start_ms,
            end_time_ms: end_ms,
            node_id: None,
            selector: None,
            element_text: None,
            element_tag: None,
            page_url: None,
            click_count: None,
            x: None,
            y: None,
            error_message: None,
        });
    }
    signals
}
