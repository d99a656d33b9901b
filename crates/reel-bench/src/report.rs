//! Collecting figures and writing `bench/results.json` and `docs/benchmarks.md`.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: String,
    /// The same-run baseline the figure is compared with, described.
    pub baseline: String,
    pub target: String,
    pub machine: String,
}

pub struct Report {
    machine: String,
    corpus: String,
    figures: Vec<Figure>,
    /// Markdown sections with the detail behind the figures.
    sections: Vec<String>,
}

impl Report {
    pub fn new(machine: String, corpus: String) -> Self {
        Self { machine, corpus, figures: Vec::new(), sections: Vec::new() }
    }

    pub fn add_figure(&mut self, name: &str, value: f64, unit: &str, baseline: String, target: &str) {
        eprintln!("  {name} = {value:.3} {unit} (baseline: {baseline}; target {target})");
        self.figures.push(Figure {
            name: name.into(),
            value,
            unit: unit.into(),
            baseline,
            target: target.into(),
            machine: self.machine.clone(),
        });
    }

    pub fn add_section(&mut self, markdown: String) {
        self.sections.push(markdown);
    }

    pub fn write(&self, results_path: &Path, markdown_path: &Path) -> anyhow::Result<()> {
        let mut figures: Vec<serde_json::Value> = Vec::new();
        if let Ok(existing) = std::fs::read_to_string(results_path)
            && let Ok(parsed) = serde_json::from_str::<serde_json::Value>(&existing)
            && let Some(old_figures) = parsed["figures"].as_array()
        {
            // Keep figures other benchmark runners wrote (e.g. the SDK bundle size).
            let ours: Vec<&str> = self.figures.iter().map(|figure| figure.name.as_str()).collect();
            figures.extend(
                old_figures.iter().filter(|figure| !ours.contains(&figure["name"].as_str().unwrap_or(""))).cloned(),
            );
        }
        figures.extend(self.figures.iter().map(|figure| serde_json::to_value(figure).unwrap_or_default()));
        if let Some(parent) = results_path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(results_path, serde_json::to_string_pretty(&serde_json::json!({ "figures": figures }))? + "\n")?;
        std::fs::write(markdown_path, self.markdown())?;
        Ok(())
    }

    fn markdown(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(text, "# Benchmarks\n");
        let _ = writeln!(text, "Written by `make bench` (crates/reel-bench); do not edit by hand.\n");
        let _ = writeln!(text, "- Machine: {}", self.machine);
        let _ = writeln!(text, "- Corpus: {}", self.corpus);
        let _ = writeln!(
            text,
            "- The browser-side figures (SDK bundle and main-thread cost, player first frame, seek and heap) come from \
             `sdk/bench` and `web/bench`: see [benchmarks-sdk.md](benchmarks-sdk.md) and [benchmarks-player.md](benchmarks-player.md); \
             all figures are merged into `bench/results.json`.\n"
        );
        let _ = writeln!(text, "| figure | value | unit | same-run baseline | target |");
        let _ = writeln!(text, "|---|---|---|---|---|");
        for figure in &self.figures {
            let _ = writeln!(
                text,
                "| `{}` | {:.3} | {} | {} | {} |",
                figure.name, figure.value, figure.unit, figure.baseline, figure.target
            );
        }
        for section in &self.sections {
            let _ = writeln!(text, "\n{section}");
        }
        text
    }
}

/// The p-th percentile (0..=100) of the values, by nearest rank.
pub fn percentile(values: &[f64], percent: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((percent / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
