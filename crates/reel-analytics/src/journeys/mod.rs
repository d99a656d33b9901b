//! Journeys: Pathfinder (the most common paths from a start event or to an
//! end event, N events long) and the Journey Map (the transitions between
//! consecutive events on those paths). Paths are read inside sessions (one
//! user's events with one `session_id`), in time order.

mod aggregate;
mod query;

pub use aggregate::{JourneyAggregator, JourneyPoint};
pub use query::{
    JourneyLink, JourneyPath, JourneysQuery, JourneysResult, ValidJourneys, assemble_journeys, plan_journeys,
};
