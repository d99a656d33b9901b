//! The Session Replays list (docs/replay-search-api.md): the search model,
//! saved cohorts, and their compilation to one statement that lists the
//! matching session ids in the asked order, one page at a time.

mod cohort;
mod plan;
mod query;

pub use cohort::{CohortDefinition, PerformedEvent};
pub use plan::{SessionSearchPlan, SessionUuidCollector, plan_session_search};
pub use query::{
    SearchLimits, SessionSearch, SessionSearchFilter, SessionSort, SortDirection, UrlOperator, ValidSessionSearch,
};
