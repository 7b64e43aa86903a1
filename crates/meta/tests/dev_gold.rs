//! Metadata against the `.meta.json` gold of `../shared/data/reports-dev` (tuned on) and
//! `reports-dev2` (held out): level and province accuracy must stay at the bar.
//! Skips with one line when the shared data is absent.

use std::path::{Path, PathBuf};

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
        .trim_start_matches("tp ");
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn accuracy(dir: &Path) -> Option<(usize, f64, f64)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
        .collect();
    files.sort();
    let (mut n, mut lv, mut pv) = (0, 0, 0);
    for f in files {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).ok()?).ok()?;
        let txt = f.to_string_lossy().replace(".meta.json", ".txt");
        let Ok(text) = std::fs::read_to_string(&txt) else {
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
        lv += (m.level.as_deref().unwrap_or("") == g("level")) as usize;
        pv += (norm_province(m.province.as_deref().unwrap_or("")) == norm_province(&g("province")))
            as usize;
    }
    Some((n, lv as f64 / n as f64, pv as f64 / n as f64))
}

#[test]
fn level_and_province_on_dev_sets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    for set in ["reports-dev", "reports-dev2"] {
        let Some((n, level, province)) = accuracy(&root.join(set)) else {
            eprintln!("skipped: {set} not found under ../shared/data");
            continue;
        };
        eprintln!("{set}: {n} documents, level {level:.3}, province {province:.3}");
        assert!(n >= 30, "{set}: only {n} documents");
        assert!(level >= 0.85, "{set}: level accuracy {level:.3}");
        assert!(province >= 0.80, "{set}: province accuracy {province:.3}");
    }
}
