//! Score metadata against the `.meta.json` gold of a development folder.
//!
//! ```sh
//! cargo run --release -p tomtat-meta --example score_meta -- ../shared/data/reports-dev [-v]
//! ```
//! Province names are compared without `tỉnh`/`thành phố`/`TP`, case, spaces and hyphens, as the
//! issue's bar does; a gold province with a note (`Cần Thơ (venue)`) counts by its first name.
use std::path::Path;

fn norm_province(s: &str) -> String {
    let s = s
        .split([';', '(', '/'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let s = s
        .trim_start_matches("thành phố ")
        .trim_start_matches("tỉnh ")
        .trim_start_matches("tp ")
        .trim_start_matches("tp. ");
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut totals = [0usize; 6];
    for dir in args.iter().filter(|a| *a != "-v") {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
            .collect();
        files.sort();
        let (mut n, mut lv, mut pv, mut kd, mut dt, mut dn) = (0, 0, 0, 0, 0, 0);
        for f in &files {
            let gold: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            let stem = f
                .to_string_lossy()
                .trim_end_matches(".meta.json")
                .to_string();
            let Ok(text) = std::fs::read_to_string(Path::new(&format!("{stem}.txt"))) else {
                continue;
            };
            let m = tomtat_meta::extract(&text);
            let g = |k: &str| {
                gold.get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            n += 1;
            let l_ok = m.level.as_deref().unwrap_or("") == g("level");
            let p_ok =
                norm_province(m.province.as_deref().unwrap_or("")) == norm_province(&g("province"));
            let k_ok = m.kind.as_deref().unwrap_or("") == g("kind");
            lv += l_ok as usize;
            pv += p_ok as usize;
            kd += k_ok as usize;
            if !g("date").is_empty() {
                dn += 1;
                dt += m
                    .date
                    .as_deref()
                    .is_some_and(|d| d.starts_with(&g("date")) || g("date").starts_with(d))
                    as usize;
            }
            if verbose && !(l_ok && p_ok) {
                println!(
                    "{} level {:?}/{} province {:?}/{} body {:?}",
                    Path::new(&stem).file_name().unwrap().to_string_lossy(),
                    m.level,
                    g("level"),
                    m.province,
                    g("province"),
                    m.body
                );
            }
        }
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{dir}: {n} docs  level {:.3}  province {:.3}  kind {:.3}  date {:.3} (of {dn})",
            pct(lv, n),
            pct(pv, n),
            pct(kd, n),
            pct(dt, dn)
        );
        for (t, v) in totals.iter_mut().zip([n, lv, pv, kd, dt, dn]) {
            *t += v;
        }
    }
}
