//! Batches: find the input files under the paths a user gives, and run a
//! function over many items in parallel while handing results back in input order.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// File extensions read when walking a folder (files named on the command line are always read).
/// Markdown (`.md`) is left out: in an archive it is the README or SOURCES beside the reports,
/// not a report; such files are taken when named or matched by a glob.
pub const SUPPORTED_EXTENSIONS: &[&str] = &[
    "txt", "docx", "docm", "dotx", "odt", "html", "htm", "xhtml", "mht", "mhtml", "pdf", "doc",
    "dot", "rtf",
];

/// File names (before the extension, any case) left out of a folder walk without a glob: the
/// documentation of an archive, not its documents.
pub const NOT_DOCUMENTS: &[&str] = &[
    "readme",
    "sources",
    "license",
    "licence",
    "copying",
    "changelog",
    "notice",
    "authors",
];

/// The text of a path as an id: UTF-8 as it is, any byte that is not UTF-8 as `%XX`, so two
/// names that differ only in such bytes (`x\xe9.txt`, `x\xff.txt`, common in zips made on
/// Windows) keep different ids.
pub fn path_id(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut id = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            id.push_str(chunk.valid());
            for b in chunk.invalid() {
                id.push_str(&format!("%{b:02X}"));
            }
        }
        id
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// One input document found by [`discover`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path relative to the input root it was found under (the file name for a file given directly).
    pub id: String,
    pub path: PathBuf,
    /// Set when the input cannot even be opened (symlink loop, unreadable folder, missing path).
    pub problem: Option<String>,
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    /// Files under the folders that were left out because of their type (or not matching `--glob`).
    pub skipped: usize,
}

/// A shell-style pattern matched against a path relative to its root:
/// `*` any run of characters except `/`, `**` any run including `/`, `?` one character,
/// `[abc]` one of a set, `{a,b}` either. A pattern without `/` is matched against the file
/// name alone. Matching is `globset`'s (ripgrep's), in linear time on any pattern; the
/// hand-written backtracking matcher it replaced was exponential on patterns such as
/// `*a*a*a*a*b`.
#[derive(Debug, Clone)]
pub struct Glob {
    matcher: globset::GlobMatcher,
    name_only: bool,
}

impl Glob {
    /// Compile a pattern; the error says what is wrong with it (an unclosed `[` or `{`).
    ///
    /// ```
    /// use tomtat::batch::Glob;
    /// assert!(Glob::new("*.docx").unwrap().matches("2024/bao-cao.docx"));
    /// assert!(Glob::new("2024/**/*.pdf").unwrap().matches("2024/q1/a.pdf"));
    /// assert!(!Glob::new("*.pdf").unwrap().matches("a.docx"));
    /// assert!(Glob::new("[").is_err());
    /// ```
    pub fn new(pattern: &str) -> Result<Glob, String> {
        let glob = globset::GlobBuilder::new(pattern)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| format!("bad --glob pattern `{pattern}`: {}", e.kind()))?;
        Ok(Glob {
            name_only: !pattern.contains('/'),
            matcher: glob.compile_matcher(),
        })
    }

    /// Whether `relative` (with `/` separators) matches.
    pub fn matches(&self, relative: &str) -> bool {
        let target = if self.name_only {
            relative.rsplit('/').next().unwrap_or(relative)
        } else {
            relative
        };
        self.matcher.is_match(target)
    }
}

/// Find the input files under `paths` (files and folders, folders walked recursively in name order).
///
/// The walk is hand-written rather than `walkdir` (weighed for issue 14): every problem must
/// become an [`Input`] with its reason at its place in name order (a symlink loop, a dangling
/// link, an unreadable folder), and the `--out` folder is cut out by its canonical path; with
/// `walkdir` those are errors and filters to translate back, for a walk of about 80 lines.
/// Folders contribute the files with a [`SUPPORTED_EXTENSIONS`] extension, or those matching one of
/// `globs` when any is given. Every problem (missing path, unreadable folder, symlink loop)
/// becomes an input with `problem` set, so it is reported and never silently dropped.
pub fn discover(paths: &[PathBuf], globs: &[Glob]) -> Discovery {
    discover_excluding(paths, globs, None)
}

/// [`discover`], leaving out the folder `exclude` (and all under it) when a walk meets it: the
/// `--out` folder of a run whose output lies inside an input folder, so that a run never reads
/// its own outputs back.
pub fn discover_excluding(paths: &[PathBuf], globs: &[Glob], exclude: Option<&Path>) -> Discovery {
    let exclude = exclude.and_then(|p| std::fs::canonicalize(p).ok());
    let mut found = Discovery::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => found.inputs.push(Input {
                id: path.display().to_string(),
                path: path.clone(),
                problem: Some(crate::io_reason(&e)),
            }),
            Ok(meta) if meta.is_dir() => {
                let mut ancestors = HashSet::new();
                let walk_of = Walk {
                    root: path,
                    globs,
                    exclude: exclude.as_deref(),
                };
                walk_of.walk(path, &mut ancestors, &mut found);
            }
            Ok(_) => {
                let id = path
                    .file_name()
                    .map(|n| path_id(Path::new(n)))
                    .unwrap_or_else(|| path_id(path));
                found.inputs.push(Input {
                    id,
                    path: path.clone(),
                    problem: None,
                });
            }
        }
    }
    found
}

/// One folder walk: the root its ids are relative to, the globs, the folder left out.
struct Walk<'a> {
    root: &'a Path,
    globs: &'a [Glob],
    exclude: Option<&'a Path>,
}

impl Walk<'_> {
    fn walk(&self, dir: &Path, ancestors: &mut HashSet<PathBuf>, found: &mut Discovery) {
        let globs = self.globs;
        // On Unix a backslash is part of a file name (`a\b.txt` beside the folder `a/`), not a
        // separator.
        let relative = |p: &Path| {
            let id = path_id(p.strip_prefix(self.root).unwrap_or(p));
            if cfg!(windows) {
                id.replace('\\', "/")
            } else {
                id
            }
        };
        let canonical = match std::fs::canonicalize(dir) {
            Ok(c) => c,
            Err(e) => {
                found.inputs.push(Input {
                    id: relative(dir),
                    path: dir.into(),
                    problem: Some(crate::io_reason(&e)),
                });
                return;
            }
        };
        if self.exclude == Some(canonical.as_path()) {
            return;
        }
        if !ancestors.insert(canonical.clone()) {
            found.inputs.push(Input {
                id: relative(dir),
                path: dir.into(),
                problem: Some("symlink loop: this folder contains itself".into()),
            });
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => {
                let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                v.sort();
                v
            }
            Err(e) => {
                found.inputs.push(Input {
                    id: relative(dir),
                    path: dir.into(),
                    problem: Some(format!("cannot read folder: {}", crate::io_reason(&e))),
                });
                ancestors.remove(&canonical);
                return;
            }
        };
        for path in entries {
            let id = relative(&path);
            match std::fs::metadata(&path) {
                Err(e) => {
                    // A broken symlink or a file that vanished: report it.
                    found.inputs.push(Input {
                        id,
                        path,
                        problem: Some(crate::io_reason(&e)),
                    });
                }
                Ok(meta) if meta.is_dir() => self.walk(&path, ancestors, found),
                Ok(_) => {
                    let wanted = if globs.is_empty() {
                        is_document_name(&path)
                    } else {
                        globs.iter().any(|g| g.matches(&id))
                    };
                    if wanted {
                        found.inputs.push(Input {
                            id,
                            path,
                            problem: None,
                        });
                    } else {
                        found.skipped += 1;
                    }
                }
            }
        }
        ancestors.remove(&canonical);
    }
}

/// Taken by a folder walk without a glob: a document extension, and not a README or the like.
fn is_document_name(path: &Path) -> bool {
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SUPPORTED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    ext_ok && !NOT_DOCUMENTS.contains(&stem.as_str())
}

/// Run `work` over `items` on `jobs` threads and give each result to `sink` in input order,
/// as soon as it and all before it are done. At most `window` items are in flight or waiting
/// to be written, so memory does not grow with the number of items. Each thread builds its
/// own scratch state once with `init` and reuses it for every item it takes.
///
/// ```
/// let items: Vec<u32> = (0..100).collect();
/// let mut seen = Vec::new();
/// tomtat::batch::run_ordered(&items, 2, 8, || (), |_, x| x * 2, |i, y| seen.push((i, y)));
/// assert_eq!(seen, (0..100).map(|i| (i as usize, i * 2)).collect::<Vec<_>>());
/// ```
pub fn run_ordered<I, T, W>(
    items: &[I],
    jobs: usize,
    window: usize,
    init: impl Fn() -> W + Sync,
    work: impl Fn(&mut W, &I) -> T + Sync,
    mut sink: impl FnMut(usize, T),
) where
    I: Sync,
    T: Send,
{
    let jobs = jobs.max(1).min(items.len().max(1));
    let window = window.max(jobs);
    let next = AtomicUsize::new(0);
    let written = (Mutex::new(0usize), Condvar::new());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("tomtat-worker-{i}"))
        .build()
        .expect("thread pool");
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        let (next, written, init, work) = (&next, &written, &init, &work);
        scope.spawn(move || {
            pool.scope(|s| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        let mut scratch = init();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= items.len() {
                                break;
                            }
                            {
                                let mut done = written.0.lock().unwrap();
                                while i >= *done + window {
                                    done = written.1.wait(done).unwrap();
                                }
                            }
                            if tx.send((i, work(&mut scratch, &items[i]))).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                sink(want, result);
                want += 1;
            }
            *written.0.lock().unwrap() = want;
            written.1.notify_all();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_on_many_threads() {
        let items: Vec<u64> = (0..500).collect();
        let mut out = Vec::new();
        run_ordered(
            &items,
            4,
            16,
            Vec::<u64>::new,
            |buf, &x| {
                buf.push(x);
                // Uneven work so results finish out of order.
                (0..(x % 7) * 1000).fold(x, |a, b| a.wrapping_add(b)) ^ x.wrapping_mul(0)
            },
            |i, _| out.push(i),
        );
        assert_eq!(out, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn empty_input_calls_nothing() {
        let items: Vec<u8> = Vec::new();
        let mut calls = 0;
        run_ordered(&items, 2, 4, || (), |_, _| 0, |_, _: i32| calls += 1);
        assert_eq!(calls, 0);
    }

    #[test]
    fn glob_patterns() {
        let g = |p: &str| Glob::new(p).unwrap();
        assert!(g("*.txt").matches("a/b/c.txt"));
        assert!(!g("a/*.txt").matches("a/b/c.txt"));
        assert!(g("a/**/*.txt").matches("a/b/c.txt"));
        assert!(g("a/**/*.txt").matches("a/c.txt"));
        assert!(g("bc-?.pdf").matches("bc-1.pdf"));
        assert!(!g("bc-?.pdf").matches("bc-12.pdf"));
        assert!(g("*.{doc,docx}").matches("x.docx"));
        assert!(g("bc-[0-9].pdf").matches("bc-7.pdf"));
        // Linear time where backtracking is exponential.
        let t = std::time::Instant::now();
        assert!(!g("*a*a*a*a*a*a*a*a*b").matches(&"a".repeat(60)));
        assert!(t.elapsed().as_secs() < 2);
    }

    #[test]
    fn discover_walks_in_order_and_reports_missing_paths() {
        let dir = std::env::temp_dir().join(format!("tomtat-discover-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "x").unwrap();
        std::fs::write(dir.join("a.docx"), "x").unwrap();
        std::fs::write(dir.join("sub/c.html"), "x").unwrap();
        std::fs::write(dir.join("photo.jpg"), "x").unwrap();
        let found = discover(&[dir.clone(), dir.join("missing.txt")], &[]);
        let ids: Vec<_> = found.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids[..3], ["a.docx", "b.txt", "sub/c.html"]);
        assert_eq!(found.inputs[3].problem.as_deref(), Some("not found"));
        assert_eq!(found.skipped, 1);
        let only_html = discover(std::slice::from_ref(&dir), &[Glob::new("*.html").unwrap()]);
        assert_eq!(only_html.inputs.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn walks_leave_out_readmes_markdown_and_the_out_folder() {
        let dir = std::env::temp_dir().join(format!("tomtat-walk-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("out/sub")).unwrap();
        for name in ["a.txt", "SOURCES.md", "README.txt", "notes.md", "out/x.txt"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        std::fs::write(dir.join("out/sub/y.txt"), "x").unwrap();
        let found = discover_excluding(std::slice::from_ref(&dir), &[], Some(&dir.join("out")));
        let ids: Vec<_> = found.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a.txt"]);
        assert_eq!(found.skipped, 3);
        // Named or globbed, Markdown is taken.
        let md = discover(std::slice::from_ref(&dir), &[Glob::new("*.md").unwrap()]);
        assert_eq!(md.inputs.len(), 2);
        let named = discover(&[dir.join("SOURCES.md")], &[]);
        assert_eq!(named.inputs[0].id, "SOURCES.md");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_keep_distinct_ids() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"x\xe9.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"x\xff.txt"));
        assert_eq!(path_id(a), "x%E9.txt");
        assert_eq!(path_id(b), "x%FF.txt");
        assert_eq!(path_id(Path::new("2024/bc.txt")), "2024/bc.txt");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed_forever() {
        let dir = std::env::temp_dir().join(format!("tomtat-loop-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("a/back")).unwrap();
        let found = discover(std::slice::from_ref(&dir), &[]);
        assert!(found.inputs.iter().any(|i| i
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("symlink loop"))));
        assert_eq!(
            found.inputs.iter().filter(|i| i.problem.is_none()).count(),
            1
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
