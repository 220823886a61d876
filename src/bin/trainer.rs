//! The trainer's app (`trainer.html`, at `/trainer/`): the officers' pages on fictional records,
//! with the scenarios (issue 7). Its bundle and its `main`.

prevent_toolkit::app!(TRAINER);
