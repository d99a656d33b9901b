//! How far each user got through a funnel, from their step events in time
//! order. A user's attempt starts at a first-step event inside the date
//! range; each later step must come at or after the previous one and within
//! the conversion window of the attempt's start. Of several attempts the one
//! that gets furthest counts; for each step, the time to convert is that of
//! the first attempt that reached it.

use std::collections::HashMap;

use reel_types::{QueryRows, RowConsumer, SqlValue};

use crate::key_value::{KeyValue, UserMap};

/// One event of a user that matches at least one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepEvent {
    pub time_ms: i64,
    /// Bit `k` set: the event matches step `k`.
    pub steps_matched: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserProgress {
    /// The group of the user's first qualifying first step.
    pub group: KeyValue,
    /// For each step reached: milliseconds from the attempt's start.
    pub reached_after_ms: Vec<i64>,
}

/// Runs the funnel over one user's events (any order; sorted here);
/// `group` is the group of the user's first qualifying first step.
pub fn user_progress(
    events: &mut [StepEvent],
    group: KeyValue,
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
) -> Option<UserProgress> {
    events.sort_unstable_by_key(|event| (event.time_ms, event.steps_matched.trailing_zeros(), event.steps_matched));
    // latest_start[k]: the latest attempt start that has reached step k.
    let mut latest_start: Vec<Option<i64>> = vec![None; step_count];
    let mut reached_after_ms: Vec<Option<i64>> = vec![None; step_count];
    let mut entered = false;
    for event in events.iter() {
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
            entered = true;
        }
    }
    if !entered {
        return None;
    }
    let reached_after_ms = reached_after_ms.into_iter().map_while(|reached| reached).collect();
    Some(UserProgress { group, reached_after_ms })
}

/// Streams the funnel statements' rows (`user_number, time_ms,
/// steps_matched[, group_value]`) into per-user event lists and, at the end, counts per group and
/// step. Rows out: `is_overall` (1 for all users, 0 for one group),
/// `group_value`, `step`, `users`, `median_ms` (time from the first step).
pub struct FunnelAggregator {
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
    /// Whether to count per group as well as over all users.
    grouped: bool,
    /// When set, `finish` lists the users at this point instead of counting.
    point: Option<FunnelPoint>,
    /// `(user_number, event)` in arrival order: appending is cheap; they
    /// are grouped by user once, at the end.
    events: Vec<(i64, StepEvent)>,
    /// Per user: the time and group of their earliest first step in range.
    first_steps: UserMap<(i64, KeyValue)>,
}

impl FunnelAggregator {
    pub fn new(step_count: usize, window_ms: i64, start_range: std::ops::Range<i64>, grouped: bool) -> Self {
        Self {
            step_count,
            window_ms,
            start_range,
            grouped,
            point: None,
            events: Vec::new(),
            first_steps: UserMap::default(),
        }
    }
}

/// One bar of a funnel chart, for the Microscope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelPoint {
    /// 0 = the first step.
    pub step: usize,
    /// The users who reached the step before but not this one.
    pub dropped_off: bool,
    /// The group's label; none for all users.
    pub group: Option<String>,
    pub limit: usize,
}

impl FunnelAggregator {
    /// An aggregator that lists the users at `point` (rows: `user_number`).
    pub fn for_point(mut self, point: FunnelPoint) -> Self {
        self.point = Some(point);
        self.grouped = true;
        self
    }

    /// Every user in the funnel with how far they got, by user number.
    fn progresses(self) -> Vec<(i64, UserProgress)> {
        let (step_count, window_ms, start_range) = (self.step_count, self.window_ms, self.start_range.clone());
        let first_steps = self.first_steps;
        let (users, mut events, bounds) = group_by_user(self.events);
        // Two halves of the users on two threads: the per-user work is
        // independent, and this machine class has two cores.
        let middle = users.len() / 2;
        let (first_events, second_events) = events.split_at_mut(bounds[middle]);
        let run = |users: &[i64], bounds: &[usize], events: &mut [StepEvent], offset: usize| {
            let mut progresses = Vec::with_capacity(users.len());
            for (index, user_number) in users.iter().enumerate() {
                let group = first_steps.get(user_number).map_or(KeyValue::Null, |(_, group)| group.clone());
                let Some(user_events) = events.get_mut(bounds[index] - offset..bounds[index + 1] - offset) else {
                    continue;
                };
                if let Some(progress) = user_progress(user_events, group, step_count, window_ms, start_range.clone()) {
                    progresses.push((*user_number, progress));
                }
            }
            progresses
        };
        let (mut progresses, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| run(&users[middle..], &bounds[middle..], second_events, bounds[middle]));
            let first = run(&users[..middle], &bounds[..=middle], first_events, 0);
            (first, second.join())
        });
        match second {
            Ok(second) => progresses.extend(second),
            // The per-user code does not panic; if it ever did, the panic goes on.
            Err(panic) => std::panic::resume_unwind(panic),
        }
        progresses
    }
}

fn users_at_point(progresses: Vec<(i64, UserProgress)>, point: &FunnelPoint) -> QueryRows {
    progresses
        .into_iter()
        .filter(|(_, progress)| {
            point.group.as_ref().is_none_or(|label| progress.group.clone().into_cell().label() == *label)
        })
        .filter(|(_, progress)| {
            let reached = progress.reached_after_ms.len();
            if point.dropped_off { point.step > 0 && reached == point.step } else { reached > point.step }
        })
        .take(point.limit)
        .map(|(user_number, _)| vec![SqlValue::Integer(user_number)])
        .collect()
}

impl RowConsumer for FunnelAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let (Some(user_number), Some(time_ms)) =
            (row.first().and_then(SqlValue::as_i64), row.get(1).and_then(SqlValue::as_i64))
        else {
            return;
        };
        let steps_matched = row.get(2).and_then(SqlValue::as_i64).map_or(0, |mask| mask as u32);
        if steps_matched == 0 {
            return;
        }
        if self.grouped && steps_matched & 1 == 1 && self.start_range.contains(&time_ms) {
            let earliest = self.first_steps.get(&user_number).is_none_or(|(earliest_ms, _)| time_ms < *earliest_ms);
            if earliest {
                self.first_steps.insert(user_number, (time_ms, KeyValue::of(row.get(3))));
            }
        }
        self.events.push((user_number, StepEvent { time_ms, steps_matched }));
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<FunnelAggregator>() else { return false };
        self.events.extend(other.events);
        for (user_number, (time_ms, group)) in other.first_steps {
            let earliest = self.first_steps.get(&user_number).is_none_or(|(earliest_ms, _)| time_ms < *earliest_ms);
            if earliest {
                self.first_steps.insert(user_number, (time_ms, group));
            }
        }
        true
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }

    fn finish(self: Box<Self>) -> QueryRows {
        let (step_count, grouped, point) = (self.step_count, self.grouped, self.point.clone());
        let progresses = self.progresses();
        if let Some(point) = point {
            return users_at_point(progresses, &point);
        }
        // (is_overall, group) → per step: times to convert of the users who reached it.
        let mut per_group: HashMap<(bool, KeyValue), Vec<Vec<i64>>> = HashMap::new();
        for (_, progress) in progresses {
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

/// Groups `(user, event)` pairs by user: the users, the events user by user,
/// and the bounds of each user's run (`bounds[i]..bounds[i + 1]`). User
/// numbers are dense, so a counting sort does it in two passes; sparse
/// numbers fall back to sorting.
fn group_by_user(pairs: Vec<(i64, StepEvent)>) -> (Vec<i64>, Vec<StepEvent>, Vec<usize>) {
    let (Some(lowest), Some(highest)) =
        (pairs.iter().map(|(user, _)| *user).min(), pairs.iter().map(|(user, _)| *user).max())
    else {
        return (Vec::new(), Vec::new(), vec![0]);
    };
    let span = usize::try_from(highest - lowest).unwrap_or(usize::MAX).saturating_add(1);
    if span > pairs.len().saturating_mul(4).saturating_add(1_024) {
        let mut pairs = pairs;
        pairs.sort_unstable_by_key(|(user, _)| *user);
        let mut users: Vec<i64> = Vec::new();
        let mut bounds = vec![0];
        for (index, (user, _)) in pairs.iter().enumerate() {
            if users.last() != Some(user) {
                if index > 0 {
                    bounds.push(index);
                }
                users.push(*user);
            }
        }
        bounds.push(pairs.len());
        return (users, pairs.into_iter().map(|(_, event)| event).collect(), bounds);
    }
    let mut starts = vec![0_usize; span + 1];
    for (user, _) in &pairs {
        starts[(user - lowest) as usize + 1] += 1;
    }
    for index in 1..starts.len() {
        starts[index] += starts[index - 1];
    }
    let mut cursor = starts.clone();
    let mut events = vec![StepEvent { time_ms: 0, steps_matched: 0 }; pairs.len()];
    for (user, event) in pairs {
        let slot = &mut cursor[(user - lowest) as usize];
        events[*slot] = event;
        *slot += 1;
    }
    let mut users = Vec::new();
    let mut bounds = vec![0];
    for offset in 0..span {
        if starts[offset + 1] > starts[offset] {
            users.push(lowest + offset as i64);
            bounds.push(starts[offset + 1]);
        }
    }
    (users, events, bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time_ms: i64, steps_matched: u32) -> StepEvent {
        StepEvent { time_ms, steps_matched }
    }

    fn reached(mut events: Vec<StepEvent>, window_ms: i64) -> Vec<i64> {
        user_progress(&mut events, KeyValue::Null, 3, window_ms, 0..1_000)
            .map(|progress| progress.reached_after_ms)
            .unwrap_or_default()
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
        assert_eq!(user_progress(&mut [event(5_000, 1), event(5_001, 2)], KeyValue::Null, 3, 100, 0..1_000), None);
        // The same event type in two steps needs two events.
        assert_eq!(reached(vec![event(10, 1), event(20, 3)], 100), vec![0, 10]);
        assert_eq!(reached(vec![event(10, 1), event(20, 3), event(25, 2 | 4)], 100), vec![0, 10, 15]);
        // Ties in time are taken in step order.
        assert_eq!(reached(vec![event(10, 2), event(10, 1)], 100), vec![0, 0]);
    }

    #[test]
    fn grouping_by_user_keeps_every_event_dense_or_sparse() {
        for users in [[3_i64, 1, 3, 2, 1], [3, 9_000_000, 3, 2, 9_000_000]] {
            let pairs: Vec<(i64, StepEvent)> =
                users.iter().enumerate().map(|(index, user)| (*user, event(index as i64, 1))).collect();
            let (grouped_users, events, bounds) = group_by_user(pairs);
            let mut expected_users = users.to_vec();
            expected_users.sort_unstable();
            expected_users.dedup();
            assert_eq!(grouped_users, expected_users);
            for (index, user) in grouped_users.iter().enumerate() {
                let mut times: Vec<i64> =
                    events[bounds[index]..bounds[index + 1]].iter().map(|event| event.time_ms).collect();
                times.sort_unstable();
                let expected: Vec<i64> =
                    (0..users.len() as i64).filter(|time| users[*time as usize] == *user).collect();
                assert_eq!(times, expected);
            }
        }
    }
}
