//! Funnel Analysis: which users did steps 1, 2, … in order, each within the
//! conversion window of their first step, and how long it took.

mod assemble;
mod conversion;
mod plan;
mod query;

pub use assemble::{FunnelGroup, FunnelResult, FunnelStepResult, assemble_funnel};
pub use conversion::{FunnelAggregator, FunnelPoint, StepEvent, UserProgress, user_progress};
pub use plan::{FunnelPlan, plan_funnel};
pub use query::{FunnelQuery, FunnelStep, ValidFunnel};
