//! Print `tomtat_meta::extract` of every document as one JSON line (`{"doc": …, "meta": …}`),
//! to diff the rules' output before and after a change.
//!
//! ```sh
//! cargo run --release -p tomtat-meta --example dump_meta -- corpus ../shared/data/reports-dev \
//!     ../shared/data/admin-raw/admin-raw.txt > meta.jsonl
//! ```
//! A folder gives its `*.txt` files in name order; a file whose lines `=====` separate documents
//! (`admin-raw.txt`) gives each of them.
use std::path::Path;

fn emit(name: &str, text: &str) {
    let meta = tomtat_meta::extract(text);
    let line = serde_json::json!({ "doc": name, "meta": meta });
    println!("{line}");
}

fn main() {
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .expect("folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).expect("UTF-8 text");
                emit(&f.to_string_lossy(), &text);
            }
        } else {
            let text = std::fs::read_to_string(path).expect("UTF-8 text");
            for (i, doc) in text
                .split("=====\n")
                .enumerate()
                .filter(|(_, d)| !d.is_empty())
            {
                emit(&format!("{arg}#{i}"), doc);
            }
        }
    }
}
