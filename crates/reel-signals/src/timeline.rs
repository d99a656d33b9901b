//! A session's rrweb events read once into what the detectors look at.

use std::collections::HashMap;

use serde_json::Value;

use crate::dom_mirror::DomMirror;
use crate::element::{ElementDescription, describe_clicked_element};

/// A primary click, with the element as the DOM looked at that moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Click {
    pub time_ms: i64,
    /// Position in the event stream: events of the same millisecond are
    /// ordered by it (a handler's DOM change often shares the click's time).
    pub stream_position: usize,
    pub x: f64,
    pub y: f64,
    pub element: ElementDescription,
    pub page_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CursorPosition {
    pub time_ms: i64,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ErrorOccurrence {
    pub time_ms: i64,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Timeline {
    /// The position of the event being read.
    current_position: usize,
    pub clicks: Vec<Click>,
    pub cursor_positions: Vec<CursorPosition>,
    /// Anything that shows the page reacted: (time, stream position), sorted.
    pub reactions: Vec<(i64, usize)>,
    pub errors: Vec<ErrorOccurrence>,
    /// The last event's time: a check that runs past it cannot be decided.
    pub end_ms: i64,
}

const MOUSE_INTERACTION_CLICK: i64 = 2;
const MOUSE_INTERACTION_FOCUS: i64 = 5;
const MOUSE_INTERACTION_BLUR: i64 = 6;
/// A hint belongs to a click when it follows within this time.
const CLICK_HINT_DELAY_MS_MAX: i64 = 1_000;

fn number(value: Option<&Value>) -> Option<f64> {
    value.and_then(Value::as_f64)
}

/// Node ids the SDK marked as clickable, with the times of those hints.
fn clickable_hints(events: &[Value]) -> HashMap<i64, Vec<i64>> {
    let mut hints: HashMap<i64, Vec<i64>> = HashMap::new();
    for event in events {
        let data = &event["data"];
        if event["type"].as_i64() != Some(5) || data["tag"].as_str() != Some("reel.click_hint") {
            continue;
        }
        let payload = &data["payload"];
        let clickable =
            payload["cursor_pointer"].as_bool() == Some(true) || payload["interactive"].as_bool() == Some(true);
        if let (true, Some(node_id), Some(time_ms)) = (clickable, payload["id"].as_i64(), event["timestamp"].as_i64()) {
            hints.entry(node_id).or_default().push(time_ms);
        }
    }
    hints
}

impl Timeline {
    pub fn from_events(events: &[Value]) -> Timeline {
        let hints = clickable_hints(events);
        let mut timeline = Timeline::default();
        let mut mirror = DomMirror::default();
        let mut page_url: Option<String> = None;
        for (stream_position, event) in events.iter().enumerate() {
            let Some(time_ms) = event["timestamp"].as_i64() else { continue };
            timeline.current_position = stream_position;
            timeline.end_ms = timeline.end_ms.max(time_ms);
            let data = &event["data"];
            match event["type"].as_i64() {
                Some(2) => {
                    mirror.load_full_snapshot(data);
                    timeline.push_reaction(time_ms);
                }
                Some(4) => {
                    page_url = data["href"].as_str().map(str::to_owned);
                    timeline.push_reaction(time_ms);
                }
                Some(3) => timeline.read_incremental(data, time_ms, &mut mirror, &hints, &page_url),
                Some(5) => timeline.read_custom(data, time_ms),
                Some(6) => timeline.read_plugin(data, time_ms, &mut page_url),
                _ => {}
            }
        }
        timeline.reactions.sort_unstable();
        timeline
    }

    fn read_incremental(
        &mut self,
        data: &Value,
        time_ms: i64,
        mirror: &mut DomMirror,
        hints: &HashMap<i64, Vec<i64>>,
        page_url: &Option<String>,
    ) {
        match data["source"].as_i64() {
            Some(0) => {
                let changed = ["adds", "removes", "texts", "attributes"]
                    .iter()
                    .any(|field| data[*field].as_array().is_some_and(|items| !items.is_empty()));
                mirror.apply_mutation(data);
                if changed {
                    self.push_reaction(time_ms);
                }
            }
            // Mouse or touch movement, and drags: positions with offsets.
            Some(1 | 6 | 12) => {
                for position in data["positions"].as_array().into_iter().flatten() {
                    let offset_ms = position["timeOffset"].as_i64().unwrap_or(0);
                    if let (Some(x), Some(y)) = (number(position.get("x")), number(position.get("y"))) {
                        self.cursor_positions.push(CursorPosition { time_ms: time_ms + offset_ms, x, y });
                    }
                }
            }
            Some(2) => match data["type"].as_i64() {
                Some(MOUSE_INTERACTION_CLICK) => {
                    let Some(node_id) = data["id"].as_i64() else { return };
                    let hinted = hints.get(&node_id).is_some_and(|times| {
                        times.iter().any(|hint_ms| (0..=CLICK_HINT_DELAY_MS_MAX).contains(&(hint_ms - time_ms)))
                    });
                    let (x, y) = (number(data.get("x")).unwrap_or(0.0), number(data.get("y")).unwrap_or(0.0));
                    if let Some(position) = (x != 0.0 || y != 0.0).then_some(CursorPosition { time_ms, x, y }) {
                        self.cursor_positions.push(position);
                    }
                    let element = describe_clicked_element(mirror, node_id, hinted);
                    let stream_position = self.current_position;
                    self.clicks.push(Click { time_ms, stream_position, x, y, element, page_url: page_url.clone() });
                }
                Some(MOUSE_INTERACTION_FOCUS | MOUSE_INTERACTION_BLUR) => self.push_reaction(time_ms),
                _ => {}
            },
            // Scroll, input, media interaction, selection.
            Some(3 | 5 | 7 | 14) => self.push_reaction(time_ms),
            _ => {}
        }
    }

    fn read_custom(&mut self, data: &Value, time_ms: i64) {
        let payload = &data["payload"];
        match data["tag"].as_str() {
            Some("reel.error") => {
                let message = payload["message"].as_str().unwrap_or("error").to_owned();
                self.errors.push(ErrorOccurrence { time_ms, message });
            }
            // The SDK's notes of reactions the DOM does not show: a request
            // started, a window opened.
            Some("reel.request_started" | "reel.window_open") => self.push_reaction(time_ms),
            // A request the page made: the page reacted.
            Some("fetch-request") => {
                let started_ms = payload["timestamp"].as_i64().unwrap_or(time_ms);
                self.push_reaction(started_ms.min(time_ms));
            }
            _ => {}
        }
    }

    fn read_plugin(&mut self, data: &Value, time_ms: i64, page_url: &mut Option<String>) {
        let payload = &data["payload"];
        match data["plugin"].as_str() {
            Some("rrweb/console@1") if payload["level"].as_str() == Some("error") => {
                let message = payload["payload"]
                    .as_array()
                    .and_then(|arguments| arguments.first())
                    .and_then(Value::as_str)
                    .unwrap_or("console error")
                    .trim_matches('"')
                    .to_owned();
                self.errors.push(ErrorOccurrence { time_ms, message });
            }
            Some(plugin) if plugin.contains("url-tracking") => {
                if let Some(href) = payload["href"].as_str() {
                    if page_url.as_deref() != Some(href) {
                        self.push_reaction(time_ms);
                    }
                    *page_url = Some(href.to_owned());
                }
            }
            _ => {}
        }
    }

    fn push_reaction(&mut self, time_ms: i64) {
        self.reactions.push((time_ms, self.current_position));
    }

    /// Whether anything reacted after the click (later in time, or in the
    /// same millisecond but later in the stream) and no later than `until_ms`.
    pub fn has_reaction_after(&self, click: &Click, until_ms: i64) -> bool {
        let first_after =
            self.reactions.partition_point(|reaction| *reaction <= (click.time_ms, click.stream_position));
        self.reactions.get(first_after).is_some_and(|(time_ms, _)| *time_ms <= until_ms)
    }
}
