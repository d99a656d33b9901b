//! The Journeys query model, its statement and its result.

use reel_types::{CompiledQuery, QueryRows, RowConsumer, SqlDialect, SqlValue};
use serde::{Deserialize, Serialize};

use super::aggregate::{JourneyAggregator, JourneyPoint};
use crate::error::{AnalyticsError, AnalyticsResult, invalid};
use crate::query::{QueryLimits, date_range};
use crate::sql::{Parameters, session_scan_parts};

const PATH_EVENTS_MAX: usize = 8;
const PATHS_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneysQuery {
    /// Paths that start with this event (give this or `end_event`).
    #[serde(default)]
    pub start_event: Option<String>,
    /// Paths that end with this event.
    #[serde(default)]
    pub end_event: Option<String>,
    /// Events per path, the start or end event included (2 to 8).
    pub path_events: usize,
    /// Count `A, A, B` as `A, B`.
    #[serde(default = "default_true")]
    pub collapse_repeats: bool,
    /// Event types left out of paths (for example noise like `[Amplitude] Replay Captured`).
    #[serde(default)]
    pub exclude_event_types: Vec<String>,
    /// Paths returned, most users first (1 to 100).
    #[serde(default = "default_paths")]
    pub paths_max: usize,
    pub start_date: String,
    pub end_date: String,
}

fn default_true() -> bool {
    true
}

fn default_paths() -> usize {
    20
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidJourneys {
    pub query: JourneysQuery,
    pub start_ms: i64,
    pub end_ms: i64,
}

impl JourneysQuery {
    pub fn validate(self, limits: &QueryLimits) -> AnalyticsResult<ValidJourneys> {
        match (&self.start_event, &self.end_event) {
            (Some(event), None) | (None, Some(event)) if !event.trim().is_empty() => {}
            _ => return Err(invalid("start_event", "give a start_event or an end_event (one of them)")),
        }
        if !(2..=PATH_EVENTS_MAX).contains(&self.path_events) {
            return Err(invalid("path_events", format!("paths are 2 to {PATH_EVENTS_MAX} events long")));
        }
        if !(1..=PATHS_MAX).contains(&self.paths_max) {
            return Err(invalid("paths_max", format!("return 1 to {PATHS_MAX} paths")));
        }
        if self.exclude_event_types.len() > limits.filter_values_max {
            return Err(invalid("exclude_event_types", format!("at most {} event types", limits.filter_values_max)));
        }
        let (start_ms, end_ms) = date_range(&self.start_date, &self.end_date)?;
        Ok(ValidJourneys { query: self, start_ms, end_ms })
    }
}

impl ValidJourneys {
    pub fn consumer(&self) -> Box<dyn RowConsumer> {
        Box::new(JourneyAggregator::new(self.query.clone()))
    }

    /// A consumer that lists the users on a path or link.
    pub fn users_consumer(&self, point: JourneyPoint, limit: usize) -> Box<dyn RowConsumer> {
        Box::new(JourneyAggregator::new(self.query.clone()).for_point(point, limit))
    }
}

/// Scan parts selecting `user_number, session_id, time_ms, event_type`.
pub fn plan_journeys(
    valid: &ValidJourneys,
    project_id: i64,
    dialect: SqlDialect,
    scan_parts: usize,
) -> Vec<CompiledQuery> {
    let excluded_types = |parameters: &mut Parameters<'_>| {
        if valid.query.exclude_event_types.is_empty() {
            return Vec::new();
        }
        let excluded: Vec<String> = valid
            .query
            .exclude_event_types
            .iter()
            .map(|event_type| parameters.push(SqlValue::Text(event_type.clone())))
            .collect();
        vec![format!("event_type NOT IN ({})", excluded.join(", "))]
    };
    let columns = "session_id, time_ms, event_type";
    session_scan_parts(dialect, project_id, valid.start_ms..valid.end_ms, scan_parts, columns, &excluded_types)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneyPath {
    pub events: Vec<String>,
    /// Distinct users who took the path.
    pub users: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneyLink {
    /// Position of `from` on the path (0 = the first event).
    pub step: i64,
    pub from: String,
    pub to: String,
    pub users: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneysResult {
    /// Pathfinder: the top paths, most users first.
    pub paths: Vec<JourneyPath>,
    /// Journey Map: every transition on any path, most users first.
    pub links: Vec<JourneyLink>,
    /// Users with the start (or end) event.
    pub users: i64,
}

/// Rows in (from `JourneyAggregator`): `["users", n]`, `["path", events
/// joined by "\u{1f}", users]`, `["link", step, from, to, users]`.
pub fn assemble_journeys(valid: &ValidJourneys, rows: &QueryRows) -> AnalyticsResult<JourneysResult> {
    let mut result = JourneysResult { paths: Vec::new(), links: Vec::new(), users: 0 };
    let text = |cell: Option<&SqlValue>| cell.map(SqlValue::label).unwrap_or_default();
    let number = |cell: Option<&SqlValue>| cell.and_then(SqlValue::as_i64).unwrap_or(0);
    for row in rows {
        match row.first().map(SqlValue::label).as_deref() {
            Some("users") => result.users = number(row.get(1)),
            Some("path") => result.paths.push(JourneyPath {
                events: text(row.get(1)).split('\u{1f}').map(str::to_owned).collect(),
                users: number(row.get(2)),
            }),
            Some("link") => result.links.push(JourneyLink {
                step: number(row.get(1)),
                from: text(row.get(2)),
                to: text(row.get(3)),
                users: number(row.get(4)),
            }),
            other => return Err(AnalyticsError::UnexpectedRows(format!("unknown journeys row {other:?}"))),
        }
    }
    let by_users = |left: &JourneyPath, right: &JourneyPath| {
        right.users.cmp(&left.users).then_with(|| left.events.cmp(&right.events))
    };
    result.paths.sort_by(by_users);
    result.paths.truncate(valid.query.paths_max);
    result.links.sort_by(|left, right| {
        right
            .users
            .cmp(&left.users)
            .then_with(|| (left.step, &left.from, &left.to).cmp(&(right.step, &right.from, &right.to)))
    });
    Ok(result)
}
