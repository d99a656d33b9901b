//! Generates rrweb recordings of a shop visit, deterministic from a seed.
//!
//! The output is the same [`IngestBatch`] shape the browser SDK sends, so demo
//! data, tests and benchmarks go through the real ingest path.

mod analytics_events;
mod page_tree;
mod random;
mod session_script;

pub use analytics_events::{AnalyticsDemoPlan, FUNNEL_EVENT_TYPES, generate_user_events};
pub use session_script::{DemoSessionPlan, generate_session_batches};
