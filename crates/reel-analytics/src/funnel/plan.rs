//! Compiling a funnel to statements, one per step event type and time slice:
//! every event of that type from the range start to the range end plus the
//! window, with the bit mask of the steps it matches (their filters) and,
//! for the first step's type, the group property.
//!
//! Columns: `user_number`, `time_ms`, `steps_matched`, and `group_value`
//! when the funnel is grouped.

use reel_types::{CompiledQuery, RowConsumer, SqlDialect, SqlValue};

use super::conversion::{FunnelAggregator, FunnelPoint};
use super::query::ValidFunnel;
use crate::query::time_slices;
use crate::sql::{Parameters, dialect_for, filter_condition, property_expression};

#[derive(Debug, Clone, PartialEq)]
pub struct FunnelPlan {
    /// The scan over consecutive time slices, to run at once.
    pub parts: Vec<CompiledQuery>,
    step_count: usize,
    window_ms: i64,
    start_range: std::ops::Range<i64>,
    grouped: bool,
}

impl FunnelPlan {
    /// A fresh consumer for the statement's rows.
    pub fn consumer(&self) -> Box<dyn RowConsumer> {
        Box::new(self.aggregator())
    }

    /// A consumer that lists the users at one bar of the chart.
    pub fn users_consumer(&self, point: FunnelPoint) -> Box<dyn RowConsumer> {
        Box::new(self.aggregator().for_point(point))
    }

    fn aggregator(&self) -> FunnelAggregator {
        FunnelAggregator::new(self.step_count, self.window_ms, self.start_range.clone(), self.grouped)
    }

    /// Where the funnel's events can be: from the range start to its end plus the window.
    pub fn scan_range(&self) -> std::ops::Range<i64> {
        self.start_range.start..self.start_range.end.saturating_add(self.window_ms)
    }
}

pub fn plan_funnel(valid: &ValidFunnel, project_id: i64, dialect: SqlDialect, scan_parts: usize) -> FunnelPlan {
    let scan_end_ms = valid.end_ms.saturating_add(valid.query.conversion_window_ms);
    let mut event_types: Vec<&str> = valid.query.steps.iter().map(|step| step.event_type.as_str()).collect();
    event_types.sort_unstable();
    event_types.dedup();
    let slices = time_slices(valid.start_ms..scan_end_ms, scan_parts);
    let parts = event_types
        .iter()
        .flat_map(|event_type| {
            slices.iter().map(|slice| funnel_statement(valid, project_id, dialect, event_type, slice))
        })
        .collect();
    FunnelPlan {
        parts,
        step_count: valid.query.steps.len(),
        window_ms: valid.query.conversion_window_ms,
        start_range: valid.start_ms..valid.end_ms,
        grouped: valid.query.group_by.is_some(),
    }
}

/// The statement for the steps of one event type: each stored event has one
/// type, so every event is read once, with the mask of the steps it matches.
fn funnel_statement(
    valid: &ValidFunnel,
    project_id: i64,
    dialect: SqlDialect,
    event_type: &str,
    slice: &std::ops::Range<i64>,
) -> CompiledQuery {
    let mut parameters = Parameters::new(dialect_for(dialect));
    let user_number = parameters.dialect().user_number();
    let first_step_type = valid.query.steps.first().is_some_and(|step| step.event_type == event_type);
    // The group column only when grouping (one cell less per row otherwise).
    let group_column = match &valid.query.group_by {
        Some(property) if first_step_type => {
            format!(", {} AS group_value", property_expression(&mut parameters, property))
        }
        Some(_) => ", NULL AS group_value".to_owned(),
        None => String::new(),
    };
    let mut mask_terms = Vec::new();
    for (index, step) in valid.query.steps.iter().enumerate().filter(|(_, step)| step.event_type == event_type) {
        let bit = 1_u32 << index;
        if step.filters.is_empty() {
            mask_terms.push(bit.to_string());
        } else {
            let conditions: Vec<String> =
                step.filters.iter().map(|filter| filter_condition(&mut parameters, filter)).collect();
            mask_terms.push(format!("(CASE WHEN {} THEN {bit} ELSE 0 END)", conditions.join(" AND ")));
        }
    }
    let project = parameters.push(SqlValue::Integer(project_id));
    let event_type = parameters.push(SqlValue::Text(event_type.to_owned()));
    let from_ms = parameters.push(SqlValue::Integer(slice.start));
    let to_ms = parameters.push(SqlValue::Integer(slice.end));
    let sql = format!(
        "SELECT {user_number} AS user_number, time_ms, {} AS steps_matched{group_column} FROM events \
         WHERE project_id = {project} AND event_type = {event_type} AND time_ms >= {from_ms} AND time_ms < {to_ms}",
        mask_terms.join(" + ")
    );
    CompiledQuery { sql, parameters: parameters.values }
}
