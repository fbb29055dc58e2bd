//! HMAC-SHA256 (RFC 2104) over `sha2`'s raw SHA-256 compression function.
//!
//! A [`Midstate`] is the inner and outer SHA-256 states after the key blocks, plus whatever
//! has been absorbed since: the key holds one, a token prefix ([`crate::prefix`]) holds one
//! that has absorbed every token's constant first bytes, and [`Midstate::mac`] finishes a tag
//! from it with nothing but stack copies.
//!
//! Why not the `hmac` crate: its `Hmac<Sha256>` is `Clone` and can absorb the prefix once,
//! but cloning and finishing it per token made the whole Zoom API mint (`mint_into`) about a
//! third slower, measured side by side (docs/PERFORMANCE.md, "HMAC: hand-written or the
//! `hmac` crate"). The bar for keeping this file was 10%.
//!
//! Only the message padding is written here; the compression function is `sha2`'s (with
//! SHA-NI where the CPU has it). Equality with the `hmac` crate over arbitrary keys,
//! prefixes and messages is property-tested below and in `tests/`.

use sha2::block_api::compress256;
use sha2::Digest;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

const BLOCK: usize = 64;

/// SHA-256 initial hash value (FIPS 180-4 §5.3.3).
const IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// HMAC-SHA256 part-way through a message: as good as the key for forging tags, so it is
/// wiped on drop and never printed.
#[derive(Clone)]
pub(crate) struct Midstate {
    /// Inner hash state: SHA-256 over `key ^ ipad` and every whole absorbed block.
    inner: [u32; 8],
    /// Outer hash state: SHA-256 over `key ^ opad`.
    outer: [u32; 8],
    /// Absorbed bytes not yet making a whole block.
    pending: [u8; BLOCK],
    pending_len: usize,
    /// Bytes absorbed into the inner hash, counting the key block.
    len: u64,
}

impl Drop for Midstate {
    fn drop(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
        self.pending.zeroize();
    }
}

impl Midstate {
    /// The state after the key blocks (RFC 2104: keys longer than a block are hashed first,
    /// shorter ones padded with zeros).
    pub fn new(key: &[u8]) -> Self {
        let mut block = [0u8; BLOCK];
        if key.len() > BLOCK {
            let mut digest: [u8; 32] = sha2::Sha256::digest(key).into();
            block[..32].copy_from_slice(&digest);
            digest.zeroize();
        } else {
            block[..key.len()].copy_from_slice(key);
        }
        let mut inner = IV;
        let mut outer = IV;
        block.iter_mut().for_each(|b| *b ^= 0x36);
        compress256(&mut inner, &[block]);
        block.iter_mut().for_each(|b| *b ^= 0x36 ^ 0x5c);
        compress256(&mut outer, &[block]);
        block.zeroize();
        Midstate {
            inner,
            outer,
            pending: [0; BLOCK],
            pending_len: 0,
            len: BLOCK as u64,
        }
    }

    /// A new state that has also absorbed `data`.
    pub fn absorb(&self, mut data: &[u8]) -> Self {
        let mut next = self.clone();
        next.len += data.len() as u64;
        if next.pending_len > 0 {
            let take = (BLOCK - next.pending_len).min(data.len());
            next.pending[next.pending_len..next.pending_len + take].copy_from_slice(&data[..take]);
            next.pending_len += take;
            data = &data[take..];
            if next.pending_len < BLOCK {
                return next;
            }
            compress256(&mut next.inner, &[next.pending]);
            next.pending_len = 0;
        }
        let (blocks, rest) = data.as_chunks::<BLOCK>();
        compress256(&mut next.inner, blocks);
        // Zeros past the pending bytes: `mac` copies the whole array as its padding's start.
        next.pending = [0; BLOCK];
        next.pending[..rest.len()].copy_from_slice(rest);
        next.pending_len = rest.len();
        next
    }

    /// The tag of everything absorbed followed by `data`. `self` is left as it was.
    #[inline]
    pub fn mac(&self, data: &[u8]) -> [u8; 32] {
        let mut h = self.inner;
        let total_bits = (self.len + data.len() as u64) * 8;

        // The last one or two blocks (pending bytes, the rest of `data`, padding) go on the
        // stack. Bytes of `pending` past `pending_len` are zero (see `absorb`), so the whole
        // array is copied: a fixed-size copy, with no call to `memcpy`.
        let mut tail = [0u8; 2 * BLOCK];
        tail[..BLOCK].copy_from_slice(&self.pending);
        let mut used = self.pending_len;
        let mut data = data;
        if used + data.len() > 2 * BLOCK - 9 {
            // Long input: finish the pending block, then hash whole blocks in place.
            let take = BLOCK - used;
            tail[used..BLOCK].copy_from_slice(&data[..take]);
            compress256(&mut h, &tail.as_chunks::<BLOCK>().0[..1]);
            tail[..BLOCK].fill(0);
            data = &data[take..];
            let (blocks, rest) = data.as_chunks::<BLOCK>();
            compress256(&mut h, blocks);
            data = rest;
            used = 0;
        }
        tail[used..used + data.len()].copy_from_slice(data);
        used += data.len();

        // SHA-256 padding: 0x80, zeros, the message length in bits (big-endian u64). One call
        // hashes both blocks when the tail needs two.
        tail[used] = 0x80;
        let end = if used < BLOCK - 8 { BLOCK } else { 2 * BLOCK };
        tail[end - 8..end].copy_from_slice(&total_bits.to_be_bytes());
        let (blocks, _) = tail[..end].as_chunks::<BLOCK>();
        compress256(&mut h, blocks);

        // Outer hash: one block holding the inner digest.
        let mut outer_block = [0u8; BLOCK];
        for (chunk, word) in outer_block[..32].chunks_exact_mut(4).zip(h) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        outer_block[32] = 0x80;
        outer_block[BLOCK - 8..].copy_from_slice(&(((BLOCK + 32) * 8) as u64).to_be_bytes());
        let mut o = self.outer;
        compress256(&mut o, &[outer_block]);

        let mut tag = [0u8; 32];
        for (chunk, word) in tag.chunks_exact_mut(4).zip(o) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        // The tail holds only message bytes; the hash states are derived from the key.
        h.zeroize();
        o.zeroize();
        tag
    }

    /// Whether `tag` is the tag of everything absorbed followed by `data`, compared in
    /// constant time.
    #[inline]
    pub fn verify(&self, data: &[u8], tag: &[u8; 32]) -> bool {
        // Compared as four words rather than 32 bytes: `subtle` hides each element from the
        // optimizer separately, so fewer, wider elements cost less and stay constant-time.
        let words = |t: &[u8; 32]| -> [u64; 4] {
            let (chunks, _) = t.as_chunks::<8>();
            [0, 1, 2, 3].map(|i| u64::from_ne_bytes(chunks[i]))
        };
        words(&self.mac(data)).ct_eq(&words(tag)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{KeyInit, Mac};
    use proptest::prelude::*;

    fn reference(key: &[u8], data: &[u8]) -> [u8; 32] {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    #[test]
    fn rfc_4231_vectors() {
        let hex = |s: &str| base16ct::mixed::decode_vec(s).unwrap();
        let cases = [
            // (key, data, tag): test cases 1, 2, 4, 6 and 7.
            ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            ("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ("0102030405060708090a0b0c0d0e0f10111213141516171819", &"cd".repeat(50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (&"aa".repeat(131), "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (&"aa".repeat(131), "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e", "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ];
        for (key, data, tag) in cases {
            assert_eq!(Midstate::new(&hex(key)).mac(&hex(data)).to_vec(), hex(tag));
        }
    }

    #[test]
    fn every_length_around_block_boundaries_matches_the_hmac_crate() {
        let key = b"key-of-some-length-0123456789";
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for prefix in 0..140 {
            let state = Midstate::new(key).absorb(&data[..prefix]);
            for len in (prefix..data.len()).step_by(1) {
                let got = state.mac(&data[prefix..len]);
                assert_eq!(
                    got,
                    reference(key, &data[..len]),
                    "prefix {prefix} len {len}"
                );
            }
        }
    }

    #[test]
    fn verify_is_exact() {
        let s = Midstate::new(b"k");
        let tag = s.mac(b"m");
        assert!(s.verify(b"m", &tag));
        let mut bad = tag;
        bad[31] ^= 1;
        assert!(!s.verify(b"m", &bad));
        assert!(!s.verify(b"n", &tag));
    }

    proptest! {
        #[test]
        fn matches_the_hmac_crate(
            key in prop::collection::vec(any::<u8>(), 0..200),
            prefix in prop::collection::vec(any::<u8>(), 0..200),
            split in prop::collection::vec(any::<u8>(), 0..200),
            data in prop::collection::vec(any::<u8>(), 0..300),
        ) {
            // Absorbing in two steps, then finishing, equals one HMAC over the concatenation.
            let state = Midstate::new(&key).absorb(&prefix).absorb(&split);
            let mut whole = prefix.clone();
            whole.extend_from_slice(&split);
            whole.extend_from_slice(&data);
            prop_assert_eq!(state.mac(&data), reference(&key, &whole));
        }
    }
}
