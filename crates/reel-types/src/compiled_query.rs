//! A query compiled to one SQL dialect: what `reel-analytics` hands to a
//! storage backend to run, and the rows the backend hands back.

use serde::{Deserialize, Serialize};

/// The SQL dialects the analytics planner can compile to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SqlDialect {
    Sqlite,
}

/// A bound parameter or a result cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl SqlValue {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            SqlValue::Integer(value) => Some(*value as f64),
            SqlValue::Real(value) => Some(*value),
            SqlValue::Text(text) => text.trim().parse().ok(),
            SqlValue::Null => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            SqlValue::Integer(value) => Some(*value),
            SqlValue::Real(value) => Some(*value as i64),
            SqlValue::Text(text) => text.trim().parse().ok(),
            SqlValue::Null => None,
        }
    }

    /// The cell as a label: text as is, numbers printed, null as `(none)`.
    pub fn label(&self) -> String {
        match self {
            SqlValue::Null => "(none)".into(),
            SqlValue::Integer(value) => value.to_string(),
            SqlValue::Real(value) => value.to_string(),
            SqlValue::Text(text) => text.clone(),
        }
    }
}

/// One SQL statement with its parameters (`?1`, `?2`, … in SQLite).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompiledQuery {
    pub sql: String,
    pub parameters: Vec<SqlValue>,
}

/// The rows a backend returns for a `CompiledQuery`, cells in select order.
pub type QueryRows = Vec<Vec<SqlValue>>;

/// Receives a statement's rows one at a time, as the backend reads them,
/// and turns them into the rows the planner expects (for example by
/// aggregating in memory what the backend's SQL would aggregate slowly).
pub trait RowConsumer: Send + 'static {
    /// One row, cells in select order; the slice is reused between rows.
    fn accept(&mut self, row: &[SqlValue]);
    /// Adds what `other` accepted: a consumer of the same kind that was fed
    /// another part of the same scan (parts run in parallel). Returns false,
    /// changing nothing, when `other` is of another kind.
    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool;
    /// The consumer's result, once every row was accepted.
    fn finish(self: Box<Self>) -> QueryRows;
    /// For `absorb`: the consumer as `Any`, to recover its concrete kind.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}
