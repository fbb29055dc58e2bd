//! Heap allocation counts (correctness, not timing), through the `allocation-counter` crate's
//! counting global allocator. It counts only the measuring thread's allocations: the test
//! harness's own threads may allocate at any moment. Using the crate keeps `unsafe` (a
//! `GlobalAlloc` impl) out of this repository outside `ffi/`.

use jwtmint::{zoom::ApiTokenMinter, Key, Verifier};

fn count<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let mut out = None;
    let info = allocation_counter::measure(|| out = Some(f()));
    let n = usize::try_from(info.count_total).expect("count fits usize");
    (out.expect("the closure ran"), n)
}

/// The allocations of verifying a Zoom API JWT into a claims map: the map's node, three member
/// names and the `iss` string value (the payload is read on the stack).
const VERIFY_MAP_ALLOCATIONS: usize = 5;
/// Verifying a Zoom API JWT into a struct whose `iss` is a `String`: that string only.
const VERIFY_TYPED_ALLOCATIONS: usize = 1;
/// Verifying to the raw payload bytes: the payload buffer only.
const VERIFY_PAYLOAD_ALLOCATIONS: usize = 1;

#[test]
fn allocation_counts() {
    let key = Key::from_text("0123456789abcdefghijklmnopqrstuvwxyz").unwrap();
    let minter = ApiTokenMinter::new("abcdefghijklmnopqrstuv", key.clone()).unwrap();
    let verifier = Verifier::zoom_api(key, "abcdefghijklmnopqrstuv");
    let mut buf = [0u8; 256];
    let now = 1_700_000_000;

    // Zoom API JWT into a caller's buffer: zero heap allocations.
    let (n, allocs) = count(|| minter.mint_into(now, &mut buf).unwrap());
    assert_eq!(allocs, 0, "mint_into allocated");
    assert!(n > 100);
    // Many times over, still zero.
    let (_, allocs) = count(|| {
        for t in 0..1000 {
            minter.mint_into(now + t, &mut buf).unwrap();
        }
    });
    assert_eq!(allocs, 0);

    // Into a String: exactly one allocation, the String.
    let (token, allocs) = count(|| minter.mint_at(now).unwrap());
    assert_eq!(allocs, 1);

    let (payload, allocs) = count(|| verifier.verify_payload_at(&token, now).unwrap());
    assert_eq!(allocs, VERIFY_PAYLOAD_ALLOCATIONS, "verify_payload_at");
    assert!(!payload.is_empty());

    let (claims, allocs) = count(|| verifier.verify_at(&token, now).unwrap());
    assert_eq!(allocs, VERIFY_MAP_ALLOCATIONS, "verify_at");
    assert_eq!(claims.len(), 3);

    #[derive(serde::Deserialize)]
    struct ApiClaims {
        iss: String,
        exp: i64,
    }
    let (typed, allocs) = count(|| verifier.verify_as_at::<ApiClaims>(&token, now).unwrap());
    assert_eq!(allocs, VERIFY_TYPED_ALLOCATIONS, "verify_as_at");
    assert_eq!(typed.iss, "abcdefghijklmnopqrstuv");
    assert_eq!(typed.exp, now - 30 + 3600);

    // A rejected forgery allocates nothing before the MAC fails.
    let mut forged = token.clone().into_bytes();
    let last = forged.len() - 2;
    forged[last] = if forged[last] == b'A' { b'B' } else { b'A' };
    let (r, allocs) = count(|| verifier.verify_payload_at(&forged, now));
    assert!(r.is_err());
    assert_eq!(
        allocs, 0,
        "a forged token must be rejected without allocating"
    );
}
