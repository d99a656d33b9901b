//! Reading paths out of streamed `user_number, session_id, time_ms,
//! event_type` rows.

use std::any::Any;
use std::collections::HashMap;

use reel_types::{QueryRows, RowConsumer, SqlValue};

use super::query::JourneysQuery;
use crate::key_value::UserSet;

/// A Pathfinder path or a Journey Map link, for the Microscope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JourneyPoint {
    Path(Vec<String>),
    Link { step: usize, from: String, to: String },
}

pub struct JourneyAggregator {
    query: JourneysQuery,
    /// When set, `finish` lists the users (`user_number` rows, at most
    /// `limit`) on this path or link instead of counting.
    point: Option<(JourneyPoint, usize)>,
    type_names: Vec<String>,
    type_numbers: HashMap<String, u32>,
    /// (user, session) → (time, event type number) in arrival order.
    sessions: HashMap<(i64, i64), Vec<(i64, u32)>>,
}

impl JourneyAggregator {
    pub fn new(query: JourneysQuery) -> Self {
        Self { query, point: None, type_names: Vec::new(), type_numbers: HashMap::new(), sessions: HashMap::new() }
    }

    /// An aggregator that lists the users on `point`.
    pub fn for_point(mut self, point: JourneyPoint, limit: usize) -> Self {
        self.point = Some((point, limit));
        self
    }

    fn type_number(&mut self, name: &str) -> u32 {
        if let Some(number) = self.type_numbers.get(name) {
            return *number;
        }
        let number = self.type_names.len() as u32;
        self.type_names.push(name.to_owned());
        self.type_numbers.insert(name.to_owned(), number);
        number
    }

    /// The anchored path of one session's events (sorted), if it has the anchor.
    fn path_of(&self, events: &[u32], start: Option<u32>, end: Option<u32>) -> Option<Vec<u32>> {
        let length = self.query.path_events;
        if let Some(start) = start {
            let first = events.iter().position(|event| *event == start)?;
            return Some(events[first..events.len().min(first + length)].to_vec());
        }
        let end = end?;
        let last = events.iter().position(|event| *event == end)?;
        Some(events[(last + 1).saturating_sub(length)..=last].to_vec())
    }
}

impl RowConsumer for JourneyAggregator {
    fn accept(&mut self, row: &[SqlValue]) {
        let cell = |index: usize| row.get(index).and_then(SqlValue::as_i64);
        let (Some(user_number), Some(session_id), Some(time_ms), Some(SqlValue::Text(event_type))) =
            (cell(0), cell(1), cell(2), row.get(3))
        else {
            return;
        };
        let type_number = self.type_number(event_type);
        self.sessions.entry((user_number, session_id)).or_default().push((time_ms, type_number));
    }

    fn absorb(&mut self, other: Box<dyn RowConsumer>) -> bool {
        let Ok(other) = other.into_any().downcast::<JourneyAggregator>() else { return false };
        let renumbered: Vec<u32> = other.type_names.iter().map(|name| self.type_number(name)).collect();
        for (key, events) in other.sessions {
            let mine = self.sessions.entry(key).or_default();
            mine.extend(events.into_iter().map(|(time_ms, number)| (time_ms, renumbered[number as usize])));
        }
        true
    }

    fn finish(self: Box<Self>) -> QueryRows {
        let number_of = |name: &Option<String>| name.as_ref().and_then(|name| self.type_numbers.get(name).copied());
        let (start, end) = (number_of(&self.query.start_event), number_of(&self.query.end_event));
        let mut anchored_users = UserSet::default();
        let mut paths: HashMap<Vec<u32>, UserSet> = HashMap::new();
        let mut links: HashMap<(usize, u32, u32), UserSet> = HashMap::new();
        for ((user_number, _), mut events) in self.sessions.iter().map(|(key, events)| (*key, events.clone())) {
            events.sort_by_key(|(time_ms, _)| *time_ms);
            let mut types: Vec<u32> = events.into_iter().map(|(_, number)| number).collect();
            if self.query.collapse_repeats {
                types.dedup();
            }
            let Some(path) = self.path_of(&types, start, end) else { continue };
            anchored_users.insert(user_number);
            for (step, pair) in path.windows(2).enumerate() {
                links.entry((step, pair[0], pair[1])).or_default().insert(user_number);
            }
            paths.entry(path).or_default().insert(user_number);
        }
        let name = |number: u32| SqlValue::Text(self.type_names.get(number as usize).cloned().unwrap_or_default());
        if let Some((point, limit)) = &self.point {
            let named = |path: &[u32]| path.iter().map(|number| name(*number).label()).collect::<Vec<String>>();
            let mut users: Vec<i64> = Vec::new();
            for (path, path_users) in &paths {
                let on_point = match point {
                    JourneyPoint::Path(events) => named(path) == *events,
                    JourneyPoint::Link { step, from, to } => {
                        named(path).get(*step..step + 2) == Some(&[from.clone(), to.clone()][..])
                    }
                };
                if on_point {
                    users.extend(path_users.iter());
                }
            }
            users.sort_unstable();
            users.dedup();
            return users.into_iter().take(*limit).map(|user| vec![SqlValue::Integer(user)]).collect();
        }
        let mut rows = vec![vec![SqlValue::Text("users".into()), SqlValue::Integer(anchored_users.len() as i64)]];
        for (path, users) in paths {
            let joined: Vec<String> = path.iter().map(|number| name(*number).label()).collect();
            rows.push(vec![
                SqlValue::Text("path".into()),
                SqlValue::Text(joined.join("\u{1f}")),
                SqlValue::Integer(users.len() as i64),
            ]);
        }
        for ((step, from, to), users) in links {
            rows.push(vec![
                SqlValue::Text("link".into()),
                SqlValue::Integer(step as i64),
                name(from),
                name(to),
                SqlValue::Integer(users.len() as i64),
            ]);
        }
        rows
    }

    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}
