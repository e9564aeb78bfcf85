//! DEFLATE decoding (RFC 1951), enough to read the parts of an `.xlsx` workbook: stored,
//! fixed-Huffman and dynamic-Huffman blocks, with a cap on the output so a ZIP bomb is an
//! error, not an out-of-memory abort. Canonical Huffman codes are decoded a bit at a time
//! from their per-length counts (as zlib's `puff.c` does): slower than table lookup but
//! small, and a roster's workbook is a few hundred kilobytes at most.

/// Why a stream could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ends in the middle of a block.
    Truncated,
    /// A block type, code length set or distance that RFC 1951 does not allow.
    Corrupt(&'static str),
    /// The output would be longer than the cap.
    TooLarge,
}

impl InflateError {
    /// What went wrong, in `lang`.
    pub fn describe(self, lang: crate::lang::Lang) -> String {
        match self {
            InflateError::Truncated => {
                lang.text("the compressed data ends too early", "壓縮數據提前結束").into()
            }
            InflateError::Corrupt(what) => {
                crate::lang::msg!(lang, "the compressed data is corrupt ({})", "壓縮數據已損壞（{}）", what)
            }
            InflateError::TooLarge => {
                lang.text("the data unpacks to more than the size limit", "解壓後超過大小上限").into()
            }
        }
    }
}

const MAX_BITS: usize = 15;

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    bit_buf: u32,
    bit_count: u32,
}

impl Bits<'_> {
    fn bits(&mut self, need: u32) -> Result<u32, InflateError> {
        while self.bit_count < need {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Truncated)?;
            self.pos += 1;
            self.bit_buf |= u32::from(byte) << self.bit_count;
            self.bit_count += 8;
        }
        let v = self.bit_buf & ((1u32 << need) - 1);
        self.bit_buf >>= need;
        self.bit_count -= need;
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes have each length, and the symbols in code order.
struct Huffman {
    count: [u16; MAX_BITS + 1],
    symbol: Vec<u16>,
}

impl Huffman {
    /// Builds the code from each symbol's code length (0 = unused). An over-subscribed set
    /// is corrupt; an incomplete one is allowed only when `incomplete_ok` (a distance code
    /// with one symbol, RFC 1951 §3.2.7).
    fn new(lengths: &[u8], incomplete_ok: bool) -> Result<Huffman, InflateError> {
        let mut count = [0u16; MAX_BITS + 1];
        for &l in lengths {
            count[usize::from(l)] += 1;
        }
        let mut left: i32 = 1;
        for &c in &count[1..] {
            left = left * 2 - i32::from(c);
            if left < 0 {
                return Err(InflateError::Corrupt("over-subscribed code lengths"));
            }
        }
        let used = lengths.len() - usize::from(count[0]);
        if left > 0 && !(incomplete_ok || used <= 1) {
            return Err(InflateError::Corrupt("incomplete code lengths"));
        }
        let mut offs = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offs[len + 1] = offs[len] + count[len];
        }
        let mut symbol = vec![0u16; used];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbol[usize::from(offs[usize::from(l)])] = s as u16;
                offs[usize::from(l)] += 1;
            }
        }
        count[0] = 0;
        Ok(Huffman { count, symbol })
    }

    fn decode(&self, bits: &mut Bits<'_>) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= bits.bits(1)? as i32;
            let count = i32::from(self.count[len]);
            if code - count < first {
                return Ok(self.symbol[(index + (code - first)) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Corrupt("no such Huffman code"))
    }
}

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
    227, 258,
];
const LEN_EXTRA: [u8; 29] =
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/// Decodes a raw DEFLATE stream (no zlib or gzip header) into at most `limit` bytes.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut out = Vec::with_capacity(data.len().saturating_mul(4).min(limit));
    let mut bits = Bits { data, pos: 0, bit_buf: 0, bit_count: 0 };
    loop {
        let last = bits.bits(1)? == 1;
        match bits.bits(2)? {
            0 => stored(&mut bits, &mut out, limit)?,
            1 => {
                let mut lengths = [0u8; 288];
                lengths[..144].fill(8);
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                lengths[280..].fill(8);
                let lit = Huffman::new(&lengths, false)?;
                let dist = Huffman::new(&[5u8; 30], true)?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic_codes(&mut bits)?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            _ => return Err(InflateError::Corrupt("block type 3")),
        }
        if last {
            return Ok(out);
        }
    }
}

fn stored(bits: &mut Bits<'_>, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
    bits.bit_buf = 0;
    bits.bit_count = 0;
    let header = bits.data.get(bits.pos..bits.pos + 4).ok_or(InflateError::Truncated)?;
    let len = u16::from_le_bytes([header[0], header[1]]);
    let nlen = u16::from_le_bytes([header[2], header[3]]);
    if len != !nlen {
        return Err(InflateError::Corrupt("stored block length check"));
    }
    bits.pos += 4;
    let body = bits.data.get(bits.pos..bits.pos + usize::from(len)).ok_or(InflateError::Truncated)?;
    if out.len() + body.len() > limit {
        return Err(InflateError::TooLarge);
    }
    out.extend_from_slice(body);
    bits.pos += usize::from(len);
    Ok(())
}

fn dynamic_codes(bits: &mut Bits<'_>) -> Result<(Huffman, Huffman), InflateError> {
    const ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    let nlen = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Corrupt("too many length or distance codes"));
    }
    let mut code_lengths = [0u8; 19];
    for &i in &ORDER[..ncode] {
        code_lengths[i] = bits.bits(3)? as u8;
    }
    let lencode = Huffman::new(&code_lengths, false)?;
    let mut lengths = [0u8; 286 + 30];
    let mut i = 0;
    while i < nlen + ndist {
        let sym = lencode.decode(bits)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => {
                let prev = *lengths[..i].last().ok_or(InflateError::Corrupt("repeat with no length"))?;
                (prev, 3 + bits.bits(2)? as usize)
            }
            17 => (0, 3 + bits.bits(3)? as usize),
            _ => (0, 11 + bits.bits(7)? as usize),
        };
        if i + repeat > nlen + ndist {
            return Err(InflateError::Corrupt("too many code lengths"));
        }
        lengths[i..i + repeat].fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err(InflateError::Corrupt("no end-of-block code"));
    }
    let lit = Huffman::new(&lengths[..nlen], false)?;
    let dist = Huffman::new(&lengths[nlen..nlen + ndist], true)?;
    Ok((lit, dist))
}

fn codes(
    bits: &mut Bits<'_>,
    out: &mut Vec<u8>,
    limit: usize,
    lit: &Huffman,
    dist: &Huffman,
) -> Result<(), InflateError> {
    loop {
        let sym = lit.decode(bits)?;
        match sym {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                out.push(sym as u8);
            }
            256 => return Ok(()),
            _ => {
                let k = usize::from(sym - 257);
                if k >= LEN_BASE.len() {
                    return Err(InflateError::Corrupt("length code out of range"));
                }
                let len = usize::from(LEN_BASE[k]) + bits.bits(u32::from(LEN_EXTRA[k]))? as usize;
                let d = usize::from(dist.decode(bits)?);
                if d >= DIST_BASE.len() {
                    return Err(InflateError::Corrupt("distance code out of range"));
                }
                let back = usize::from(DIST_BASE[d]) + bits.bits(u32::from(DIST_EXTRA[d]))? as usize;
                if back > out.len() {
                    return Err(InflateError::Corrupt("distance before the start"));
                }
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                let from = out.len() - back;
                for j in 0..len {
                    let b = out[from + j];
                    out.push(b);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(n: usize) -> Vec<u8> {
        let words = ["主席臺", "第1排", "王建國", "<row r=\"", "\"/>", " ", "區委常委", "0123456789"];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut out = Vec::new();
        while out.len() < n {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            out.extend_from_slice(words[(state % words.len() as u64) as usize].as_bytes());
        }
        out
    }

    #[test]
    fn every_level_of_miniz_round_trips() {
        for n in [0, 1, 100, 5_000, 70_000] {
            let data = text(n);
            for level in [0u8, 1, 6, 9, 10] {
                let packed = miniz_oxide::deflate::compress_to_vec(&data, level);
                assert_eq!(inflate(&packed, usize::MAX).unwrap(), data, "n={n} level={level}");
            }
        }
    }

    #[test]
    fn fixed_huffman_block_by_hand() {
        // "a" as one fixed block: BFINAL=1, BTYPE=01, 'a' = 0x61 → code 0x30+0x61 (8 bits),
        // then end-of-block (7 zero bits). Python: zlib.compress(b"a", wbits=-15) = 4b 04 00.
        assert_eq!(inflate(&[0x4B, 0x04, 0x00], 10).unwrap(), b"a");
    }

    #[test]
    fn errors_not_panics() {
        let packed = miniz_oxide::deflate::compress_to_vec(&text(10_000), 6);
        assert_eq!(inflate(&packed, 100), Err(InflateError::TooLarge));
        assert_eq!(inflate(&packed[..packed.len() / 2], usize::MAX), Err(InflateError::Truncated));
        assert_eq!(inflate(&[0x07], 10), Err(InflateError::Corrupt("block type 3")));
        assert_eq!(inflate(&[], 10), Err(InflateError::Truncated));
        // A stored block whose length check fails.
        assert!(matches!(inflate(&[0x01, 0x05, 0x00, 0x00, 0x00], 10), Err(InflateError::Corrupt(_))));
    }

    proptest! {
        #[test]
        fn round_trips_any_bytes(data in proptest::collection::vec(any::<u8>(), 0..3000), level in 0u8..=10) {
            let packed = miniz_oxide::deflate::compress_to_vec(&data, level);
            prop_assert_eq!(inflate(&packed, usize::MAX).unwrap(), data);
        }

        #[test]
        fn garbage_is_an_error_or_bounded(data in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Ok(out) = inflate(&data, 1 << 16) {
                prop_assert!(out.len() <= 1 << 16);
            }
        }
    }
}
