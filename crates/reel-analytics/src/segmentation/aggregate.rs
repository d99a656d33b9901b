//! In-memory aggregation of streamed event rows: what the SQLite dialect
//! does instead of `COUNT(DISTINCT …)` in SQL, which costs 10 to 20 times the
//! scan (docs/analytics-storage.md).
//!
//! Every streamed statement selects `bucket_ms, group_0, group_1,
//! user_number, value`.

use std::any::Any;
use std::collections::{HashMap, HashSet};

use reel_types::{QueryRows, RowConsumer, SqlValue};

use crate::key_value::{KeyValue, UserSet};

/// What a metrics statement computes besides uniques and totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtraAggregate {
    None,
    /// `extra_0` = sum of numeric values.
    Sum,
    /// `extra_0` = average of numeric values.
    Average,
    /// `extra_0` = number of distinct values.
    DistinctCount,
    /// For formulas: distinct count, sum and average of the group property.
    GroupPropertyStats,
}

/// How a statement's rows are aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregation {
    /// Rows out: `bucket_ms` (null for the whole range), `group_0`, `group_1`,
    /// `uniques`, `totals`, `extra_0`, `extra_1`, `extra_2`.
    Metrics(ExtraAggregate),
    /// Rows out: `group_0`, `group_1`, `times`, `users`.
    Frequency,
}

impl Aggregation {
    pub fn consumer(self) -> Box<dyn RowConsumer> {
        match self {
            Aggregation::Metrics(extra) => Box::new(MetricsAggregator::new(extra)),
            Aggregation::Frequency => Box::new(FrequencyAggregator { per_group: HashMap::new() }),
        }
    }
}

#[derive(Debug, Default)]
struct Accumulator {
    users: UserSet,
    totals: i64,
    sum: f64,
    numeric_count: i64,
    distinct: HashSet<KeyValue>,
}

impl Accumulator {
    fn add(&mut self, user_number: Option<i64>, value: Option<&SqlValue>, extra: ExtraAggregate) {
        self.totals += 1;
        if let Some(user_number) = user_number {
            self.users.insert(user_number);
        }
        let Some(value) = value.filter(|value| **value != SqlValue::Null) else { return };
        if matches!(extra, ExtraAggregate::Sum | ExtraAggregate::Average | ExtraAggregate::GroupPropertyStats)
            && let Some(number) = value.as_f64()
        {
            self.sum += number;
            self.numeric_count += 1;
        }
        if matches!(extra, ExtraAggregate::DistinctCount | ExtraAggregate::GroupPropertyStats) {
            self.distinct.insert(KeyValue::of(Some(value)));
        }
    }

    fn merge(&mut self, other: Accumulator) {
        self.totals += other.totals;
        self.sum += other.sum;
        self.numeric_count += other.numeric_count;
        if self.users.len() < other.users.len() {
            let smaller = std::mem::replace(&mut self.users, other.users);
            self.users.extend(smaller);
        } else {
            self.users.extend(other.users);
        }
        self.distinct.extend(other.distinct);
    }

    fn extras(&self, extra: ExtraAggregate) -> [SqlValue; 3] {
        let average = || {
            if self.numeric_count == 0 { SqlValue::Null } else { SqlValue::Real(self.sum / self.numeric_count as f64) }
        };
        let distinct = || SqlValue::Integer(self.distinct.len() as i64);
        match extra {
            ExtraAggregate::None => [SqlValue::Null, SqlValue::Null, SqlValue::Null],
            ExtraAggregate::Sum => [SqlValue::Real(self.sum), SqlValue::Null, SqlValue::Null],
            ExtraAggregate::Average => [average(), SqlValue::Null, SqlValue::Null],
            ExtraAggregate::DistinctCount => [distinct(), SqlValue::Null, SqlValue::Null],
            ExtraAggregate::GroupPropertyStats => [distinct(), SqlValue::Real(self.sum), average()],
        }
    }
}

type MetricsKey = (Option<i64>, KeyValue, KeyValue);

/// Accumulates per (bucket, group); the range totals are merged from the
/// buckets at the end, so each row is counted once. Rows arrive in index
/// order, so consecutive rows mostly share a key: the last one is cached.
struct MetricsAggregator {
    extra: ExtraAggregate,
    keys: HashMap<MetricsKey, usize>,
    accumulators: Vec<(MetricsKey, Accumulator)>,
    last: Option<usize>,
}

impl MetricsAggregator {
    fn new(extra: ExtraAggregate) -> Self {
        Self { extra, keys: HashMap::new(), accumulators: Vec::new(), last: None }
    }

    fn slot(&mut self, bucket_ms: Option<i64>, row: &[SqlValue]) -> usize {
        if let Some(index) = self.last
            && let Some(((last_bucket, last_group_0, last_group_1), _)) = self.accumulators.get(index)
            && *last_bucket == bucket_ms
            && last_group_0.matches(row.get(1))
            && last_group_1.matches(row.get(2))
        {
            return index;
        }
        let key = (bucket_ms, KeyValue::of(row.get(1)), KeyValue::of(row.get(2)));
        let next_index = self.accumulators.len();
        let index = *self.keys.entry(key.clone()).or_insert(next_index);
        if index == next_index {
            self.accumulators.push((key, Accumulator::default()));
        }
        self.last = Some(index);
        index
    }
}

impl RowConsumer for MetricsAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let bucket_ms = row.first().and_then(SqlValue::as_i64);
        let index = self.slot(bucket_ms, row);
        let user_number = row.get(3).and_then(SqlValue::as_i64);
        let extra = self.extra;
        if let Some((_, accumulator)) = self.accumulators.get_mut(index) {
            accumulator.add(user_number, row.get(4), extra);
        }
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<MetricsAggregator>() else { return false };
        for (key, accumulator) in other.accumulators {
            match self.keys.get(&key).copied() {
                Some(index) => {
                    if let Some((_, existing)) = self.accumulators.get_mut(index) {
                        existing.merge(accumulator);
                    }
                }
                None => {
                    self.keys.insert(key.clone(), self.accumulators.len());
                    self.accumulators.push((key, accumulator));
                }
            }
        }
        self.last = None;
        true
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }

    fn finish(self: Box<Self>) -> QueryRows {
        let extra = self.extra;
        let mut range: HashMap<(KeyValue, KeyValue), Accumulator> = HashMap::new();
        let mut rows: Vec<(MetricsKey, Vec<SqlValue>)> = Vec::with_capacity(self.accumulators.len() * 2);
        for (key, accumulator) in self.accumulators {
            rows.push((key.clone(), metrics_cells(&key, &accumulator, extra)));
            let (_, group_0, group_1) = key;
            range.entry((group_0, group_1)).or_default().merge(accumulator);
        }
        for ((group_0, group_1), accumulator) in range {
            let key = (None, group_0, group_1);
            rows.push((key.clone(), metrics_cells(&key, &accumulator, extra)));
        }
        rows.sort_by(|left, right| left.0.cmp(&right.0));
        rows.into_iter().map(|(_, row)| row).collect()
    }
}

fn metrics_cells(key: &MetricsKey, accumulator: &Accumulator, extra: ExtraAggregate) -> Vec<SqlValue> {
    let [extra_0, extra_1, extra_2] = accumulator.extras(extra);
    let (bucket_ms, group_0, group_1) = key.clone();
    vec![
        bucket_ms.map_or(SqlValue::Null, SqlValue::Integer),
        group_0.into_cell(),
        group_1.into_cell(),
        SqlValue::Integer(accumulator.users.len() as i64),
        SqlValue::Integer(accumulator.totals),
        extra_0,
        extra_1,
        extra_2,
    ]
}

struct FrequencyAggregator {
    per_group: HashMap<(KeyValue, KeyValue), HashMap<Option<i64>, i64>>,
}

impl RowConsumer for FrequencyAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let key = (KeyValue::of(row.get(1)), KeyValue::of(row.get(2)));
        let user_number = row.get(3).and_then(SqlValue::as_i64);
        if user_number.is_some() {
            *self.per_group.entry(key).or_default().entry(user_number).or_default() += 1;
        }
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<FrequencyAggregator>() else { return false };
        for (group, times_per_user) in other.per_group {
            let mine = self.per_group.entry(group).or_default();
            for (user_number, times) in times_per_user {
                *mine.entry(user_number).or_default() += times;
            }
        }
        true
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }

    fn finish(self: Box<Self>) -> QueryRows {
        let mut rows = Vec::new();
        let mut groups: Vec<_> = self.per_group.into_iter().collect();
        groups.sort_by(|left, right| left.0.cmp(&right.0));
        for ((group_0, group_1), times_per_user) in groups {
            let mut users_per_times: HashMap<i64, i64> = HashMap::new();
            for times in times_per_user.into_values() {
                *users_per_times.entry(times).or_default() += 1;
            }
            let mut histogram: Vec<(i64, i64)> = users_per_times.into_iter().collect();
            histogram.sort_unstable();
            for (times, users) in histogram {
                rows.push(vec![
                    group_0.clone().into_cell(),
                    group_1.clone().into_cell(),
                    SqlValue::Integer(times),
                    SqlValue::Integer(users),
                ]);
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(bucket_ms: i64, group: &str, user_number: i64, value: SqlValue) -> Vec<SqlValue> {
        vec![
            SqlValue::Integer(bucket_ms),
            SqlValue::Text(group.into()),
            SqlValue::Null,
            SqlValue::Integer(user_number),
            value,
        ]
    }

    #[test]
    fn metrics_count_distinct_users_per_bucket_and_over_the_range() {
        let mut consumer = Aggregation::Metrics(ExtraAggregate::GroupPropertyStats).consumer();
        for cells in [
            row(0, "a", 1, SqlValue::Integer(10)),
            row(0, "a", 1, SqlValue::Text("20".into())),
            row(0, "a", 2, SqlValue::Text("x".into())),
            row(86_400_000, "a", 1, SqlValue::Null),
        ] {
            consumer.accept(&cells);
        }
        let rows = consumer.finish();
        assert_eq!(rows.len(), 3, "{rows:?}");
        // Range first (null bucket sorts first): users {1, 2}, 4 events, values 10, "20", "x".
        assert_eq!(rows[0][0], SqlValue::Null);
        assert_eq!(
            &rows[0][3..],
            &[
                SqlValue::Integer(2),
                SqlValue::Integer(4),
                SqlValue::Integer(3),
                SqlValue::Real(30.0),
                SqlValue::Real(15.0)
            ]
        );
        assert_eq!(&rows[1][3..5], &[SqlValue::Integer(2), SqlValue::Integer(3)]);
        assert_eq!(&rows[2][3..6], &[SqlValue::Integer(1), SqlValue::Integer(1), SqlValue::Integer(0)]);
    }

    #[test]
    fn parts_of_a_scan_merge_into_the_same_result_as_one_scan() {
        let rows: Vec<Vec<SqlValue>> = (0..40)
            .map(|index| {
                row((index % 3) * 86_400_000, ["a", "b"][index as usize % 2], index % 7, SqlValue::Integer(index))
            })
            .collect();
        for aggregation in [Aggregation::Metrics(ExtraAggregate::GroupPropertyStats), Aggregation::Frequency] {
            let mut whole = aggregation.consumer();
            rows.iter().for_each(|cells| whole.accept(cells));
            let (mut first, mut second) = (aggregation.consumer(), aggregation.consumer());
            rows[..13].iter().for_each(|cells| first.accept(cells));
            rows[13..].iter().for_each(|cells| second.accept(cells));
            assert!(first.absorb(second));
            assert_eq!(first.finish(), whole.finish(), "{aggregation:?}");
        }
        let mut metrics = Aggregation::Metrics(ExtraAggregate::None).consumer();
        assert!(!metrics.absorb(Aggregation::Frequency.consumer()), "another kind is refused");
    }

    #[test]
    fn frequency_is_a_histogram_of_events_per_user() {
        let mut consumer = Aggregation::Frequency.consumer();
        for user_number in [1, 1, 1, 2, 3, 3, 3] {
            consumer.accept(&row(0, "g", user_number, SqlValue::Null));
        }
        let histogram: Vec<(i64, i64)> =
            consumer.finish().iter().map(|row| (row[2].as_i64().unwrap(), row[3].as_i64().unwrap())).collect();
        assert_eq!(histogram, vec![(1, 1), (3, 2)]);
    }
}
