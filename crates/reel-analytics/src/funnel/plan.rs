//! Compiling a funnel to one statement: every event of a step type from the
//! range start to the range end plus the window, with one 0/1 column per
//! step (its type and filters) and the group property.
//!
//! Columns: `user_number`, `time_ms`, `group_value`, `step_0` … `step_n`.

use reel_types::{CompiledQuery, RowConsumer, SqlDialect, SqlValue};

use super::conversion::FunnelAggregator;
use super::query::ValidFunnel;
use crate::sql::{Parameters, dialect_for, filter_condition, property_expression};

#[derive(Debug, Clone, PartialEq)]
pub struct FunnelPlan {
    pub compiled: CompiledQuery,
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
    grouped: bool,
}

impl FunnelPlan {
    /// A fresh consumer for the statement's rows.
    pub fn consumer(&self) -> Box<dyn RowConsumer> {
        Box::new(FunnelAggregator::new(self.step_count, self.window_ms, self.start_range.clone(), self.grouped))
    }
}

pub fn plan_funnel(valid: &ValidFunnel, project_id: i64, dialect: SqlDialect) -> FunnelPlan {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let user_number = parameters.dialect().user_number();
    let group_value = match &valid.query.group_by {
        Some(property) => property_expression(&mut parameters, property),
        None => "NULL".to_owned(),
    };
    let mut step_columns = Vec::new();
    for (index, step) in valid.query.steps.iter().enumerate() {
        let mut conditions = vec![format!("event_type = {}", parameters.push(SqlValue::Text(step.event_type.clone())))];
        conditions.extend(step.filters.iter().map(|filter| filter_condition(&mut parameters, filter)));
        step_columns.push(format!("CASE WHEN {} THEN 1 ELSE 0 END AS step_{index}", conditions.join(" AND ")));
    }
    let mut event_types: Vec<&str> = valid.query.steps.iter().map(|step| step.event_type.as_str()).collect();
    event_types.sort_unstable();
    event_types.dedup();
    let type_placeholders: Vec<String> =
        event_types.iter().map(|event_type| parameters.push(SqlValue::Text((*event_type).to_owned()))).collect();
    let project = parameters.push(SqlValue::Integer(project_id));
    let from_ms = parameters.push(SqlValue::Integer(valid.start_ms));
    let to_ms = parameters.push(SqlValue::Integer(valid.end_ms.saturating_add(valid.query.conversion_window_ms)));
    let sql = format!(
        "SELECT {user_number} AS user_number, time_ms, {group_value} AS group_value, {} FROM events \
         WHERE project_id = {project} AND event_type IN ({}) AND time_ms >= {from_ms} AND time_ms < {to_ms}",
        step_columns.join(", "),
        type_placeholders.join(", ")
    );
    FunnelPlan {
        compiled: CompiledQuery { sql, parameters: parameters.values },
        step_count: valid.query.steps.len(),
        window_ms: valid.query.conversion_window_ms,
        start_range: valid.start_ms..valid.end_ms,
        grouped: valid.query.group_by.is_some(),
    }
}
