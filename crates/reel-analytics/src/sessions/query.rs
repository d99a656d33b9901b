//! The User Sessions query model, its statement and its result.

use reel_types::{CompiledQuery, QueryRows, RowConsumer, SqlDialect, SqlValue};
use serde::{Deserialize, Serialize};

use super::aggregate::{LENGTH_BINS, SessionAggregator};
use crate::calendar::bucket_starts;
use crate::error::{AnalyticsError, AnalyticsResult, invalid};
use crate::query::{Interval, PropertyFilter, QueryLimits, date_range, validate_filter};
use crate::sql::{Parameters, filter_condition, session_scan_parts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionMeasure {
    /// How many sessions fall in each length range, over the whole range.
    LengthDistribution,
    AverageLength,
    /// Session time per user who had a session.
    AverageTimePerUser,
    TotalSessions,
    SessionsPerUser,
    AverageEventsPerSession,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionsQuery {
    pub measure: SessionMeasure,
    pub interval: Interval,
    pub start_date: String,
    pub end_date: String,
    /// Only events matching every filter count (for example one platform).
    #[serde(default)]
    pub filters: Vec<PropertyFilter>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidSessions {
    pub query: SessionsQuery,
    pub start_ms: i64,
    pub end_ms: i64,
}

impl SessionsQuery {
    pub fn validate(self, limits: &QueryLimits) -> AnalyticsResult<ValidSessions> {
        if self.filters.len() > limits.filters_max {
            return Err(invalid("filters", format!("at most {} filters", limits.filters_max)));
        }
        for (index, filter) in self.filters.iter().enumerate() {
            validate_filter(&format!("filters[{index}]"), filter, limits)?;
        }
        let (start_ms, end_ms) = date_range(&self.start_date, &self.end_date)?;
        let bucket_count = bucket_starts(self.interval, start_ms, end_ms).len();
        if bucket_count > limits.buckets_max {
            return Err(invalid("interval", format!("{bucket_count} buckets is more than {}", limits.buckets_max)));
        }
        Ok(ValidSessions { query: self, start_ms, end_ms })
    }
}

/// Scan parts selecting `user_number, session_id, time_ms` of every event in range.
pub fn plan_sessions(
    valid: &ValidSessions,
    project_id: i64,
    dialect: SqlDialect,
    scan_parts: usize,
) -> Vec<CompiledQuery> {
    let filters = |parameters: &mut Parameters<'_>| {
        valid.query.filters.iter().map(|filter| filter_condition(parameters, filter)).collect()
    };
    session_scan_parts(dialect, project_id, valid.start_ms..valid.end_ms, scan_parts, "session_id, time_ms", &filters)
}

impl ValidSessions {
    pub fn consumer(&self) -> Box<dyn RowConsumer> {
        Box::new(SessionAggregator::new(self.query.interval))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LengthBin {
    pub label: String,
    pub sessions: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionsResult {
    pub measure: SessionMeasure,
    pub interval: Interval,
    pub buckets_ms: Vec<i64>,
    /// One value per bucket (empty for the distribution).
    pub values: Vec<f64>,
    /// The measure over the whole range.
    pub total: f64,
    /// For `length_distribution`: sessions per length range.
    pub distribution: Vec<LengthBin>,
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 { 0.0 } else { numerator / denominator }
}

/// Rows in: `bucket_ms` (null for the range), `sessions`, `users`,
/// `length_ms_sum`, `events`, then one count per length bin.
pub fn assemble_sessions(valid: &ValidSessions, rows: &QueryRows) -> AnalyticsResult<SessionsResult> {
    let buckets_ms = bucket_starts(valid.query.interval, valid.start_ms, valid.end_ms);
    let measure = valid.query.measure;
    let value_of = |row: &[SqlValue]| -> AnalyticsResult<f64> {
        let number = |index: usize| {
            row.get(index)
                .and_then(SqlValue::as_f64)
                .ok_or_else(|| AnalyticsError::UnexpectedRows(format!("a sessions row has no column {index}")))
        };
        let (sessions, users, length_ms, events) = (number(1)?, number(2)?, number(3)?, number(4)?);
        Ok(match measure {
            SessionMeasure::TotalSessions | SessionMeasure::LengthDistribution => sessions,
            SessionMeasure::AverageLength => ratio(length_ms, sessions),
            SessionMeasure::AverageTimePerUser => ratio(length_ms, users),
            SessionMeasure::SessionsPerUser => ratio(sessions, users),
            SessionMeasure::AverageEventsPerSession => ratio(events, sessions),
        })
    };
    let mut values = vec![0.0; buckets_ms.len()];
    let (mut total, mut distribution) = (0.0, Vec::new());
    for row in rows {
        match row.first().and_then(SqlValue::as_i64) {
            Some(bucket_ms) => {
                if let Some(index) = buckets_ms.iter().position(|bucket| *bucket == bucket_ms) {
                    values[index] = value_of(row)?;
                }
            }
            None => {
                total = value_of(row)?;
                distribution = LENGTH_BINS
                    .iter()
                    .enumerate()
                    .map(|(index, (label, _))| LengthBin {
                        label: (*label).to_owned(),
                        sessions: row.get(5 + index).and_then(SqlValue::as_i64).unwrap_or(0),
                    })
                    .collect();
            }
        }
    }
    if measure == SessionMeasure::LengthDistribution {
        values.clear();
    } else {
        distribution.clear();
    }
    Ok(SessionsResult { measure, interval: valid.query.interval, buckets_ms, values, total, distribution })
}
