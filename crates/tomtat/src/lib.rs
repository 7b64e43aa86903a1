//! The tomtat pipeline: bytes to briefing.
pub use tomtat_scorer as scorer;
pub use tomtat_splitter as splitter;
pub use tomtat_text as text;
pub use tomtat_tokenizer as tokenizer;
