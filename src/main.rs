//! The partners' app (`index.html`, at `/`): the referral. Its bundle and its `main`.

prevent_toolkit::app!(PARTNERS);
