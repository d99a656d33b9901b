//! Wire protocol and domain types shared by every Reel crate.
//!
//! This crate owns the shapes of data that cross crate boundaries: the ingest
//! batch the SDK sends, the summary the ingest pipeline computes from it, and
//! the session index row that storage keeps. It never performs I/O.

pub mod analytics;
pub mod batch;
pub mod compiled_query;
pub mod event_head;
pub mod project_settings;
pub mod rrweb;
pub mod session;
pub mod time_format;
pub mod user_properties;

pub use analytics::{EventContext, NewAnalyticsEvent, StoredAnalyticsEvent};
pub use batch::{BatchSummary, IngestBatch};
pub use compiled_query::{CompiledQuery, QueryRows, RowConsumer, SqlDialect, SqlValue};
pub use event_head::EventHead;
pub use project_settings::ProjectSettings;
pub use session::{SessionKey, SessionSummary, SignalCounts, session_uuid};
pub use time_format::{format_epoch_ms_rfc3339, parse_date_to_epoch_ms, parse_rfc3339_utc_to_epoch_ms};
