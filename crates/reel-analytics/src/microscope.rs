//! The Microscope: the users behind one point of a segmentation chart
//! (one series, one group, one bucket or the whole range), so the UI can
//! show their event streams and replays.

use std::collections::BTreeSet;

use reel_types::{CompiledQuery, QueryRows, RowConsumer, SqlDialect, SqlValue};
use serde::{Deserialize, Serialize};

use crate::calendar::{bucket_start_ms, next_bucket_ms};
use crate::error::{AnalyticsResult, invalid};
use crate::key_value::KeyValue;
use crate::query::{Measure, QueryLimits, SegmentationQuery, ValidQuery, time_slices};
use crate::segmentation::scan_statement;

/// Users listed per point at most, whatever the request asks.
pub const MICROSCOPE_USERS_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MicroscopeQuery {
    /// The chart the point belongs to.
    pub query: SegmentationQuery,
    /// Index of the series (0 = A).
    pub series: usize,
    /// The row's group labels (`[]` when the series is not grouped).
    #[serde(default)]
    pub group: Vec<String>,
    /// The bucket's start; none for the whole range (the row's total).
    #[serde(default)]
    pub bucket_ms: Option<i64>,
    /// Users to list (at most `MICROSCOPE_USERS_MAX`).
    #[serde(default = "default_user_limit")]
    pub limit: usize,
    /// "Streams with session replays": keep only users with a replay.
    #[serde(default)]
    pub with_replays_only: bool,
}

fn default_user_limit() -> usize {
    50
}

/// How many people a Microscope lists, and whether only those with a replay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserListOptions {
    /// People shown, 1 to `MICROSCOPE_USERS_MAX`.
    pub limit: usize,
    pub with_replays_only: bool,
}

impl UserListOptions {
    fn new(limit: usize, with_replays_only: bool) -> Self {
        Self { limit: limit.clamp(1, MICROSCOPE_USERS_MAX), with_replays_only }
    }

    /// People to collect from the scan: more than are shown when the replay
    /// filter will leave some out afterwards.
    pub fn candidates(&self) -> usize {
        if self.with_replays_only { MICROSCOPE_USERS_MAX } else { self.limit }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidMicroscope {
    pub chart: ValidQuery,
    pub series: usize,
    pub group: Vec<String>,
    /// The point's time range.
    pub start_ms: i64,
    pub end_ms: i64,
    pub listing: UserListOptions,
}

impl MicroscopeQuery {
    pub fn validate(self, limits: &QueryLimits) -> AnalyticsResult<ValidMicroscope> {
        let chart = self.query.validate(limits)?;
        if matches!(chart.query.measure, Measure::Formula { .. }) {
            return Err(invalid(
                "query.measure",
                "a formula point has no users of its own; open the point of a series instead",
            ));
        }
        if self.series >= chart.query.series.len() {
            return Err(invalid("series", format!("the chart has {} series", chart.query.series.len())));
        }
        let (start_ms, end_ms) = match self.bucket_ms {
            None => (chart.start_ms, chart.end_ms),
            Some(bucket_ms) => {
                if bucket_start_ms(chart.query.interval, bucket_ms) != bucket_ms {
                    return Err(invalid("bucket_ms", "not the start of a bucket of the chart's interval"));
                }
                let next_ms = next_bucket_ms(chart.query.interval, bucket_ms);
                (bucket_ms.max(chart.start_ms), next_ms.min(chart.end_ms))
            }
        };
        if start_ms >= end_ms {
            return Err(invalid("bucket_ms", "the bucket is outside the chart's date range"));
        }
        Ok(ValidMicroscope {
            series: self.series,
            group: self.group,
            start_ms,
            end_ms,
            listing: UserListOptions::new(self.limit, self.with_replays_only),
            chart,
        })
    }
}

/// The scan parts that find the users of a point.
pub fn plan_microscope(
    valid: &ValidMicroscope,
    project_id: i64,
    dialect: SqlDialect,
    scan_parts: usize,
) -> Vec<CompiledQuery> {
    let series = valid.chart.query.series.get(valid.series);
    time_slices(valid.start_ms..valid.end_ms, scan_parts)
        .iter()
        .map(|slice| scan_statement(&valid.chart, project_id, series, dialect, false, slice).0)
        .collect()
}

/// Collects the user numbers of rows in the point's group. Rows out:
/// `user_number`, the smallest numbers first, at most `limit`.
pub struct UserCollector {
    group: Vec<String>,
    group_count: usize,
    limit: usize,
    users: BTreeSet<i64>,
}

impl UserCollector {
    /// Keeps up to `valid.listing.candidates()` users.
    pub fn for_point(valid: &ValidMicroscope) -> Self {
        let group_count = valid.chart.query.series.get(valid.series).map_or(0, |series| series.group_by.len());
        Self { group: valid.group.clone(), group_count, limit: valid.listing.candidates(), users: BTreeSet::new() }
    }
}

impl RowConsumer for UserCollector {
    fn accept(&mut self, row: &[SqlValue]) {
        let in_group = (0..self.group_count).all(|index| {
            let label = KeyValue::of(row.get(1 + index)).into_cell().label();
            self.group.get(index).is_some_and(|wanted| *wanted == label)
        });
        if let (true, Some(user_number)) = (in_group, row.get(3).and_then(SqlValue::as_i64)) {
            self.users.insert(user_number);
        }
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<UserCollector>() else { return false };
        self.users.extend(other.users);
        true
    }

    fn finish(self: Box<Self>) -> QueryRows {
        self.users.into_iter().take(self.limit).map(|user_number| vec![SqlValue::Integer(user_number)]).collect()
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// The users behind one bar of a funnel: those who reached `step`, or with
/// `dropped_off` those who reached the step before but not this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelUsersQuery {
    pub query: crate::funnel::FunnelQuery,
    pub step: usize,
    /// The group's label; absent for all users.
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub dropped_off: bool,
    #[serde(default = "default_user_limit")]
    pub limit: usize,
    #[serde(default)]
    pub with_replays_only: bool,
}

impl FunnelUsersQuery {
    /// The funnel, the point (collecting `listing.candidates()` users) and the listing.
    pub fn validate(
        self,
        limits: &QueryLimits,
    ) -> AnalyticsResult<(crate::funnel::ValidFunnel, crate::funnel::FunnelPoint, UserListOptions)> {
        let funnel = self.query.validate(limits)?;
        if self.step >= funnel.query.steps.len() {
            return Err(invalid("step", format!("the funnel has {} steps (0-based)", funnel.query.steps.len())));
        }
        if self.dropped_off && self.step == 0 {
            return Err(invalid("dropped_off", "nobody drops off before the first step"));
        }
        let listing = UserListOptions::new(self.limit, self.with_replays_only);
        let point = crate::funnel::FunnelPoint {
            step: self.step,
            dropped_off: self.dropped_off,
            group: self.group,
            limit: listing.candidates(),
        };
        Ok((funnel, point, listing))
    }
}

/// The users on a Pathfinder path (`path`) or a Journey Map link (`link`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyUsersQuery {
    pub query: crate::journeys::JourneysQuery,
    #[serde(default)]
    pub path: Option<Vec<String>>,
    #[serde(default)]
    pub link: Option<JourneyLinkPoint>,
    #[serde(default = "default_user_limit")]
    pub limit: usize,
    #[serde(default)]
    pub with_replays_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyLinkPoint {
    pub step: usize,
    pub from: String,
    pub to: String,
}

impl JourneyUsersQuery {
    pub fn validate(
        self,
        limits: &QueryLimits,
    ) -> AnalyticsResult<(crate::journeys::ValidJourneys, crate::journeys::JourneyPoint, UserListOptions)> {
        let journeys = self.query.validate(limits)?;
        let point = match (self.path, self.link) {
            (Some(path), None) if !path.is_empty() => crate::journeys::JourneyPoint::Path(path),
            (None, Some(link)) => crate::journeys::JourneyPoint::Link { step: link.step, from: link.from, to: link.to },
            _ => return Err(invalid("path", "give a path (its events) or a link (step, from, to), one of them")),
        };
        Ok((journeys, point, UserListOptions::new(self.limit, self.with_replays_only)))
    }
}
