//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "reel", version, about = "Self-hosted session replay with product analytics")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run the server on the embedded store.
    Serve(ServeArguments),
    /// Frustration signals maintenance.
    #[command(subcommand)]
    Signals(SignalsCommand),
    /// Store generated analytics events (users, sessions, a shop funnel) in
    /// the first project, to explore the charts or measure them at scale.
    DemoData(DemoDataArguments),
}

#[derive(Args)]
pub struct DemoDataArguments {
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The server's data directory (default ./reel-data).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
    /// People to generate (100,000 with 100 events each is the 10-million-event benchmark).
    #[arg(long, default_value_t = 1_000)]
    pub users: u64,
    /// About how many events each person has.
    #[arg(long, default_value_t = 100)]
    pub events_per_user: u64,
    /// Days back from today the events spread over.
    #[arg(long, default_value_t = 30)]
    pub days: i64,
}

#[derive(Subcommand)]
pub enum SignalsCommand {
    /// Detect the signals of stored sessions again (after a rule or threshold change).
    Recompute(RecomputeArguments),
}

#[derive(Args)]
pub struct RecomputeArguments {
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The server's data directory (default ./reel-data).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
    /// Only this project (default: all).
    #[arg(long)]
    pub project: Option<i64>,
    /// Only sessions that started on or after this date, YYYY-MM-DD.
    #[arg(long)]
    pub since: Option<String>,
}

#[derive(Args)]
pub struct ServeArguments {
    /// A TOML config file; REEL_* environment variables override it.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Where data is kept (default ./reel-data).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
    /// Address to listen on, HOST:PORT (default 127.0.0.1:8080).
    #[arg(long)]
    pub listen: Option<String>,
    /// Store a few generated demo sessions when the project has none.
    #[arg(long)]
    pub demo_data: bool,
}
