//! `rage_click`: at least `rage_click_count_min` clicks inside a window of
//! `rage_click_window_ms` from the first, all within a `rage_click_radius_px`
//! box or on the same node. One signal per burst; the burst ends at the first
//! click outside the window (or the box).

use crate::timeline::{Click, Timeline};
use crate::{Signal, SignalKind, SignalSettings};

fn fits_burst(burst: &[&Click], click: &Click, settings: &SignalSettings) -> bool {
    let Some(first) = burst.first() else { return true };
    if click.time_ms - first.time_ms > settings.rage_click_window_ms {
        return false;
    }
    let same_node =
        click.element.node_id.is_some() && burst.iter().all(|earlier| earlier.element.node_id == click.element.node_id);
    let xs = burst.iter().map(|earlier| earlier.x).chain([click.x]);
    let ys = burst.iter().map(|earlier| earlier.y).chain([click.y]);
    let span = |values: &mut dyn Iterator<Item = f64>| {
        let (minimum, maximum) =
            values.fold((f64::MAX, f64::MIN), |(low, high), value| (low.min(value), high.max(value)));
        maximum - minimum
    };
    let within_box = span(&mut xs.into_iter()) <= settings.rage_click_radius_px
        && span(&mut ys.into_iter()) <= settings.rage_click_radius_px;
    same_node || within_box
}

fn signal_for(burst: &[&Click]) -> Option<Signal> {
    let (first, last) = (burst.first()?, burst.last()?);
    Some(Signal {
        kind: SignalKind::RageClick,
        time_ms: first.time_ms,
        end_time_ms: last.time_ms,
        node_id: first.element.node_id,
        selector: first.element.selector.clone(),
        element_text: first.element.text.clone(),
        element_tag: first.element.tag.clone(),
        page_url: first.page_url.clone(),
        click_count: Some(burst.len()),
        x: Some(first.x),
        y: Some(first.y),
        error_message: None,
    })
}

pub fn detect(timeline: &Timeline, settings: &SignalSettings) -> Vec<Signal> {
    let mut signals = Vec::new();
    let mut burst: Vec<&Click> = Vec::new();
    for click in &timeline.clicks {
        if !fits_burst(&burst, click, settings) {
            if burst.len() >= settings.rage_click_count_min {
                signals.extend(signal_for(&burst));
            }
            burst.clear();
        }
        burst.push(click);
    }
    if burst.len() >= settings.rage_click_count_min {
        signals.extend(signal_for(&burst));
    }
    signals
}
