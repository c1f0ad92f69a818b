//! Stylesheets for the closed shadow roots. A page's `style-src` does not apply inside them (toolchain.md §4).
//! Colours come from one palette with sufficient contrast in light and dark pages.
//! Controls keep their own size in flex layouts (`align-self`): X's composers sit in column flex boxes (React
//! Native for Web), where a stretched host would put empty space where a click at its centre lands.

pub const CONTROL: &str = css!("control");

pub const PICKER: &str = css!("picker");

pub const FAVOURITES: &str = css!("favourites");

pub const NOTICE: &str = css!("notice");

pub const FLOATING: &str = css!("floating");

/// A small speech-bubble icon, drawn as SVG markup we create element by element (no innerHTML).
pub const ICON_PATH: &str =
    "M2 2h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z";
