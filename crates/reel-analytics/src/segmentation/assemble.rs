//! Turning the rows of a segmentation plan into chart rows.

use std::collections::HashMap;

use reel_types::{QueryRows, SqlValue};
use serde::Serialize;

use super::plan::{QueryPurpose, SegmentationPlan};
use crate::calendar::bucket_starts;
use crate::error::{AnalyticsError, AnalyticsResult};
use crate::formula::FormulaFunction;
use crate::query::{ANY_EVENT_TYPE, Interval, Measure, ValidQuery, series_letter};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentationRow {
    /// `A`, `B`, … or `formula`.
    pub series: String,
    pub label: String,
    pub group: Vec<String>,
    pub values: Vec<f64>,
    pub total: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistogramBar {
    pub times: i64,
    pub users: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrequencyRow {
    pub series: String,
    pub label: String,
    pub group: Vec<String>,
    pub histogram: Vec<HistogramBar>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentationResult {
    pub interval: Interval,
    pub buckets_ms: Vec<i64>,
    pub rows: Vec<SegmentationRow>,
    pub frequency: Vec<FrequencyRow>,
}

/// Metrics of one series in one bucket (or the range) and group.
#[derive(Debug, Clone, Copy, Default)]
struct Metrics {
    uniques: f64,
    totals: f64,
    extras: [f64; 3],
}

type GroupKey = Vec<String>;

/// Per group: metrics per bucket index, and over the range.
#[derive(Debug, Default)]
struct SeriesMetrics {
    buckets: HashMap<GroupKey, HashMap<usize, Metrics>>,
    range: HashMap<GroupKey, Metrics>,
}

fn cell(row: &[SqlValue], index: usize) -> AnalyticsResult<&SqlValue> {
    row.get(index).ok_or_else(|| AnalyticsError::UnexpectedRows(format!("a row has no column {index}")))
}

fn number(row: &[SqlValue], index: usize) -> AnalyticsResult<f64> {
    Ok(cell(row, index)?.as_f64().unwrap_or(0.0))
}

fn group_key(row: &[SqlValue], first_column: usize, group_count: usize) -> AnalyticsResult<GroupKey> {
    (0..group_count).map(|offset| Ok(cell(row, first_column + offset)?.label())).collect()
}

/// Reads `group_0, group_1, uniques, totals, extra_0..2` from `first_column`.
fn metrics_row(row: &[SqlValue], first_column: usize, group_count: usize) -> AnalyticsResult<(GroupKey, Metrics)> {
    let key = group_key(row, first_column, group_count)?;
    let metric = |offset: usize| number(row, first_column + offset);
    Ok((key, Metrics { uniques: metric(2)?, totals: metric(3)?, extras: [metric(4)?, metric(5)?, metric(6)?] }))
}

fn series_label(event_type: &str) -> String {
    if event_type == ANY_EVENT_TYPE { "Any event".to_owned() } else { event_type.to_owned() }
}

fn measure_value(measure: &Measure, metrics: Metrics, active_users: f64) -> f64 {
    let ratio = |numerator: f64, denominator: f64| if denominator == 0.0 { 0.0 } else { numerator / denominator };
    match measure {
        Measure::Uniques => metrics.uniques,
        Measure::Totals => metrics.totals,
        Measure::Average => ratio(metrics.totals, metrics.uniques),
        Measure::ActivePercent => ratio(metrics.uniques, active_users) * 100.0,
        Measure::PropertySum { .. } | Measure::PropertyAverage { .. } | Measure::PropertyDistinctCount { .. } => {
            metrics.extras[0]
        }
        Measure::Frequency | Measure::Formula { .. } => 0.0,
    }
}

fn formula_metric(metrics: Metrics, function: FormulaFunction) -> f64 {
    match function {
        FormulaFunction::Uniques => metrics.uniques,
        FormulaFunction::Totals => metrics.totals,
        FormulaFunction::PropCount => metrics.extras[0],
        FormulaFunction::PropSum => metrics.extras[1],
        FormulaFunction::PropAvg => metrics.extras[2],
    }
}

/// Assembles `results` (one per planned query, in order) into chart rows.
pub fn assemble_segmentation(
    valid: &ValidQuery,
    plan: &SegmentationPlan,
    results: &[QueryRows],
    groups_max: usize,
) -> AnalyticsResult<SegmentationResult> {
    if results.len() != plan.queries.len() {
        return Err(AnalyticsError::UnexpectedRows(format!(
            "{} results for {} queries",
            results.len(),
            plan.queries.len()
        )));
    }
    let query = &valid.query;
    let buckets_ms = bucket_starts(query.interval, valid.start_ms, valid.end_ms);
    let bucket_index: HashMap<i64, usize> =
        buckets_ms.iter().enumerate().map(|(index, bucket)| (*bucket, index)).collect();
    let group_count = |series: usize| match query.measure {
        Measure::Formula { .. } => 0,
        _ => query.series.get(series).map_or(0, |series| series.group_by.len()),
    };
    let mut series_metrics: Vec<SeriesMetrics> = query.series.iter().map(|_| SeriesMetrics::default()).collect();
    let mut active_users = SeriesMetrics::default();
    let mut frequency = Vec::new();
    for (planned, rows) in plan.queries.iter().zip(results) {
        let (target, group_count) = match planned.purpose {
            QueryPurpose::SeriesMetrics { series } => (series_metrics.get_mut(series), group_count(series)),
            QueryPurpose::ActiveUsers => (Some(&mut active_users), 0),
            QueryPurpose::Frequency { series } => {
                frequency.extend(frequency_rows(valid, series, rows, group_count(series), groups_max)?);
                continue;
            }
        };
        let Some(target) = target else { continue };
        for row in rows {
            let (key, metrics) = metrics_row(row, 1, group_count)?;
            match cell(row, 0)?.as_i64() {
                None => {
                    target.range.insert(key, metrics);
                }
                Some(bucket_ms) => {
                    if let Some(bucket) = bucket_index.get(&bucket_ms) {
                        target.buckets.entry(key).or_default().insert(*bucket, metrics);
                    }
                }
            }
        }
    }
    let no_group: GroupKey = Vec::new();
    let active_over_range = active_users.range.get(&no_group).map_or(0.0, |metrics| metrics.uniques);
    let active_per_bucket: HashMap<usize, f64> = active_users
        .buckets
        .get(&no_group)
        .map(|by_bucket| by_bucket.iter().map(|(bucket, metrics)| (*bucket, metrics.uniques)).collect())
        .unwrap_or_default();
    let rows = match &valid.formula {
        Some(formula) => {
            let series_metrics = &series_metrics;
            let bucket_metric = |bucket: usize| {
                move |function: FormulaFunction, series: usize| {
                    let metrics = series_metrics.get(series).and_then(|metrics| metrics.buckets.get(&Vec::new()));
                    formula_metric(
                        metrics.and_then(|by_bucket| by_bucket.get(&bucket)).copied().unwrap_or_default(),
                        function,
                    )
                }
            };
            let values = (0..buckets_ms.len()).map(|bucket| formula.evaluate(&bucket_metric(bucket))).collect();
            let range_metric = |function: FormulaFunction, series: usize| {
                let metrics = series_metrics.get(series).and_then(|metrics| metrics.range.get(&Vec::new()));
                formula_metric(metrics.copied().unwrap_or_default(), function)
            };
            let label = match &query.measure {
                Measure::Formula { formula } => formula.clone(),
                _ => String::new(),
            };
            vec![SegmentationRow {
                series: "formula".into(),
                label,
                group: Vec::new(),
                values,
                total: formula.evaluate(&range_metric),
            }]
        }
        None if query.measure == Measure::Frequency => Vec::new(),
        None => {
            let mut rows = Vec::new();
            for (index, (series, metrics)) in query.series.iter().zip(&series_metrics).enumerate() {
                let mut groups: Vec<(&GroupKey, &Metrics)> = metrics.range.iter().collect();
                groups
                    .sort_by(|left, right| right.1.totals.total_cmp(&left.1.totals).then_with(|| left.0.cmp(right.0)));
                for (key, range_metrics) in groups.into_iter().take(groups_max) {
                    let by_bucket = metrics.buckets.get(key);
                    let values = (0..buckets_ms.len())
                        .map(|bucket| {
                            let bucket_metrics =
                                by_bucket.and_then(|by_bucket| by_bucket.get(&bucket)).copied().unwrap_or_default();
                            measure_value(
                                &query.measure,
                                bucket_metrics,
                                active_per_bucket.get(&bucket).copied().unwrap_or(0.0),
                            )
                        })
                        .collect();
                    rows.push(SegmentationRow {
                        series: series_letter(index).to_string(),
                        label: series_label(&series.event_type),
                        group: key.clone(),
                        values,
                        total: measure_value(&query.measure, *range_metrics, active_over_range),
                    });
                }
            }
            rows
        }
    };
    Ok(SegmentationResult { interval: query.interval, buckets_ms, rows, frequency })
}

fn frequency_rows(
    valid: &ValidQuery,
    series: usize,
    rows: &QueryRows,
    group_count: usize,
    groups_max: usize,
) -> AnalyticsResult<Vec<FrequencyRow>> {
    let mut histograms: HashMap<GroupKey, Vec<HistogramBar>> = HashMap::new();
    for row in rows {
        let key = group_key(row, 0, group_count)?;
        let times = cell(row, 2)?.as_i64().unwrap_or(0);
        let users = cell(row, 3)?.as_i64().unwrap_or(0);
        histograms.entry(key).or_default().push(HistogramBar { times, users });
    }
    let mut groups: Vec<(GroupKey, Vec<HistogramBar>)> = histograms.into_iter().collect();
    let users_of = |bars: &[HistogramBar]| bars.iter().map(|bar| bar.users).sum::<i64>();
    groups.sort_by(|left, right| users_of(&right.1).cmp(&users_of(&left.1)).then_with(|| left.0.cmp(&right.0)));
    let event_type = valid.query.series.get(series).map(|series| series.event_type.as_str()).unwrap_or_default();
    Ok(groups
        .into_iter()
        .take(groups_max)
        .map(|(group, mut histogram)| {
            histogram.sort_by_key(|bar| bar.times);
            FrequencyRow {
                series: series_letter(series).to_string(),
                label: series_label(event_type),
                group,
                histogram,
            }
        })
        .collect())
}
