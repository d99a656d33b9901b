//! The search request and its validation.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::cohort::{CohortDefinition, PerformedEvent};
use crate::calendar::DAY_MS;
use crate::error::{AnalyticsResult, invalid};
use crate::query::{PropertyFilter, PropertyScope, QueryLimits, date_range, validate_filter};

/// Days listed when the request names no dates: the last 30, today included.
const DEFAULT_RANGE_DAYS: i64 = 30;
const COUNTRY_CODE_CHARS: usize = 2;
const URL_CHARS_MAX: usize = 2_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionSearch {
    /// `None` = every project the user may read (the portfolio).
    #[serde(default)]
    pub project_ids: Option<Vec<i64>>,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
    #[serde(default)]
    pub filters: Vec<SessionSearchFilter>,
    #[serde(default)]
    pub sort: SessionSort,
    #[serde(default)]
    pub direction: SortDirection,
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SessionSearchFilter {
    HasError,
    HasRageClick,
    HasDeadClick,
    Duration {
        #[serde(default)]
        min_ms: Option<i64>,
        #[serde(default)]
        max_ms: Option<i64>,
    },
    Country {
        countries: Vec<String>,
    },
    UrlVisited {
        operator: UrlOperator,
        value: String,
    },
    EventPerformed {
        event_type: String,
        #[serde(default)]
        filters: Vec<PropertyFilter>,
    },
    EventProperty {
        filter: PropertyFilter,
    },
    UserProperty {
        filter: PropertyFilter,
    },
    Cohort {
        cohort_id: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrlOperator {
    Contains,
    Is,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionSort {
    #[default]
    StartTime,
    Duration,
    Clicks,
    Errors,
    Frustration,
    User,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    Asc,
    #[default]
    Desc,
}

/// The configured bounds (`search.*`).
#[derive(Debug, Clone, PartialEq)]
pub struct SearchLimits {
    pub filters_max: usize,
    pub filter_values_max: usize,
    pub page_sessions_max: u32,
    pub offset_max: u32,
    pub range_days_max: i64,
}

impl Default for SearchLimits {
    fn default() -> Self {
        Self {
            filters_max: 20,
            filter_values_max: 100,
            page_sessions_max: 500,
            offset_max: 10_000,
            range_days_max: 400,
        }
    }
}

/// A checked search: projects resolved, cohorts looked up, dates as epoch ms.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidSessionSearch {
    pub project_ids: Vec<i64>,
    pub start_ms: i64,
    /// Exclusive.
    pub end_ms: i64,
    pub filters: Vec<SessionSearchFilter>,
    /// The definitions of the cohorts the filters name, with their project.
    pub cohorts: HashMap<i64, (i64, CohortDefinition)>,
    pub sort: SessionSort,
    pub direction: SortDirection,
    pub limit: u32,
    pub offset: u32,
}

impl SessionSearch {
    /// `readable_project_ids`: what the user may see; `cohorts`: the saved
    /// cohorts of those projects by id (with their project); `today_ms`: the
    /// start of today (UTC).
    pub fn validate(
        self,
        limits: &SearchLimits,
        readable_project_ids: &[i64],
        cohorts: &HashMap<i64, (i64, CohortDefinition)>,
        today_ms: i64,
    ) -> AnalyticsResult<ValidSessionSearch> {
        let project_ids = match self.project_ids {
            None => readable_project_ids.to_vec(),
            Some(asked) => {
                if let Some(unknown) = asked.iter().find(|id| !readable_project_ids.contains(id)) {
                    return Err(invalid("project_ids", format!("project {unknown} does not exist or is not yours")));
                }
                asked
            }
        };
        let (start_ms, end_ms) = match (self.start_date.as_deref(), self.end_date.as_deref()) {
            (None, None) => (today_ms - (DEFAULT_RANGE_DAYS - 1) * DAY_MS, today_ms + DAY_MS),
            (Some(start), Some(end)) => date_range(start, end)?,
            _ => return Err(invalid("start_date", "give both start_date and end_date, or neither (last 30 days)")),
        };
        if end_ms - start_ms > limits.range_days_max * DAY_MS {
            return Err(invalid("end_date", format!("a range spans at most {} days", limits.range_days_max)));
        }
        if self.filters.len() > limits.filters_max {
            return Err(invalid("filters", format!("at most {} filters", limits.filters_max)));
        }
        let mut used_cohorts = HashMap::new();
        for (index, filter) in self.filters.iter().enumerate() {
            validate_search_filter(&format!("filters[{index}]"), filter, limits)?;
            if let SessionSearchFilter::Cohort { cohort_id } = filter {
                let cohort = cohorts.get(cohort_id).filter(|(project_id, _)| project_ids.contains(project_id));
                let cohort = cohort.ok_or_else(|| {
                    invalid(format!("filters[{index}].cohort_id"), format!("no cohort {cohort_id} in these projects"))
                })?;
                used_cohorts.insert(*cohort_id, cohort.clone());
            }
        }
        let limit = self.limit.unwrap_or(50);
        if limit == 0 || limit > limits.page_sessions_max {
            return Err(invalid("limit", format!("give 1 to {}", limits.page_sessions_max)));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > limits.offset_max {
            return Err(invalid("offset", format!("at most {}; narrow the filters instead", limits.offset_max)));
        }
        Ok(ValidSessionSearch {
            project_ids,
            start_ms,
            end_ms,
            filters: self.filters,
            cohorts: used_cohorts,
            sort: self.sort,
            direction: self.direction,
            limit,
            offset,
        })
    }
}

impl SearchLimits {
    pub(crate) fn filter_limits(&self) -> QueryLimits {
        QueryLimits {
            filters_max: self.filters_max,
            filter_values_max: self.filter_values_max,
            ..QueryLimits::default()
        }
    }
}

fn validate_search_filter(field: &str, filter: &SessionSearchFilter, limits: &SearchLimits) -> AnalyticsResult<()> {
    let filter_limits = limits.filter_limits();
    match filter {
        SessionSearchFilter::Duration { min_ms, max_ms } => match (min_ms, max_ms) {
            (None, None) => Err(invalid(field, "give min_ms, max_ms or both")),
            (Some(min), _) | (_, Some(min)) if *min < 0 => Err(invalid(field, "durations are 0 ms or more")),
            (Some(min), Some(max)) if max < min => Err(invalid(format!("{field}.max_ms"), "max_ms is below min_ms")),
            _ => Ok(()),
        },
        SessionSearchFilter::Country { countries } => {
            if countries.is_empty() || countries.len() > limits.filter_values_max {
                return Err(invalid(
                    format!("{field}.countries"),
                    format!("give 1 to {} countries", limits.filter_values_max),
                ));
            }
            let bad = countries.iter().find(|code| {
                code.len() != COUNTRY_CODE_CHARS || !code.chars().all(|character| character.is_ascii_alphabetic())
            });
            match bad {
                Some(code) => {
                    Err(invalid(format!("{field}.countries"), format!("{code:?} is not a two-letter ISO country code")))
                }
                None => Ok(()),
            }
        }
        SessionSearchFilter::UrlVisited { value, .. } if value.trim().is_empty() || value.len() > URL_CHARS_MAX => {
            Err(invalid(format!("{field}.value"), format!("give 1 to {URL_CHARS_MAX} characters of the URL")))
        }
        SessionSearchFilter::EventPerformed { event_type, filters } => {
            PerformedEvent { event_type: event_type.clone(), filters: filters.clone() }.validate(field, &filter_limits)
        }
        SessionSearchFilter::EventProperty { filter } => {
            validate_filter(&format!("{field}.filter"), filter, &filter_limits)
        }
        SessionSearchFilter::UserProperty { filter } => {
            validate_user_filter(&format!("{field}.filter"), filter, &filter_limits)
        }
        _ => Ok(()),
    }
}

/// A filter on a user's current properties: only `user` scope exists there.
pub(crate) fn validate_user_filter(field: &str, filter: &PropertyFilter, limits: &QueryLimits) -> AnalyticsResult<()> {
    if filter.property.scope != PropertyScope::User {
        return Err(invalid(format!("{field}.property.scope"), "a user property filter has scope \"user\""));
    }
    validate_filter(field, filter, limits)
}
