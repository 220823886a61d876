//! Plain elements built by one function instead of by `html!` at every place they are used:
//! each element `html!` writes costs about 0.3 kB of WebAssembly where it is written (its node
//! ref, attributes and child list), a call to [`text`] a few bytes (ARCHITECTURE.md, "Download
//! size"). The DOM is the same.

use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

/// `<tag class="class">text</tag>`, for example a GOV.UK paragraph or heading.
pub fn text(tag: &'static str, class: &'static str, text: AttrValue) -> Html {
    let mut el = VTag::new(AttrValue::Static(tag));
    el.add_attribute("class", AttrValue::Static(class));
    el.add_child(VText::new(text).into());
    el.into()
}
