//! The `yasno` command line; the code is in `src/cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
