//! `reel-bench`: runs the checked-in benchmarks against the release binary
//! and writes `bench/results.json` and `docs/benchmarks.md`.

mod analytics_queries;
mod availability;
mod compression_study;
mod corpus;
mod ingest_throughput;
mod machine;
mod memory_under_load;
mod report;
mod running_server;
mod seek_latency;
mod session_list;
mod signal_accuracy;

use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;

#[derive(Parser)]
#[command(about = "Reel benchmarks (make bench)")]
struct Arguments {
    /// The reel binary to measure (a release build).
    #[arg(long, default_value = "target/release/reel")]
    reel_binary: PathBuf,
    /// Folder of real-browser recordings (`*.json`), see tests/browser/corpus.
    #[arg(long, default_value = "bench/corpus")]
    corpus_dir: PathBuf,
    /// The labeled recordings for the frustration detectors.
    #[arg(long, default_value = "tests/fixtures/signals-corpus")]
    signals_corpus_dir: PathBuf,
    #[arg(long, default_value = "bench/results.json")]
    results: PathBuf,
    #[arg(long, default_value = "docs/benchmarks.md")]
    markdown: PathBuf,
    /// Runs only the ingest throughput benchmark and prints its figures
    /// without writing the results files (for profiling).
    #[arg(long)]
    ingest_only: bool,
    /// Users for the analytics benchmark (100 events each; 100,000 = the
    /// issue's 10 million events).
    #[arg(long, default_value_t = 100_000)]
    analytics_users: u64,
    /// Runs only the analytics benchmark and prints its figures.
    #[arg(long)]
    analytics_only: bool,
    /// Sessions for the replay list benchmark (1,000,000 = issue #9's figure).
    #[arg(long, default_value_t = 1_000_000)]
    session_list_sessions: u64,
    /// Runs only the replay list benchmark and prints its figure.
    #[arg(long)]
    session_list_only: bool,
}

fn main() -> anyhow::Result<()> {
    let arguments = Arguments::parse();
    anyhow::ensure!(
        arguments.reel_binary.exists(),
        "{} does not exist: build it first with `cargo build --release -p reel` (make bench does)",
        arguments.reel_binary.display()
    );
    let machine = machine::describe_machine();
    let corpus = corpus::load_corpus(&arguments.corpus_dir).context("loading the corpus")?;
    eprintln!("corpus: {}", corpus.describe());
    let mut report = report::Report::new(machine, corpus.describe());
    if arguments.analytics_only {
        analytics_queries::run(arguments.analytics_users, &mut report)?;
        return Ok(());
    }
    if arguments.session_list_only {
        session_list::run(arguments.session_list_sessions, &mut report)?;
        return Ok(());
    }
    if arguments.ingest_only {
        ingest_throughput::run(&arguments.reel_binary, &corpus, &mut report)?;
        return Ok(());
    }
    eprintln!("[0/5] frustration signal accuracy");
    signal_accuracy::run(&arguments.signals_corpus_dir, &mut report)?;
    eprintln!("[1/5] compression study");
    compression_study::run(&corpus, &mut report)?;
    eprintln!("[2/5] ingest throughput and stored bytes");
    ingest_throughput::run(&arguments.reel_binary, &corpus, &mut report)?;
    eprintln!("[3/5] availability");
    availability::run(&arguments.reel_binary, &mut report)?;
    eprintln!("[4/5] seek latency");
    seek_latency::run(&arguments.reel_binary, &mut report)?;
    seek_latency::run_single_page(&arguments.reel_binary, &mut report)?;
    eprintln!("[5/5] memory under load");
    memory_under_load::run(&arguments.reel_binary, &corpus, &mut report)?;
    eprintln!("[6/6] analytics queries on the embedded store");
    analytics_queries::run(arguments.analytics_users, &mut report)?;
    eprintln!("[7/7] the replay list over a million sessions");
    session_list::run(arguments.session_list_sessions, &mut report)?;
    report.write(&arguments.results, &arguments.markdown)?;
    eprintln!("wrote {} and {}", arguments.results.display(), arguments.markdown.display());
    Ok(())
}
