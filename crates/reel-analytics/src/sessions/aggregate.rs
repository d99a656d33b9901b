//! Grouping streamed `user_number, session_id, time_ms` rows into sessions.

use std::any::Any;
use std::collections::HashMap;

use reel_types::{QueryRows, RowConsumer, SqlValue};

use crate::calendar::bucket_start_ms;
use crate::key_value::UserSet;
use crate::query::Interval;

/// Session length ranges: a label and the exclusive upper bound in ms.
pub const LENGTH_BINS: [(&str, i64); 7] = [
    ("< 10 s", 10_000),
    ("10 s – 1 min", 60_000),
    ("1 – 3 min", 180_000),
    ("3 – 10 min", 600_000),
    ("10 – 30 min", 1_800_000),
    ("30 min – 1 h", 3_600_000),
    ("≥ 1 h", i64::MAX),
];

#[derive(Debug, Clone, Copy)]
struct SessionSpan {
    first_ms: i64,
    last_ms: i64,
    events: i64,
}

pub struct SessionAggregator {
    interval: Interval,
    sessions: HashMap<(i64, i64), SessionSpan>,
}

impl SessionAggregator {
    pub fn new(interval: Interval) -> Self {
        Self { interval, sessions: HashMap::new() }
    }
}

#[derive(Default)]
struct Totals {
    sessions: i64,
    users: UserSet,
    length_ms: i64,
    events: i64,
    bins: [i64; LENGTH_BINS.len()],
}

impl Totals {
    fn add(&mut self, user_number: i64, span: &SessionSpan) {
        let length_ms = span.last_ms - span.first_ms;
        self.sessions += 1;
        self.users.insert(user_number);
        self.length_ms += length_ms;
        self.events += span.events;
        if let Some(bin) = LENGTH_BINS.iter().position(|(_, upper_ms)| length_ms < *upper_ms) {
            self.bins[bin] += 1;
        }
    }

    fn row(&self, bucket_ms: Option<i64>) -> Vec<SqlValue> {
        let mut row = vec![
            bucket_ms.map_or(SqlValue::Null, SqlValue::Integer),
            SqlValue::Integer(self.sessions),
            SqlValue::Integer(self.users.len() as i64),
            SqlValue::Integer(self.length_ms),
            SqlValue::Integer(self.events),
        ];
        row.extend(self.bins.iter().map(|count| SqlValue::Integer(*count)));
        row
    }
}

impl RowConsumer for SessionAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let cell = |index: usize| row.get(index).and_then(SqlValue::as_i64);
        let (Some(user_number), Some(session_id), Some(time_ms)) = (cell(0), cell(1), cell(2)) else { return };
        let span = self.sessions.entry((user_number, session_id)).or_insert(SessionSpan {
            first_ms: time_ms,
            last_ms: time_ms,
            events: 0,
        });
        span.first_ms = span.first_ms.min(time_ms);
        span.last_ms = span.last_ms.max(time_ms);
        span.events += 1;
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<SessionAggregator>() else { return false };
        for (key, other_span) in other.sessions {
            let span = self.sessions.entry(key).or_insert(SessionSpan { events: 0, ..other_span });
            span.first_ms = span.first_ms.min(other_span.first_ms);
            span.last_ms = span.last_ms.max(other_span.last_ms);
            span.events += other_span.events;
        }
        true
    }

    /// Rows out: the range (`bucket_ms` null) and each bucket where sessions start.
    fn finish(self: Box<Self>) -> QueryRows {
        let mut range = Totals::default();
        let mut per_bucket: HashMap<i64, Totals> = HashMap::new();
        for ((user_number, _), span) in &self.sessions {
            range.add(*user_number, span);
            per_bucket.entry(bucket_start_ms(self.interval, span.first_ms)).or_default().add(*user_number, span);
        }
        let mut buckets: Vec<_> = per_bucket.into_iter().collect();
        buckets.sort_by_key(|(bucket_ms, _)| *bucket_ms);
        let mut rows = vec![range.row(None)];
        rows.extend(buckets.iter().map(|(bucket_ms, totals)| totals.row(Some(*bucket_ms))));
        rows
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}
