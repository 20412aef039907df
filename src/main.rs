//! The `geokg` binary: parse arguments, run one subcommand, map errors to exit codes.

mod cli;
mod cmd;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Ingest(args) => cmd::ingest::run(&cli.global, args),
        Command::Extract(args) => cmd::extract::run(&cli.global, args),
        Command::Recode(args) => cmd::recode::run(&cli.global, args),
        Command::Query(args) => cmd::query::run(&cli.global, args),
        Command::Export(args) => cmd::export::run(&cli.global, args),
        Command::Actors(args) => cmd::actors::run(&cli.global, args),
        Command::Events(args) => cmd::events::run(&cli.global, args),
        Command::Stats(args) => cmd::stats::run(&cli.global, args),
        Command::Path(args) => cmd::path::run(&cli.global, args),
        Command::Search(args) => cmd::search::run(&cli.global, args),
        Command::Eval(args) => cmd::eval::run(&cli.global, args),
        Command::Demo(args) => cmd::demo::run(&cli.global, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("geokg: error: {}", format!("{err:#}").to_lowercase_first());
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

trait LowercaseFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowercaseFirst for String {
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

// Extraction allocates many small, short-lived buffers per sentence; mimalloc serves them
// markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
