//! Turning the funnel aggregator's rows into the conversion measure.

use serde::Serialize;

use super::query::ValidFunnel;
use crate::error::{AnalyticsError, AnalyticsResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelStepResult {
    pub event_type: String,
    pub users: i64,
    /// Share of the users who did step 1, in percent.
    pub percent_of_first: f64,
    /// Share of the users who did the step before, in percent.
    pub percent_of_previous: f64,
    /// Users who did the step before but not this one.
    pub dropped_off: i64,
    /// Median time from step 1 to this step, for the users who reached it.
    pub median_time_to_convert_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelGroup {
    /// Empty for all users; otherwise the group-by value.
    pub group: Vec<String>,
    pub steps: Vec<FunnelStepResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelResult {
    /// All users first, then the top groups by users at step 1.
    pub groups: Vec<FunnelGroup>,
}

/// `(is_overall, group label, (users, median ms) per step)`.
type CollectedGroup = (bool, String, Vec<(i64, Option<i64>)>);

fn percent(part: i64, whole: i64) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}

pub fn assemble_funnel(
    valid: &ValidFunnel,
    rows: &[Vec<reel_types::SqlValue>],
    groups_max: usize,
) -> AnalyticsResult<FunnelResult> {
    let step_count = valid.query.steps.len();
    let mut collected: Vec<CollectedGroup> = Vec::new();
    for row in rows {
        let [is_overall, group, step, users, median] = row.as_slice() else {
            return Err(AnalyticsError::UnexpectedRows(format!("a funnel row has {} cells", row.len())));
        };
        let is_overall = is_overall.as_i64() == Some(1);
        let label = group.label();
        let position =
            match collected.iter().position(|(overall, existing, _)| *overall == is_overall && *existing == label) {
                Some(position) => position,
                None => {
                    collected.push((is_overall, label, vec![(0, None); step_count]));
                    collected.len() - 1
                }
            };
        let step = step.as_i64().and_then(|step| usize::try_from(step).ok()).unwrap_or(usize::MAX);
        if let Some(slot) = collected.get_mut(position).and_then(|(_, _, steps)| steps.get_mut(step)) {
            *slot = (users.as_i64().unwrap_or(0), median.as_i64());
        }
    }
    collected.sort_by(|left, right| {
        right.0.cmp(&left.0).then_with(|| right.2[0].0.cmp(&left.2[0].0)).then_with(|| left.1.cmp(&right.1))
    });
    if !collected.iter().any(|(is_overall, _, _)| *is_overall) {
        collected.insert(0, (true, String::new(), vec![(0, None); step_count]));
    }
    let groups = collected
        .into_iter()
        .take(groups_max + 1)
        .map(|(is_overall, label, counts)| {
            let first = counts.first().map_or(0, |(users, _)| *users);
            let steps = valid
                .query
                .steps
                .iter()
                .zip(&counts)
                .enumerate()
                .map(|(index, (step, (users, median)))| {
                    let previous = if index == 0 { *users } else { counts[index - 1].0 };
                    FunnelStepResult {
                        event_type: step.event_type.clone(),
                        users: *users,
                        percent_of_first: percent(*users, first),
                        percent_of_previous: percent(*users, previous),
                        dropped_off: previous - users,
                        median_time_to_convert_ms: *median,
                    }
                })
                .collect();
            FunnelGroup { group: if is_overall { Vec::new() } else { vec![label] }, steps }
        })
        .collect();
    Ok(FunnelResult { groups })
}
