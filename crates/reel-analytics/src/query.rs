//! The Event Segmentation query model (docs/analytics-api.md) and its validation.

use serde::{Deserialize, Serialize};

use crate::calendar::{DAY_MS, bucket_starts, days_from_civil};
use crate::error::{AnalyticsResult, invalid};
use crate::formula::Formula;

/// `event_type` that matches any event ("Any Active Event").
pub const ANY_EVENT_TYPE: &str = "_active";

/// Built-in fields a query may filter or group by.
pub const BUILTIN_PROPERTIES: [&str; 11] = [
    "user_id",
    "device_id",
    "session_id",
    "platform",
    "os_name",
    "os_version",
    "browser_name",
    "browser_version",
    "device_type",
    "language",
    "library",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyScope {
    Event,
    User,
    Builtin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropertyRef {
    pub scope: PropertyScope,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilterOperator {
    Is,
    IsNot,
    Contains,
    DoesNotContain,
    GreaterThan,
    LessThan,
    IsSet,
    IsNotSet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropertyFilter {
    pub property: PropertyRef,
    pub operator: FilterOperator,
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSeries {
    pub event_type: String,
    #[serde(default)]
    pub filters: Vec<PropertyFilter>,
    #[serde(default)]
    pub group_by: Vec<PropertyRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    Uniques,
    Totals,
    ActivePercent,
    Average,
    Frequency,
    PropertySum { property: PropertyRef },
    PropertyAverage { property: PropertyRef },
    PropertyDistinctCount { property: PropertyRef },
    Formula { formula: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Hour,
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentationQuery {
    pub series: Vec<EventSeries>,
    pub measure: Measure,
    pub interval: Interval,
    /// First day, `YYYY-MM-DD` (UTC).
    pub start_date: String,
    /// Last day, inclusive.
    pub end_date: String,
}

/// Bounds on what one query may ask (server config `analytics.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryLimits {
    pub series_max: usize,
    pub group_by_max: usize,
    pub filters_max: usize,
    pub filter_values_max: usize,
    pub buckets_max: usize,
    /// Groups returned per series (the top ones by events).
    pub groups_max: usize,
    /// Steps of a funnel.
    pub funnel_steps_max: usize,
}

impl Default for QueryLimits {
    fn default() -> Self {
        Self {
            series_max: 10,
            group_by_max: 2,
            filters_max: 20,
            filter_values_max: 100,
            buckets_max: 2_000,
            groups_max: 50,
            funnel_steps_max: 10,
        }
    }
}

/// A query that passed validation, with its time range resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidQuery {
    pub query: SegmentationQuery,
    pub start_ms: i64,
    /// Exclusive: the start of the day after `end_date`.
    pub end_ms: i64,
    pub formula: Option<Formula>,
}

/// The letter that names series `index` (A, B, …).
pub fn series_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

pub(crate) fn parse_date(field: &str, text: &str) -> AnalyticsResult<i64> {
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|part| part.parse().ok()).collect();
    match numbers.as_deref() {
        Some([year, month, day]) if parts[0].len() == 4 && (1..=12).contains(month) && (1..=31).contains(day) => {
            Ok(days_from_civil(i64::from(*year), *month, *day) * DAY_MS)
        }
        _ => Err(invalid(field, format!("expected a date YYYY-MM-DD, got {text:?}"))),
    }
}

pub(crate) fn validate_property(field: &str, property: &PropertyRef) -> AnalyticsResult<()> {
    let name = &property.name;
    if name.is_empty() || name.len() > 200 || name.chars().any(|character| character == '"' || character.is_control()) {
        return Err(invalid(field, "a property name is 1 to 200 characters, without quotes or control characters"));
    }
    if property.scope == PropertyScope::Builtin && !BUILTIN_PROPERTIES.contains(&name.as_str()) {
        return Err(invalid(
            field,
            format!("unknown built-in property {name:?}; one of {}", BUILTIN_PROPERTIES.join(", ")),
        ));
    }
    Ok(())
}

pub(crate) fn validate_filter(field: &str, filter: &PropertyFilter, limits: &QueryLimits) -> AnalyticsResult<()> {
    validate_property(&format!("{field}.property"), &filter.property)?;
    let values_field = format!("{field}.values");
    match filter.operator {
        FilterOperator::IsSet | FilterOperator::IsNotSet if !filter.values.is_empty() => {
            Err(invalid(values_field, "is_set and is_not_set take no values"))
        }
        FilterOperator::GreaterThan | FilterOperator::LessThan => match filter.values.as_slice() {
            [value] if value.trim().parse::<f64>().is_ok_and(f64::is_finite) => Ok(()),
            _ => Err(invalid(values_field, "greater_than and less_than take exactly one number")),
        },
        FilterOperator::Is | FilterOperator::IsNot | FilterOperator::Contains | FilterOperator::DoesNotContain
            if filter.values.is_empty() || filter.values.len() > limits.filter_values_max =>
        {
            Err(invalid(values_field, format!("give 1 to {} values", limits.filter_values_max)))
        }
        _ => Ok(()),
    }
}

/// `[start, end)` in epoch ms of inclusive dates `start_date` to `end_date`.
pub(crate) fn date_range(start_date: &str, end_date: &str) -> AnalyticsResult<(i64, i64)> {
    let start_ms = parse_date("start_date", start_date)?;
    let end_ms = parse_date("end_date", end_date)? + DAY_MS;
    if end_ms <= start_ms {
        return Err(invalid("end_date", "the range ends before it starts"));
    }
    Ok((start_ms, end_ms))
}

impl SegmentationQuery {
    pub fn validate(self, limits: &QueryLimits) -> AnalyticsResult<ValidQuery> {
        if self.series.is_empty() || self.series.len() > limits.series_max {
            return Err(invalid("series", format!("give 1 to {} events", limits.series_max)));
        }
        for (index, series) in self.series.iter().enumerate() {
            let field = format!("series[{index}]");
            if series.event_type.trim().is_empty() {
                return Err(invalid(format!("{field}.event_type"), "choose an event type"));
            }
            if series.filters.len() > limits.filters_max {
                return Err(invalid(format!("{field}.filters"), format!("at most {} filters", limits.filters_max)));
            }
            for (filter_index, filter) in series.filters.iter().enumerate() {
                validate_filter(&format!("{field}.filters[{filter_index}]"), filter, limits)?;
            }
            if series.group_by.len() > limits.group_by_max {
                return Err(invalid(
                    format!("{field}.group_by"),
                    format!("at most {} properties", limits.group_by_max),
                ));
            }
            for (group_index, property) in series.group_by.iter().enumerate() {
                validate_property(&format!("{field}.group_by[{group_index}]"), property)?;
            }
        }
        let formula = match &self.measure {
            Measure::PropertySum { property }
            | Measure::PropertyAverage { property }
            | Measure::PropertyDistinctCount { property } => {
                validate_property("measure.property", property)?;
                None
            }
            Measure::Formula { formula } => Some(Formula::parse(formula, &self.series)?),
            _ => None,
        };
        let (start_ms, end_ms) = date_range(&self.start_date, &self.end_date)?;
        let bucket_count = bucket_starts(self.interval, start_ms, end_ms).len();
        if bucket_count > limits.buckets_max {
            return Err(invalid(
                "interval",
                format!(
                    "{bucket_count} buckets is more than {}; choose a longer interval or a shorter range",
                    limits.buckets_max
                ),
            ));
        }
        Ok(ValidQuery { query: self, start_ms, end_ms, formula })
    }
}

/// `range` cut into `parts` contiguous slices (fewer when it is shorter), so
/// that the parts of one scan can run at once.
pub fn time_slices(range: std::ops::Range<i64>, parts: usize) -> Vec<std::ops::Range<i64>> {
    let length = range.end.saturating_sub(range.start).max(1);
    let parts = i64::try_from(parts.max(1)).unwrap_or(1).min(length);
    (0..parts)
        .map(|part| {
            let start = range.start + length * part / parts;
            let end = if part + 1 == parts { range.end } else { range.start + length * (part + 1) / parts };
            start..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_slices_cover_the_range_without_overlap() {
        assert_eq!(time_slices(0..10, 1), vec![0..10]);
        assert_eq!(time_slices(0..10, 3), vec![0..3, 3..6, 6..10]);
        assert_eq!(time_slices(5..7, 4), vec![5..6, 6..7]);
        assert_eq!(time_slices(1_000..1_000_000_000_000, 2).concat_end(), 1_000_000_000_000);
    }

    trait ConcatEnd {
        fn concat_end(&self) -> i64;
    }

    impl ConcatEnd for Vec<std::ops::Range<i64>> {
        fn concat_end(&self) -> i64 {
            assert!(self.windows(2).all(|pair| pair[0].end == pair[1].start));
            self.last().map_or(0, |range| range.end)
        }
    }
}
