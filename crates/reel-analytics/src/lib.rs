//! Reel's analytics planner: a validated JSON query model (Event
//! Segmentation first), compiled to SQL for one dialect, and the pure
//! assembly of the rows a backend returns into chart series.
//!
//! It never executes SQL and never does I/O: the server hands the compiled
//! queries to the storage backend and the rows back to `assemble`.

pub mod calendar;
pub mod error;
pub mod formula;
pub mod funnel;
mod key_value;
pub mod query;
pub mod segmentation;
pub mod sql;

pub use error::{AnalyticsError, AnalyticsResult};
pub use funnel::{FunnelQuery, FunnelResult, assemble_funnel, plan_funnel};
pub use query::{
    EventSeries, Interval, Measure, PropertyFilter, PropertyRef, PropertyScope, QueryLimits, SegmentationQuery,
};
pub use segmentation::{SegmentationPlan, SegmentationResult, assemble_segmentation, plan_segmentation};
