//! With the `split` feature, the app's wasm keeps the linker's relocations:
//! tools/split-wasm.mjs needs them to move code into chunks (src/ui/chunk.rs);
//! wasm-bindgen drops them. Only the `citycal` binary, so the embed builder
//! and the tests link as before.
fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=citycal=--emit-relocs");
    }
}
