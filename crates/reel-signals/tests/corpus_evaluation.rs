//! The labeled real-browser corpus (tests/fixtures/signals-corpus, made by
//! tests/browser/signals-corpus/record-signals-corpus.mjs): every detector
//! must stay above the precision and recall floor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use reel_signals::SignalSettings;
use reel_signals::evaluation::{LabeledRecording, evaluate};

/// The floor `make test` enforces: the target. docs/benchmarks.md reports the figures.
const FLOOR: f64 = 0.95;

pub fn load_corpus() -> Vec<LabeledRecording> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/signals-corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("the labeled corpus is missing at {}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|path| serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()).collect()
}

#[test]
fn every_detector_is_above_the_floor_on_the_labeled_corpus() {
    let corpus = load_corpus();
    assert!(corpus.len() >= 4, "the corpus needs positives and look-alikes");
    let (scores, mistakes) = evaluate(&corpus, &SignalSettings::default());
    for (kind, score) in &scores {
        let labeled = score.true_positives + score.false_negatives;
        assert!(labeled > 0, "the corpus has no positives for {}", kind.id());
        println!("{}: precision {:.3} recall {:.3} ({score:?})", kind.id(), score.precision(), score.recall());
    }
    let below: Vec<String> = scores
        .iter()
        .filter(|(_, score)| score.precision() < FLOOR || score.recall() < FLOOR)
        .map(|(kind, score)| format!("{} precision {:.3} recall {:.3}", kind.id(), score.precision(), score.recall()))
        .collect();
    assert!(below.is_empty(), "below the floor {FLOOR}: {below:?}\nmistakes:\n{}", mistakes.join("\n"));
}
