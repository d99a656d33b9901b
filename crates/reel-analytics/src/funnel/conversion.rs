//! How far each user got through a funnel, from their step events in time
//! order. A user's attempt starts at a first-step event inside the date
//! range; each later step must come at or after the previous one and within
//! the conversion window of the attempt's start. Of several attempts the one
//! that gets furthest counts; for each step, the time to convert is that of
//! the first attempt that reached it.

use std::collections::HashMap;

use reel_types::{QueryRows, RowConsumer, SqlValue};

use crate::key_value::KeyValue;

/// One event of a user that matches at least one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepEvent {
    pub time_ms: i64,
    /// Bit `k` set: the event matches step `k`.
    pub steps_matched: u32,
    pub group: KeyValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserProgress {
    /// The group of the user's first qualifying first step.
    pub group: KeyValue,
    /// For each step reached: milliseconds from the attempt's start.
    pub reached_after_ms: Vec<i64>,
}

/// Runs the funnel over one user's events (any order; sorted here).
pub fn user_progress(
    mut events: Vec<StepEvent>,
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
) -> Option<UserProgress> {
    events.sort_by_key(|event| (event.time_ms, event.steps_matched.trailing_zeros()));
    // latest_start[k]: the latest attempt start that has reached step k.
    let mut latest_start: Vec<Option<i64>> = vec![None; step_count];
    let mut reached_after_ms: Vec<Option<i64>> = vec![None; step_count];
    let mut group = None;
    for event in &events {
        for step in (1..step_count).rev() {
            if event.steps_matched & (1 << step) == 0 {
                continue;
            }
            let Some(start_ms) = latest_start[step - 1] else { continue };
            if event.time_ms - start_ms > window_ms {
                continue;
            }
            latest_start[step] = latest_start[step].max(Some(start_ms));
            reached_after_ms[step].get_or_insert(event.time_ms - start_ms);
        }
        if event.steps_matched & 1 == 1 && start_range.contains(&event.time_ms) {
            latest_start[0] = Some(event.time_ms);
            reached_after_ms[0].get_or_insert(0);
            group.get_or_insert_with(|| event.group.clone());
        }
    }
    let group = group?;
    let reached_after_ms = reached_after_ms.into_iter().map_while(|reached| reached).collect();
    Some(UserProgress { group, reached_after_ms })
}

/// Streams the funnel statement's rows (`user_number, time_ms, group_value,
/// step_0…`) into per-user event lists and, at the end, counts per group and
/// step. Rows out: `is_overall` (1 for all users, 0 for one group),
/// `group_value`, `step`, `users`, `median_ms` (time from the first step).
pub struct FunnelAggregator {
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
    /// Whether to count per group as well as over all users.
    grouped: bool,
    users: HashMap<i64, Vec<StepEvent>>,
}

impl FunnelAggregator {
    pub fn new(step_count: usize, window_ms: i64, start_range: std::ops::Range<i64>, grouped: bool) -> Self {
        Self { step_count, window_ms, start_range, grouped, users: HashMap::new() }
    }
}

impl RowConsumer for FunnelAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let (Some(user_number), Some(time_ms)) =
            (row.first().and_then(SqlValue::as_i64), row.get(1).and_then(SqlValue::as_i64))
        else {
            return;
        };
        let mut steps_matched = 0_u32;
        for step in 0..self.step_count.min(32) {
            if row.get(3 + step).and_then(SqlValue::as_i64) == Some(1) {
                steps_matched |= 1 << step;
            }
        }
        if steps_matched == 0 {
            return;
        }
        let group = if steps_matched & 1 == 1 { KeyValue::of(row.get(2)) } else { KeyValue::Null };
        self.users.entry(user_number).or_default().push(StepEvent { time_ms, steps_matched, group });
    }

    fn finish(self: Box<Self>) -> QueryRows {
        let (step_count, window_ms, start_range, grouped) =
            (self.step_count, self.window_ms, self.start_range.clone(), self.grouped);
        // (is_overall, group) → per step: times to convert of the users who reached it.
        let mut per_group: HashMap<(bool, KeyValue), Vec<Vec<i64>>> = HashMap::new();
        for events in self.users.into_values() {
            let Some(progress) = user_progress(events, step_count, window_ms, start_range.clone()) else { continue };
            let keys = if grouped {
                vec![(true, KeyValue::Null), (false, progress.group)]
            } else {
                vec![(true, KeyValue::Null)]
            };
            for key in keys {
                let steps = per_group.entry(key).or_insert_with(|| vec![Vec::new(); step_count]);
                for (step, after_ms) in progress.reached_after_ms.iter().enumerate() {
                    if let Some(times) = steps.get_mut(step) {
                        times.push(*after_ms);
                    }
                }
            }
        }
        let mut groups: Vec<_> = per_group.into_iter().collect();
        groups.sort_by(|left, right| left.0.cmp(&right.0));
        let mut rows = Vec::new();
        for ((is_overall, group), steps) in groups {
            for (step, mut times) in steps.into_iter().enumerate() {
                times.sort_unstable();
                let median = times.get(times.len() / 2).map_or(SqlValue::Null, |time| SqlValue::Integer(*time));
                rows.push(vec![
                    SqlValue::Integer(i64::from(is_overall)),
                    group.clone().into_cell(),
                    SqlValue::Integer(step as i64),
                    SqlValue::Integer(times.len() as i64),
                    median,
                ]);
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time_ms: i64, steps_matched: u32) -> StepEvent {
        StepEvent { time_ms, steps_matched, group: KeyValue::Null }
    }

    fn reached(events: Vec<StepEvent>, window_ms: i64) -> Vec<i64> {
        user_progress(events, 3, window_ms, 0..1_000).map(|progress| progress.reached_after_ms).unwrap_or_default()
    }

    #[test]
    fn steps_count_in_order_within_the_window() {
        assert_eq!(reached(vec![event(10, 1), event(20, 2), event(30, 4)], 100), vec![0, 10, 20]);
        // Out of order: step 3 before step 2 does not count.
        assert_eq!(reached(vec![event(10, 1), event(15, 4), event(20, 2)], 100), vec![0, 10]);
        // Step 3 after the window of the start.
        assert_eq!(reached(vec![event(10, 1), event(20, 2), event(200, 4)], 100), vec![0, 10]);
        // A later start rescues the window.
        assert_eq!(
            reached(vec![event(10, 1), event(20, 2), event(150, 1), event(160, 2), event(200, 4)], 100),
            vec![0, 10, 50]
        );
        // No first step in the range: the user is not in the funnel.
        assert_eq!(user_progress(vec![event(5_000, 1), event(5_001, 2)], 3, 100, 0..1_000), None);
        // The same event type in two steps needs two events.
        assert_eq!(reached(vec![event(10, 1), event(20, 3)], 100), vec![0, 10]);
        assert_eq!(reached(vec![event(10, 1), event(20, 3), event(25, 2 | 4)], 100), vec![0, 10, 15]);
        // Ties in time are taken in step order.
        assert_eq!(reached(vec![event(10, 2), event(10, 1)], 100), vec![0, 0]);
    }
}
