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
