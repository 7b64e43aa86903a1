//! The digest of a document's source that `--skip-existing` compares: FNV-1a (64 bits) and the
//! length. It only has to notice that a file changed between two runs, not resist an attacker
//! (who could as well edit the saved `.json`), so a cryptographic hash would be wasted work.

/// FNV-1a, 64 bits.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// `fnv1a64:HEX:LEN` of the source bytes.
pub fn source_digest(bytes: &[u8]) -> String {
    format!("fnv1a64:{:016x}:{}", fnv1a(bytes), bytes.len())
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values_and_sensitivity() {
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(super::source_digest(b"ab"), super::source_digest(b"ba"));
    }
}
