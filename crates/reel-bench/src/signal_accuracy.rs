//! Precision and recall of the frustration detectors on the labeled
//! real-browser corpus (tests/fixtures/signals-corpus).

use std::path::Path;

use anyhow::Context;
use reel_signals::SignalSettings;
use reel_signals::evaluation::{LabeledRecording, evaluate};

use crate::report::Report;

pub fn run(corpus_dir: &Path, report: &mut Report) -> anyhow::Result<()> {
    let mut paths: Vec<_> = std::fs::read_dir(corpus_dir)
        .with_context(|| format!("reading the labeled corpus {}", corpus_dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    paths.sort();
    let mut corpus: Vec<LabeledRecording> = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        corpus.push(serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?);
    }
    let (scores, _mistakes) = evaluate(&corpus, &SignalSettings::default());
    let mut precision_min = f64::MAX;
    let mut recall_min = f64::MAX;
    for (kind, score) in &scores {
        let counts = format!(
            "{} recordings; {} true, {} false positives, {} missed",
            corpus.len(),
            score.true_positives,
            score.false_positives,
            score.false_negatives
        );
        report.add_figure(
            &format!("signals_{}_precision", kind.id()),
            score.precision(),
            "ratio",
            counts.clone(),
            ">= 0.95",
        );
        report.add_figure(&format!("signals_{}_recall", kind.id()), score.recall(), "ratio", counts, ">= 0.95");
        precision_min = precision_min.min(score.precision());
        recall_min = recall_min.min(score.recall());
    }
    report.add_figure(
        "signals_precision_min",
        precision_min,
        "ratio",
        "minimum over the four detectors".into(),
        ">= 0.95",
    );
    report.add_figure("signals_recall_min", recall_min, "ratio", "minimum over the four detectors".into(), ">= 0.95");
    Ok(())
}
