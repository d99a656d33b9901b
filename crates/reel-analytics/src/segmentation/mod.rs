//! Event Segmentation: plan a validated query into SQL statements, and
//! assemble the rows they return into chart rows.

mod aggregate;
mod assemble;
mod plan;

pub use aggregate::{Aggregation, ExtraAggregate};
pub use assemble::{FrequencyRow, HistogramBar, SegmentationResult, SegmentationRow, assemble_segmentation};
pub(crate) use plan::scan_statement;
pub use plan::{PlannedQuery, QueryPurpose, SegmentationPlan, plan_segmentation};
