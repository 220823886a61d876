//! Prints the policy catalogue (issue 17, item 4) as a Markdown table:
//! `cargo run -p prevent-core --example catalogue`.

fn main() {
    print!("{}", prevent_core::catalogue::table());
}
