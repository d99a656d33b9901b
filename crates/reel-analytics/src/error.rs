//! Errors of the analytics planner.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnalyticsError {
    /// The query asks for something invalid; `field` names where.
    #[error("{field}: {message}")]
    InvalidQuery { field: String, message: String },
    /// A backend returned rows in a shape the plan did not ask for.
    #[error("unexpected result rows: {0}")]
    UnexpectedRows(String),
}

pub type AnalyticsResult<T> = Result<T, AnalyticsError>;

pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> AnalyticsError {
    AnalyticsError::InvalidQuery { field: field.into(), message: message.into() }
}
