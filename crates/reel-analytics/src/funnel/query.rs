//! The funnel query model (docs/analytics-api.md, "Funnel Analysis").

use serde::{Deserialize, Serialize};

use crate::error::{AnalyticsResult, invalid};
use crate::query::{
    ANY_EVENT_TYPE, PropertyFilter, PropertyRef, QueryLimits, date_range, validate_filter, validate_property,
};

/// The longest conversion window: a year.
const CONVERSION_WINDOW_MS_MAX: i64 = 366 * 86_400_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelStep {
    pub event_type: String,
    #[serde(default)]
    pub filters: Vec<PropertyFilter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunnelQuery {
    pub steps: Vec<FunnelStep>,
    /// A property of the first step's event; each user counts in the group
    /// of their first qualifying first step.
    #[serde(default)]
    pub group_by: Option<PropertyRef>,
    /// Time allowed from a user's first step to their last.
    pub conversion_window_ms: i64,
    /// First step between these inclusive dates (later steps may fall after).
    pub start_date: String,
    pub end_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidFunnel {
    pub query: FunnelQuery,
    pub start_ms: i64,
    pub end_ms: i64,
}

impl FunnelQuery {
    pub fn validate(self, limits: &QueryLimits) -> AnalyticsResult<ValidFunnel> {
        if self.steps.len() < 2 || self.steps.len() > limits.funnel_steps_max {
            return Err(invalid("steps", format!("give 2 to {} steps", limits.funnel_steps_max)));
        }
        for (index, step) in self.steps.iter().enumerate() {
            if step.event_type.trim().is_empty() || step.event_type == ANY_EVENT_TYPE {
                return Err(invalid(
                    format!("steps[{index}].event_type"),
                    "choose an event type (any event is not a step)",
                ));
            }
            if step.filters.len() > limits.filters_max {
                return Err(invalid(
                    format!("steps[{index}].filters"),
                    format!("at most {} filters", limits.filters_max),
                ));
            }
            for (filter_index, filter) in step.filters.iter().enumerate() {
                validate_filter(&format!("steps[{index}].filters[{filter_index}]"), filter, limits)?;
            }
        }
        if let Some(property) = &self.group_by {
            validate_property("group_by", property)?;
        }
        if self.conversion_window_ms < 1_000 || self.conversion_window_ms > CONVERSION_WINDOW_MS_MAX {
            return Err(invalid(
                "conversion_window_ms",
                "the conversion window is 1 second to 366 days, in milliseconds",
            ));
        }
        let (start_ms, end_ms) = date_range(&self.start_date, &self.end_date)?;
        Ok(ValidFunnel { query: self, start_ms, end_ms })
    }
}
