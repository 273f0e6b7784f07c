//! With the `split` feature, the app's wasm keeps the linker's relocations:
//! tools/split-wasm.mjs needs them to move code into chunks (src/ui/chunk.rs);
//! wasm-bindgen drops them. Only the `citycal` binary, so the embed builder
//! and the tests link as before.
//!
//! It also writes the locales' Fluent files without their comments and blank
//! lines to OUT_DIR, for `src/ui/catalog.rs` to embed.

#[path = "crates/core/src/ftl_strip.rs"]
mod ftl_strip;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    for lang in ["en", "es", "ro"] {
        for file in ["main", "more"] {
            let path = format!("locales/{lang}/{file}.ftl");
            println!("cargo:rerun-if-changed={path}");
            let source = std::fs::read_to_string(&path).unwrap();
            std::fs::write(out.join(format!("{lang}-{file}.ftl")), ftl_strip::strip(&source)).unwrap();
        }
    }
    println!("cargo:rerun-if-changed=crates/core/src/ftl_strip.rs");
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=citycal=--emit-relocs");
    }
}
