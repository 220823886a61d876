//! Binary entry point: mounts the app on the document body.

fn main() {
    yew::Renderer::<prevent_toolkit::app::App>::new().render();
    // After the first render, so that caching the app for offline use never delays it.
    prevent_toolkit::services::offline::register();
}
