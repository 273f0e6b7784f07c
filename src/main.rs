fn main() {
    // A release build aborts at a panic without a message (Makefile,
    // RELEASE_WASM_ENV), so the hook would never run there.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    citycal::start();
}
