//! The officers' app (`officer.html`, at `/officer/`): the Gateway Assessment and PLP, deadlines
//! and settings. Starts the shell with its bundle.

fn main() {
    prevent_toolkit::run(&prevent_toolkit::bundle::OFFICERS);
}
