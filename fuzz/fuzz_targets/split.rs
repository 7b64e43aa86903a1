//! Arbitrary UTF-8 through the splitter and the scorer: no panic, units in order,
//! inside the text, on character boundaries, clauses inside their unit (also with the line
//! breaks flattened to spaces); picks point at units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tomtat_scorer::{Scorer, SummaryOptions};
use tomtat_splitter::Splitter;
use tomtat_tokenizer::Segmenter;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let units = Splitter::new().split(s);
    let mut prev_end = 0;
    for u in &units {
        assert!(u.start < u.end && u.end <= s.len() && u.start >= prev_end, "{u:?}");
        assert!(s.is_char_boundary(u.start) && s.is_char_boundary(u.end));
        for c in &u.clauses {
            assert!(c.start >= u.start && c.end <= u.end && c.start <= c.end, "{c:?} in {u:?}");
        }
        prev_end = u.end;
    }
    // the same text flattened to one line (issue 10): the same invariants
    let flat = s.replace(['\n', '\r'], " ");
    let mut prev_end = 0;
    for u in Splitter::new().split(&flat) {
        assert!(u.start < u.end && u.end <= flat.len() && u.start >= prev_end, "{u:?}");
        assert!(flat.is_char_boundary(u.start) && flat.is_char_boundary(u.end));
        prev_end = u.end;
    }
    let briefing = Scorer::new().summarize(s, &units, &Segmenter::new(), &SummaryOptions::default());
    assert_eq!(briefing.parts.len(), units.len());
    for p in &briefing.picks {
        assert_eq!((p.start, p.end), (units[p.unit].start, units[p.unit].end));
    }
});
