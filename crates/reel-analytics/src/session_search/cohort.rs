//! Cohorts: saved groups of users, defined by their current user properties
//! and by events they performed.

use serde::{Deserialize, Serialize};

use crate::error::{AnalyticsResult, invalid};
use crate::query::{PropertyFilter, QueryLimits, validate_filter};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CohortDefinition {
    /// Every one must hold for the user's current properties.
    pub user_properties: Vec<PropertyFilter>,
    /// The user performed each of these, at any time.
    pub performed: Vec<PerformedEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerformedEvent {
    pub event_type: String,
    #[serde(default)]
    pub filters: Vec<PropertyFilter>,
}

impl CohortDefinition {
    pub fn validate(&self, field: &str, limits: &QueryLimits) -> AnalyticsResult<()> {
        if self.user_properties.is_empty() && self.performed.is_empty() {
            return Err(invalid(field, "a cohort needs at least one user property filter or performed event"));
        }
        let conditions = self.user_properties.len() + self.performed.len();
        if conditions > limits.filters_max {
            return Err(invalid(field, format!("at most {} conditions", limits.filters_max)));
        }
        for (index, filter) in self.user_properties.iter().enumerate() {
            super::query::validate_user_filter(&format!("{field}.user_properties[{index}]"), filter, limits)?;
        }
        for (index, performed) in self.performed.iter().enumerate() {
            performed.validate(&format!("{field}.performed[{index}]"), limits)?;
        }
        Ok(())
    }
}

impl PerformedEvent {
    pub(crate) fn validate(&self, field: &str, limits: &QueryLimits) -> AnalyticsResult<()> {
        if self.event_type.trim().is_empty() {
            return Err(invalid(format!("{field}.event_type"), "choose an event type"));
        }
        if self.filters.len() > limits.filters_max {
            return Err(invalid(format!("{field}.filters"), format!("at most {} filters", limits.filters_max)));
        }
        for (index, filter) in self.filters.iter().enumerate() {
            validate_filter(&format!("{field}.filters[{index}]"), filter, limits)?;
        }
        Ok(())
    }
}
