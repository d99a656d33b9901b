//! Precision and recall of the detectors against a labeled corpus: each
//! recording lists the frustration moments its script performed on purpose.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{SignalKind, SignalSettings, detect_signals};

/// A labeled moment: the script performed a `kind` signal at `time_ms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignalLabel {
    pub kind: SignalKind,
    pub time_ms: i64,
    /// What the script did, for messages.
    #[serde(default)]
    pub note: String,
}

/// One recording of the corpus.
#[derive(Debug, Clone, Deserialize)]
pub struct LabeledRecording {
    pub name: String,
    pub events: Vec<Value>,
    pub labels: Vec<SignalLabel>,
}

/// Counts for one detector.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DetectorScore {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl DetectorScore {
    pub fn precision(&self) -> f64 {
        let detected = self.true_positives + self.false_positives;
        if detected == 0 { 1.0 } else { self.true_positives as f64 / detected as f64 }
    }

    pub fn recall(&self) -> f64 {
        let labeled = self.true_positives + self.false_negatives;
        if labeled == 0 { 1.0 } else { self.true_positives as f64 / labeled as f64 }
    }
}

/// A detection matches a label of its kind within this distance.
pub const MATCH_DISTANCE_MS: i64 = 1_500;

/// Scores every detector over the corpus; also returns the mistakes, for messages.
pub fn evaluate(
    corpus: &[LabeledRecording],
    settings: &SignalSettings,
) -> (BTreeMap<SignalKind, DetectorScore>, Vec<String>) {
    let mut scores: BTreeMap<SignalKind, DetectorScore> =
        SignalKind::ALL.into_iter().map(|kind| (kind, DetectorScore::default())).collect();
    let mut mistakes = Vec::new();
    for recording in corpus {
        let detected = detect_signals(&recording.events, settings);
        for kind in SignalKind::ALL {
            let mut unmatched_labels: Vec<&SignalLabel> =
                recording.labels.iter().filter(|label| label.kind == kind).collect();
            let score = scores.entry(kind).or_default();
            for signal in detected.iter().filter(|signal| signal.kind == kind) {
                let closest = unmatched_labels
                    .iter()
                    .enumerate()
                    .filter(|(_, label)| (label.time_ms - signal.time_ms).abs() <= MATCH_DISTANCE_MS)
                    .min_by_key(|(_, label)| (label.time_ms - signal.time_ms).abs())
                    .map(|(index, _)| index);
                match closest {
                    Some(index) => {
                        unmatched_labels.remove(index);
                        score.true_positives += 1;
                    }
                    None => {
                        score.false_positives += 1;
                        mistakes.push(format!("{}: unexpected {} at {}", recording.name, kind.id(), signal.time_ms));
                    }
                }
            }
            for label in unmatched_labels {
                score.false_negatives += 1;
                mistakes.push(format!(
                    "{}: missed {} at {} ({})",
                    recording.name,
                    kind.id(),
                    label.time_ms,
                    label.note
                ));
            }
        }
    }
    (scores, mistakes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_match_detections_to_labels_one_to_one() {
        let fixture = include_str!("detectors/fixtures/rage_click/two_bursts.json");
        let events: Vec<Value> = serde_json::from_str(fixture).unwrap();
        let recording = LabeledRecording {
            name: "two bursts".into(),
            events,
            labels: vec![
                SignalLabel { kind: SignalKind::RageClick, time_ms: 1_700_000_001_100, note: "first".into() },
                SignalLabel { kind: SignalKind::RageClick, time_ms: 1_700_000_009_000, note: "never happened".into() },
            ],
        };
        let (scores, mistakes) = evaluate(&[recording], &SignalSettings::default());
        let rage = scores[&SignalKind::RageClick];
        assert_eq!((rage.true_positives, rage.false_positives, rage.false_negatives), (1, 1, 1));
        assert_eq!((rage.precision(), rage.recall()), (0.5, 0.5));
        assert_eq!(mistakes.len(), 2 + scores[&SignalKind::DeadClick].false_positives);
    }
}
