//! Compiling a segmentation query to SQL statements, one list per chart.
//!
//! Each statement scans the matching events and selects `bucket_ms,
//! group_0, group_1, user_number, value`; its `Aggregation` (see
//! `aggregate.rs`) turns the streamed rows into metrics. `value` is the
//! property a property measure reads, or for formulas the series' first
//! group-by property (for PROPCOUNT, PROPSUM and PROPAVG).

use reel_types::{CompiledQuery, RowConsumer, SqlDialect, SqlValue};

use super::aggregate::{Aggregation, ExtraAggregate};
use std::ops::Range;

use crate::query::{ANY_EVENT_TYPE, EventSeries, Measure, ValidQuery, time_slices};
use crate::sql::{Parameters, dialect_for, filter_condition, project_and_time_conditions, property_expression};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryPurpose {
    /// Metrics of one series per bucket and group, and over the range.
    SeriesMetrics { series: usize },
    /// Users with any event, per bucket and over the range.
    ActiveUsers,
    /// How many users did the event how many times.
    Frequency { series: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedQuery {
    pub purpose: QueryPurpose,
    /// The same scan over consecutive time slices, to run at once; their
    /// consumers are merged (`RowConsumer::absorb`) before `finish`.
    pub parts: Vec<CompiledQuery>,
    pub aggregation: Aggregation,
}

impl PlannedQuery {
    /// A fresh consumer for this statement's rows.
    pub fn consumer(&self) -> Box<dyn RowConsumer> {
        self.aggregation.consumer()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentationPlan {
    pub queries: Vec<PlannedQuery>,
}

/// The `WHERE` clause of a series: project, range, event type, filters.
fn series_condition(
    parameters: &mut Parameters<'_>,
    time_range: &Range<i64>,
    project_id: i64,
    series: Option<&EventSeries>,
) -> String {
    let mut conditions = project_and_time_conditions(parameters, project_id, time_range);
    if let Some(series) = series {
        if series.event_type != ANY_EVENT_TYPE {
            conditions.push(format!("event_type = {}", parameters.push(SqlValue::Text(series.event_type.clone()))));
        }
        for filter in &series.filters {
            conditions.push(filter_condition(parameters, filter));
        }
    }
    conditions.join(" AND ")
}

/// What a series' statement selects besides buckets and users.
struct SeriesColumns {
    groups: [Option<String>; 2],
    value: Option<String>,
    extra: ExtraAggregate,
}

fn series_columns(parameters: &mut Parameters<'_>, valid: &ValidQuery, series: &EventSeries) -> SeriesColumns {
    let mut property = |property| Some(property_expression(parameters, property));
    match &valid.query.measure {
        Measure::Formula { .. } => {
            let value = series.group_by.first().and_then(&mut property);
            SeriesColumns { groups: [None, None], value, extra: ExtraAggregate::GroupPropertyStats }
        }
        measure => {
            let mut groups = series.group_by.iter().map(&mut property);
            let groups = [groups.next().flatten(), groups.next().flatten()];
            let (value, extra) = match measure {
                Measure::PropertySum { property: measured } => (property(measured), ExtraAggregate::Sum),
                Measure::PropertyAverage { property: measured } => (property(measured), ExtraAggregate::Average),
                Measure::PropertyDistinctCount { property: measured } => {
                    (property(measured), ExtraAggregate::DistinctCount)
                }
                _ => (None, ExtraAggregate::None),
            };
            SeriesColumns { groups, value, extra }
        }
    }
}

/// `SELECT bucket_ms, group_0, group_1, user_number, value FROM events WHERE …`.
pub(crate) fn scan_statement(
    valid: &ValidQuery,
    project_id: i64,
    series: Option<&EventSeries>,
    dialect: SqlDialect,
    bucketed: bool,
    time_range: &Range<i64>,
) -> (CompiledQuery, ExtraAggregate) {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let sql_dialect = parameters.dialect();
    let columns = match series {
        Some(series) => series_columns(&mut parameters, valid, series),
        None => SeriesColumns { groups: [None, None], value: None, extra: ExtraAggregate::None },
    };
    let bucket = if bucketed { sql_dialect.bucket_start_ms(valid.query.interval) } else { "NULL".to_owned() };
    let [group_0, group_1] = columns.groups.map(|group| group.unwrap_or_else(|| "NULL".to_owned()));
    let value = columns.value.unwrap_or_else(|| "NULL".to_owned());
    let condition = series_condition(&mut parameters, time_range, project_id, series);
    let sql = format!(
        "SELECT {bucket} AS bucket_ms, {group_0} AS group_0, {group_1} AS group_1, {} AS user_number, {value} AS value \
         FROM events WHERE {condition}",
        sql_dialect.user_number()
    );
    (CompiledQuery { sql, parameters: parameters.values }, columns.extra)
}

/// The statements that answer `valid` for project `project_id`, each cut
/// into `scan_parts` time slices.
pub fn plan_segmentation(
    valid: &ValidQuery,
    project_id: i64,
    dialect: SqlDialect,
    scan_parts: usize,
) -> SegmentationPlan {
    let slices = time_slices(valid.start_ms..valid.end_ms, scan_parts);
    let statement = |series: Option<&EventSeries>, bucketed: bool| {
        let parts: Vec<(CompiledQuery, ExtraAggregate)> =
            slices.iter().map(|slice| scan_statement(valid, project_id, series, dialect, bucketed, slice)).collect();
        let extra = parts.first().map_or(ExtraAggregate::None, |(_, extra)| *extra);
        (parts.into_iter().map(|(compiled, _)| compiled).collect::<Vec<_>>(), extra)
    };
    let mut queries = Vec::new();
    for (index, series) in valid.query.series.iter().enumerate() {
        if valid.query.measure == Measure::Frequency {
            let (parts, _) = statement(Some(series), false);
            queries.push(PlannedQuery {
                purpose: QueryPurpose::Frequency { series: index },
                parts,
                aggregation: Aggregation::Frequency,
            });
            continue;
        }
        let (parts, extra) = statement(Some(series), true);
        queries.push(PlannedQuery {
            purpose: QueryPurpose::SeriesMetrics { series: index },
            parts,
            aggregation: Aggregation::Metrics(extra),
        });
    }
    if valid.query.measure == Measure::ActivePercent {
        let (parts, _) = statement(None, true);
        queries.push(PlannedQuery {
            purpose: QueryPurpose::ActiveUsers,
            parts,
            aggregation: Aggregation::Metrics(ExtraAggregate::None),
        });
    }
    SegmentationPlan { queries }
}
