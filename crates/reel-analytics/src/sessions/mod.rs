//! User Sessions: session counts, lengths and events per session per
//! interval. A session is one user's events with one `session_id`; its
//! length runs from its first event to its last, and it belongs to the
//! bucket where it starts.

mod aggregate;
mod query;

pub use aggregate::SessionAggregator;
pub use query::{SessionMeasure, SessionsQuery, SessionsResult, ValidSessions, assemble_sessions, plan_sessions};
