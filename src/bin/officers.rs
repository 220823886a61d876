//! The officers' app (`officer.html`, at `/officer/`): the Gateway Assessment and PLP, deadlines
//! and settings. Its bundle and its `main`.

prevent_toolkit::app!(OFFICERS);
