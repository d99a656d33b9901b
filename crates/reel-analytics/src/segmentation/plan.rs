//! Compiling a segmentation query to SQL statements, one list per chart.
//!
//! Metric statements select, in order: `bucket_ms` (bucketed statements
//! only), `group_0`, `group_1`, `uniques`, `totals`, `extra_0..2`. The extras
//! carry the property measure, or for formulas PROPCOUNT, PROPSUM and PROPAVG
//! of the series' first group-by property.

use reel_types::{CompiledQuery, SqlDialect, SqlValue};

use crate::query::{ANY_EVENT_TYPE, EventSeries, Measure, ValidQuery};
use crate::sql::{Parameters, dialect_for, filter_condition, property_expression};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryPurpose {
    /// Metrics of one series per bucket and group.
    SeriesBuckets { series: usize },
    /// The same metrics over the whole range.
    SeriesRange { series: usize },
    /// Users with any event, per bucket (`bucket_ms`, `users`).
    ActiveUsersBuckets,
    /// Users with any event over the range (`users`).
    ActiveUsersRange,
    /// How many users did the event how many times (`group_0`, `group_1`, `times`, `users`).
    Frequency { series: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedQuery {
    pub purpose: QueryPurpose,
    pub compiled: CompiledQuery,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentationPlan {
    pub queries: Vec<PlannedQuery>,
}

/// The `WHERE` clause of a series: project, range, event type, filters.
fn series_condition(
    parameters: &mut Parameters<'_>,
    valid: &ValidQuery,
    project_id: i64,
    series: Option<&EventSeries>,
) -> String {
    let mut conditions = vec![
        format!("project_id = {}", parameters.push(SqlValue::Integer(project_id))),
        format!("time_ms >= {}", parameters.push(SqlValue::Integer(valid.start_ms))),
        format!("time_ms < {}", parameters.push(SqlValue::Integer(valid.end_ms))),
    ];
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

/// The group expressions of a series (`NULL` where there is none).
fn group_expressions(parameters: &mut Parameters<'_>, valid: &ValidQuery, series: &EventSeries) -> [Option<String>; 2] {
    if matches!(valid.query.measure, Measure::Formula { .. }) {
        return [None, None];
    }
    let mut groups = series.group_by.iter().map(|property| property_expression(parameters, property));
    [groups.next(), groups.next()]
}

fn extra_expressions(parameters: &mut Parameters<'_>, valid: &ValidQuery, series: &EventSeries) -> [String; 3] {
    let dialect = parameters.dialect();
    let null = || "NULL".to_owned();
    match &valid.query.measure {
        Measure::PropertySum { property } => {
            [format!("SUM({})", dialect.as_real(&property_expression(parameters, property))), null(), null()]
        }
        Measure::PropertyAverage { property } => {
            [format!("AVG({})", dialect.as_real(&property_expression(parameters, property))), null(), null()]
        }
        Measure::PropertyDistinctCount { property } => {
            [format!("COUNT(DISTINCT {})", property_expression(parameters, property)), null(), null()]
        }
        Measure::Formula { .. } => match series.group_by.first() {
            Some(property) => {
                let value = property_expression(parameters, property);
                [
                    format!("COUNT(DISTINCT {value})"),
                    format!("SUM({})", dialect.as_real(&value)),
                    format!("AVG({})", dialect.as_real(&value)),
                ]
            }
            None => [null(), null(), null()],
        },
        _ => [null(), null(), null()],
    }
}

fn metrics_statement(
    valid: &ValidQuery,
    project_id: i64,
    series: &EventSeries,
    dialect: SqlDialect,
    bucketed: bool,
) -> CompiledQuery {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let sql_dialect = parameters.dialect();
    let mut select = Vec::new();
    let mut group_by = Vec::new();
    if bucketed {
        select.push(format!("{} AS bucket_ms", sql_dialect.bucket_start_ms(valid.query.interval)));
        group_by.push("bucket_ms".to_owned());
    }
    let groups = group_expressions(&mut parameters, valid, series);
    for (index, group) in groups.iter().enumerate() {
        match group {
            Some(expression) => {
                select.push(format!("{expression} AS group_{index}"));
                group_by.push(format!("group_{index}"));
            }
            None => select.push(format!("NULL AS group_{index}")),
        }
    }
    select.push(format!("COUNT(DISTINCT {}) AS uniques", sql_dialect.user_key()));
    select.push("COUNT(*) AS totals".to_owned());
    for (index, extra) in extra_expressions(&mut parameters, valid, series).iter().enumerate() {
        select.push(format!("{extra} AS extra_{index}"));
    }
    let condition = series_condition(&mut parameters, valid, project_id, Some(series));
    let mut sql = format!("SELECT {} FROM events WHERE {condition}", select.join(", "));
    if !group_by.is_empty() {
        sql.push_str(&format!(" GROUP BY {}", group_by.join(", ")));
    }
    CompiledQuery { sql, parameters: parameters.values }
}

fn frequency_statement(
    valid: &ValidQuery,
    project_id: i64,
    series: &EventSeries,
    dialect: SqlDialect,
) -> CompiledQuery {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let user_key = parameters.dialect().user_key();
    let groups = group_expressions(&mut parameters, valid, series);
    let mut inner_select = Vec::new();
    let mut inner_group_by = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        inner_select.push(format!("{} AS group_{index}", group.as_deref().unwrap_or("NULL")));
        if group.is_some() {
            inner_group_by.push(format!("group_{index}"));
        }
    }
    inner_group_by.push("user_key".to_owned());
    let condition = series_condition(&mut parameters, valid, project_id, Some(series));
    let sql = format!(
        "SELECT group_0, group_1, times, COUNT(*) AS users FROM (SELECT {}, {user_key} AS user_key, COUNT(*) AS times \
         FROM events WHERE {condition} GROUP BY {}) AS per_user GROUP BY group_0, group_1, times",
        inner_select.join(", "),
        inner_group_by.join(", ")
    );
    CompiledQuery { sql, parameters: parameters.values }
}

fn active_users_statement(valid: &ValidQuery, project_id: i64, dialect: SqlDialect, bucketed: bool) -> CompiledQuery {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let sql_dialect = parameters.dialect();
    let condition = series_condition(&mut parameters, valid, project_id, None);
    let users = format!("COUNT(DISTINCT {}) AS users", sql_dialect.user_key());
    let sql = if bucketed {
        let bucket = sql_dialect.bucket_start_ms(valid.query.interval);
        format!("SELECT {bucket} AS bucket_ms, {users} FROM events WHERE {condition} GROUP BY bucket_ms")
    } else {
        format!("SELECT {users} FROM events WHERE {condition}")
    };
    CompiledQuery { sql, parameters: parameters.values }
}

/// The statements that answer `valid` for project `project_id`.
pub fn plan_segmentation(valid: &ValidQuery, project_id: i64, dialect: SqlDialect) -> SegmentationPlan {
    let mut queries = Vec::new();
    for (index, series) in valid.query.series.iter().enumerate() {
        if valid.query.measure == Measure::Frequency {
            let compiled = frequency_statement(valid, project_id, series, dialect);
            queries.push(PlannedQuery { purpose: QueryPurpose::Frequency { series: index }, compiled });
            continue;
        }
        let buckets = metrics_statement(valid, project_id, series, dialect, true);
        queries.push(PlannedQuery { purpose: QueryPurpose::SeriesBuckets { series: index }, compiled: buckets });
        let range = metrics_statement(valid, project_id, series, dialect, false);
        queries.push(PlannedQuery { purpose: QueryPurpose::SeriesRange { series: index }, compiled: range });
    }
    if valid.query.measure == Measure::ActivePercent {
        let buckets = active_users_statement(valid, project_id, dialect, true);
        queries.push(PlannedQuery { purpose: QueryPurpose::ActiveUsersBuckets, compiled: buckets });
        let range = active_users_statement(valid, project_id, dialect, false);
        queries.push(PlannedQuery { purpose: QueryPurpose::ActiveUsersRange, compiled: range });
    }
    SegmentationPlan { queries }
}
