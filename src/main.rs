//! Binary entry point: mounts the app on the document body.

fn main() {
    yew::Renderer::<prevent_toolkit::app::App>::new().render();
}
