//! The label menu and the notes panel, shown in an extension-origin frame over the native page (see
//! `extension/panel.html`). Issue 4, in progress.
