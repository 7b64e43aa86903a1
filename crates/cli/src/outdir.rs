//! `--out DIR`: safe, unique names for each document's files, atomic writes, and the
//! completeness check behind `--skip-existing`.
//!
//! - A document id maps to a path inside DIR by a reversible escape: each `/`-separated part
//!   keeps its characters except `%` and those that are unsafe in file names on some system
//!   (`\ : * ? " < > |`, control characters), a leading `.` (so `.`, `..` and hidden names
//!   stay inside DIR and never meet the temporary files) and an empty part (`%`), which become
//!   `%XX`. A top-level name that is a batch file's (`index`, `digest`, `indicators`, `tasks`,
//!   any case) gets its first letter escaped, so no document clobbers `digest.md`.
//! - Two ids that map to the same name (duplicate JSON-lines ids, names that differ only in
//!   case) are told apart by a suffix `~2`, `~3`, ... on the later one's id, in input order, so
//!   a resumed run gives each document the same name again.
//! - Every file is written to `.NAME.tmp` in its folder and renamed over `NAME`: a killed run
//!   leaves complete files or none. A document's `.json` is written last and records a digest
//!   of the source, so `--skip-existing` keeps a document only when its `.json` parses, names
//!   the same id and source digest, and every other file of it is there.

use anyhow::{Context, Result};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use tomtat::{render, Record};

/// Names of the batch files at the top of DIR, which no document may take.
pub const RESERVED_STEMS: &[&str] = &["index", "digest", "indicators", "tasks"];

/// The files written for each document besides its `.json`: the Markdown briefing and, with
/// `--format html` or `docx`, the page or Word file rendered for it. Another output format
/// plugs in here.
#[derive(Debug, Clone, Copy, Default)]
pub struct Artifacts {
    /// How the `.md` briefing is written.
    pub md: render::MdOptions,
    /// The extension (`html`, `docx`) of the rendered file, when there is one.
    pub rendered: Option<&'static str>,
}

impl Artifacts {
    /// The extensions written, each checked by `--skip-existing`.
    pub fn extensions(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once("md").chain(self.rendered)
    }
}

/// Escape one part of an id for a file name (see the module doc).
fn escape_part(part: &str, top_level: bool) -> String {
    if part.is_empty() {
        return "%".into();
    }
    let mut out = String::with_capacity(part.len());
    for (i, c) in part.char_indices() {
        let unsafe_char = matches!(c, '%' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            || c.is_control()
            || (i == 0 && c == '.');
        if unsafe_char {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    if top_level {
        let stem = out.split('.').next().unwrap_or("").to_ascii_lowercase();
        if RESERVED_STEMS.contains(&stem.as_str()) {
            let first = out.as_bytes()[0];
            out = format!("%{first:02X}{}", &out[1..]);
        }
    }
    // Keep each name within the 255 bytes file systems allow, extension and temp prefix included.
    if out.len() > 200 {
        let mut cut = 180;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out = format!(
            "{}%~{:016x}",
            &out[..cut],
            crate::digest::fnv1a(out.as_bytes())
        );
    }
    out
}

/// The path under DIR (without extension) of a document id.
pub fn stem_of(id: &str) -> PathBuf {
    let parts: Vec<&str> = id.split('/').collect();
    let mut path = PathBuf::new();
    for (i, part) in parts.iter().enumerate() {
        path.push(escape_part(part, i == 0 && parts.len() == 1));
    }
    path
}

/// Gives each document a unique id and name, in input order.
#[derive(Default)]
pub struct Namer {
    used: HashSet<String>,
}

impl Namer {
    /// The id to use (the given one, or with a `~N` suffix when its name is taken) and its stem.
    pub fn assign(&mut self, id: &str) -> (String, PathBuf) {
        let mut n = 1;
        loop {
            let uid = if n == 1 {
                id.to_string()
            } else {
                format!("{id}~{n}")
            };
            let stem = stem_of(&uid);
            // Case-insensitive file systems would merge names that differ in case only.
            if self.used.insert(stem.to_string_lossy().to_lowercase()) {
                return (uid, stem);
            }
            n += 1;
        }
    }
}

/// `DIR/STEM.EXT`.
pub fn file_of(dir: &Path, stem: &Path, ext: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_os_string();
    name.push(".");
    name.push(ext);
    dir.join(name)
}

/// Write `bytes` to `path` atomically: a temporary `.NAME.tmp` beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_of(path);
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    };
    write().with_context(|| path.display().to_string())
}

/// The temporary name of `path`: `.NAME.tmp` in the same folder (document names never start
/// with `.`, which is escaped).
pub fn temp_of(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".tmp");
    path.with_file_name(name)
}

/// Write one document's files under `dir`: the artifacts (`rendered` is the page or Word file
/// of [`Artifacts::rendered`]), then its `.json` with the digest of its source (the mark that
/// the set is complete), each atomically.
pub fn write_document(
    dir: &Path,
    stem: &Path,
    record: &Record,
    artifacts: &Artifacts,
    rendered: Option<&[u8]>,
    digest: &str,
) -> Result<()> {
    let json_path = file_of(dir, stem, "json");
    if let Some(parent) = json_path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    let md = render::markdown_with(record, &artifacts.md);
    write_atomic(&file_of(dir, stem, "md"), md.as_bytes())?;
    if let Some(ext) = artifacts.rendered {
        let bytes = rendered.with_context(|| format!("no .{ext} rendered"))?;
        write_atomic(&file_of(dir, stem, ext), bytes)?;
    }
    let mut json = serde_json::to_value(record)?;
    json["source_digest"] = digest.into();
    let mut bytes = serde_json::to_vec_pretty(&json)?;
    bytes.push(b'\n');
    write_atomic(&json_path, &bytes)
}

/// The record saved by an earlier run, when all its files (those of `artifacts` too) are
/// complete, for the same id and the same source.
pub fn saved(
    dir: &Path,
    stem: &Path,
    id: &str,
    digest: &str,
    artifacts: &Artifacts,
) -> Option<Record> {
    let bytes = std::fs::read(file_of(dir, stem, "json")).ok()?;
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let obj = json.as_object_mut()?;
    if obj.remove("source_digest")?.as_str()? != digest {
        return None;
    }
    for ext in artifacts.extensions() {
        let len = std::fs::metadata(file_of(dir, stem, ext)).ok()?.len();
        if len == 0 {
            return None;
        }
    }
    let record: Record = serde_json::from_value(json).ok()?;
    (record.id() == id && !record.is_error()).then_some(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_the_folder_and_are_unique() {
        assert_eq!(stem_of("2024/q1/a.docx"), Path::new("2024/q1/a.docx"));
        assert_eq!(stem_of(".."), Path::new("%2E."));
        assert_eq!(stem_of("."), Path::new("%2E"));
        assert_eq!(stem_of(""), Path::new("%"));
        assert_eq!(stem_of("/"), Path::new("%/%"));
        assert_eq!(stem_of("/etc/passwd"), Path::new("%/etc/passwd"));
        assert_eq!(stem_of("../../x"), Path::new("%2E./%2E./x"));
        assert_eq!(stem_of("a\\b.txt"), Path::new("a%5Cb.txt"));
        assert_eq!(stem_of("x%E9.txt"), Path::new("x%25E9.txt"));
        assert_eq!(stem_of("digest"), Path::new("%64igest"));
        assert_eq!(stem_of("Index.md"), Path::new("%49ndex.md"));
        assert_eq!(stem_of("sub/digest"), Path::new("sub/digest"));
        for id in ["..", ".", "", "/", "/etc/passwd", "../../x", "a/../../b"] {
            let stem = stem_of(id);
            assert!(
                stem.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{id:?} -> {stem:?}"
            );
        }
        let long = "ả".repeat(300);
        assert!(stem_of(&long).as_os_str().len() < 220);
        let mut namer = Namer::default();
        assert_eq!(namer.assign("c").0, "c");
        assert_eq!(namer.assign("c").0, "c~2");
        assert_eq!(namer.assign("C").0, "C~3", "case-insensitive file systems");
        assert_eq!(namer.assign("c").0, "c~4");
    }

    #[test]
    fn writes_are_atomic_and_resume_checks_completeness() {
        let dir = std::env::temp_dir().join(format!("tomtat-outdir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let record: Record = serde_json::from_str(
            r#"{"id":"a","source":"a.txt","encoding":"utf8","units":0,"part_sizes":{"result":0,"shortcoming":0,"directive":0,"other":0},"results":[],"shortcomings":[],"directives":[],"indicators":[],"tasks":[]}"#,
        )
        .unwrap();
        let stem = stem_of("sub/a");
        let md = Artifacts::default();
        let html = Artifacts {
            rendered: Some("html"),
            ..md
        };
        write_document(&dir, &stem, &record, &md, None, "d1").unwrap();
        assert!(saved(&dir, &stem, "a", "d1", &md).is_some());
        assert!(
            saved(&dir, &stem, "a", "d2", &md).is_none(),
            "source changed"
        );
        assert!(saved(&dir, &stem, "b", "d1", &md).is_none(), "another id");
        assert!(
            saved(&dir, &stem, "a", "d1", &html).is_none(),
            "no .html from the Markdown run"
        );
        write_document(&dir, &stem, &record, &html, Some(b"<p>a</p>"), "d1").unwrap();
        assert!(saved(&dir, &stem, "a", "d1", &html).is_some());
        std::fs::write(file_of(&dir, &stem, "html"), "").unwrap();
        assert!(
            saved(&dir, &stem, "a", "d1", &html).is_none(),
            "empty .html"
        );
        assert!(saved(&dir, &stem, "a", "d1", &md).is_some());
        std::fs::write(file_of(&dir, &stem, "md"), "").unwrap();
        assert!(saved(&dir, &stem, "a", "d1", &md).is_none(), "empty .md");
        let names: Vec<_> = std::fs::read_dir(dir.join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
