//! Test support for the shared development data.
//!
//! The development data (treebanks, dev reports, office-file and encoding samples) sits at
//! `../shared/data` beside the checkout, as CI lays it out. A clone without it still passes
//! its tests: a test that needs the data calls [`shared`], which prints one `skipped:` line
//! and returns `None` when the folder is absent.
//!
//! ```
//! if let Some(dir) = tomtat_testdata::shared("encodings-dev") {
//!     assert!(dir.is_dir());
//! }
//! ```
#![forbid(unsafe_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The root of the shared data: `../shared/data` beside the workspace.
pub fn shared_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// `../shared/data/<sub>` when it exists; otherwise prints one line naming the test that
/// skips and the missing path, and returns `None`.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let path = shared_root().join(sub);
    if path.exists() {
        return Some(path);
    }
    let test = std::thread::current().name().unwrap_or("test").to_string();
    // Written to stderr directly, not with `eprintln!`, so that the test harness's output
    // capture does not hide it: the line shows in a plain `cargo test` run.
    // One write of a whole line (starting on a fresh line) so that it is not cut by the
    // harness's own lines.
    let line = format!(
        "\nskipped: {test}: needs the shared development data at {} (absent in this clone)\n",
        path.display()
    );
    let _ = std::io::stderr().write_all(line.as_bytes());
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_none() {
        assert!(shared("no-such-folder-anywhere").is_none());
    }

    #[test]
    fn root_ends_in_shared_data() {
        assert!(shared_root().ends_with("shared/data"));
    }
}
