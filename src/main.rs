//! The partners' app (`index.html`, at `/`): the referral. Starts the shell with its bundle.

fn main() {
    prevent_toolkit::run(&prevent_toolkit::bundle::PARTNERS);
}
