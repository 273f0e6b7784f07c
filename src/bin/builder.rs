//! The embed builder page (`builder.html`), built apart from the app so that
//! visitors never download it.
fn main() {
    console_error_panic_hook::set_once();
    citycal::start_builder();
}
