//! Print the briefing of text files: every unit with its kind and part, the picks with
//! their reasons, the indicators and the tasks.
//!
//! ```text
//! cargo run --release -p tomtat-scorer --example brief -- FILE... [--lexrank] [--explain]
//! ```

use tomtat_scorer::{Method, Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_tokenizer::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scorer = Scorer::new();
    let options = SummaryOptions {
        method: if args.iter().any(|a| a == "--lexrank") {
            Method::LexRank
        } else {
            Method::Default
        },
        max_per_part: None,
    };
    let explain = args.iter().any(|a| a == "--explain");
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
        let units = Splitter::new().split(&text);
        let b = scorer.summarize(&text, &units, &Segmenter::new(), &options);
        println!("# {path}");
        let lines = if explain {
            scorer.explain(&text, &units)
        } else {
            Vec::new()
        };
        for (i, (u, p)) in units.iter().zip(&b.parts).enumerate() {
            let key = if b.picks.iter().any(|x| x.unit == i) {
                "*"
            } else {
                " "
            };
            let t: String = text[u.start..u.end].chars().take(100).collect();
            println!("{key}{:>3} {:<9} {:<11} {t}", i, u.kind.name(), p.name());
            if let Some(l) = lines.get(i) {
                println!("               {l}");
            }
        }
        println!("## picks");
        for p in &b.picks {
            println!(
                "{:<11} {:>3} {:.2} {}",
                p.part.name(),
                p.unit,
                p.score,
                p.why.join("; ")
            );
        }
        println!("## indicators");
        for x in &b.indicators {
            println!(
                "{:>3} {} = {} {} [{}] plan {:?} change {:?} basis {:?}",
                x.unit,
                x.name,
                x.value,
                x.unit_name,
                x.raw,
                x.plan_percent,
                x.change_percent,
                x.basis
            );
        }
        println!("## tasks");
        for t in &b.tasks {
            println!(
                "{:>3} [{}] {}",
                t.unit,
                t.actor.as_deref().unwrap_or("-"),
                t.text
            );
        }
    }
}
