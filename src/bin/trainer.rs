//! The trainer's app (`trainer.html`, at `/trainer/`): the officers' pages on fictional records,
//! with the scenarios (issue 7). Starts the shell with its bundle.

fn main() {
    prevent_toolkit::run(&prevent_toolkit::bundle::TRAINER);
}
