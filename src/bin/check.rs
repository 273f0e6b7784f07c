//! The feed check page (`check.html`), for organizers, built apart from the
//! app so that visitors never download it.
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    citycal::start_check();
}
