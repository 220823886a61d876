//! Prints the JSON Schema of the NRF export, as published in
//! `docs/schemas/nrf-record-v1.schema.json`:
//! `cargo run -q -p prevent-core --example json_schema > docs/schemas/nrf-record-v1.schema.json`

fn main() {
    let schema = prevent_core::export::json_schema(&prevent_core::nrf::schema());
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).expect("a JSON value always serialises")
    );
}
