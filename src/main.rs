fn main() {
    // A release build aborts at a panic without a message (Makefile,
    // RELEASE_WASM_ENV), so the hook would never run there; a release built
    // with CITYCAL_PANIC_INFO=1 keeps it, to find where a trap comes from.
    #[cfg(any(debug_assertions, citycal_panic_hook))]
    console_error_panic_hook::set_once();
    citycal::start();
}
