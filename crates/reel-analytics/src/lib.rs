//! Reel's analytics planner: validated JSON query models (Event
//! Segmentation, Funnels, Journeys, User Sessions, the Microscope), compiled
//! to SQL for one dialect, the pure aggregators the rows stream into, and the
//! assembly of their output into chart results.
//!
//! It never executes SQL and never does I/O: the server hands the compiled
//! queries to the storage backend and the rows back to `assemble`.

pub mod calendar;
pub mod error;
pub mod formula;
pub mod funnel;
pub mod journeys;
mod key_value;
pub mod merge;
pub mod microscope;
pub mod query;
pub mod segmentation;
pub mod session_search;
pub mod sessions;
pub mod sql;

pub use error::{AnalyticsError, AnalyticsResult};
pub use funnel::{FunnelQuery, FunnelResult, assemble_funnel, plan_funnel};
pub use journeys::{JourneysQuery, JourneysResult, assemble_journeys, plan_journeys};
pub use merge::merge_scan_parts;
pub use microscope::{
    FunnelUsersQuery, JourneyUsersQuery, MicroscopeQuery, UserCollector, ValidMicroscope, plan_microscope,
};
pub use query::{
    EventSeries, Interval, Measure, PropertyFilter, PropertyRef, PropertyScope, QueryLimits, SegmentationQuery,
};
pub use segmentation::{SegmentationPlan, SegmentationResult, assemble_segmentation, plan_segmentation};
pub use session_search::{
    CohortDefinition, SearchLimits, SessionSearch, SessionSearchFilter, SessionUuidCollector, ValidSessionSearch,
    plan_session_search,
};
pub use sessions::{SessionsQuery, SessionsResult, assemble_sessions, plan_sessions};
