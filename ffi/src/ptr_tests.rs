//! The caller's memory as C hands it over: uninitialized buffers and out-parameters, guard
//! bytes around short buffers. Miri (scripts/suites/miri.sh, with recursive validation) checks
//! that no reference is ever made to the uninitialized bytes.

use std::mem::MaybeUninit;

use super::*;
use crate::codes::{jwtmint_result, JWTMINT_OK};
use crate::key::{jwtmint_key, jwtmint_key_free, jwtmint_key_new};
use crate::mint::{
    jwtmint_api_minter, jwtmint_api_minter_free, jwtmint_api_minter_mint, jwtmint_api_minter_new,
    jwtmint_now,
};

/// The core's contract for a "mint into a slice" function, with a result of `len` bytes `b'x'`.
fn writer(len: usize) -> impl Fn(&mut [u8]) -> jwtmint_core::Result<usize> {
    move |buf| match buf.get_mut(..len) {
        Some(dest) => {
            dest.fill(b'x');
            Ok(len)
        }
        None => Err(jwtmint_core::Error::BufferTooSmall { needed: len }),
    }
}

/// Runs `Output::fill(writer(len))` on a fresh, uninitialized buffer of `cap` bytes, and returns
/// the status, `*out_len` and the initialized bytes (the result and its NUL).
fn fill_uninit(cap: usize, len: usize) -> (Result<(), Fail>, usize, Vec<u8>) {
    let mut buf = vec![MaybeUninit::<u8>::uninit(); cap];
    let mut out_len = MaybeUninit::<usize>::uninit();
    // SAFETY: a live buffer of `cap` bytes and a live `usize`, distinct.
    let output = unsafe { Output::new(buf.as_mut_ptr().cast(), cap, out_len.as_mut_ptr()) };
    let status = output.unwrap().fill(writer(len));
    // SAFETY: `fill` writes `*out_len` whatever its status.
    let n = unsafe { out_len.assume_init() };
    let written = if status.is_ok() {
        n + usize::from(n < cap)
    } else {
        0
    };
    // SAFETY: on success the first `n` bytes and, when there is room, the NUL were written.
    let bytes = buf[..written]
        .iter()
        .map(|b| unsafe { b.assume_init() })
        .collect();
    (status, n, bytes)
}

#[test]
fn fill_writes_uninitialized_memory_through_the_scratch_buffer() {
    let (status, n, bytes) = fill_uninit(64, 20);
    assert!(status.is_ok());
    assert_eq!(n, 20);
    assert_eq!(bytes, [&[b'x'; 20][..], &[0]].concat());
    // Exactly full: no NUL.
    let (status, n, bytes) = fill_uninit(20, 20);
    assert!(status.is_ok());
    assert_eq!((n, bytes), (20, vec![b'x'; 20]));
}

#[test]
fn fill_writes_a_result_longer_than_the_scratch_in_place() {
    let len = SCRATCH_LEN + 88;
    let (status, n, bytes) = fill_uninit(len + 1, len);
    assert!(status.is_ok());
    assert_eq!(n, len);
    assert_eq!(bytes, [&vec![b'x'; len][..], &[0]].concat());
    let (status, n, bytes) = fill_uninit(len, len);
    assert!(status.is_ok());
    assert_eq!((n, bytes), (len, vec![b'x'; len]));
}

#[test]
fn a_short_buffer_is_left_untouched() {
    for (cap, len) in [(0, 1), (10, 11), (SCRATCH_LEN, SCRATCH_LEN + 1), (700, 701)] {
        let mut buf = vec![0xa5_u8; cap + 16];
        let mut out_len = 7_usize;
        // SAFETY: a live buffer of `cap + 16` bytes and a live `usize`, distinct.
        let output = unsafe { Output::new(buf.as_mut_ptr(), cap, &mut out_len) }.unwrap();
        let status = output.fill(writer(len));
        assert_eq!(status.unwrap_err().0, JWTMINT_BUFFER_TOO_SMALL);
        assert_eq!(out_len, len);
        assert!(
            buf.iter().all(|&b| b == 0xa5),
            "cap {cap}: the buffer was written"
        );
    }
}

#[test]
fn write_copies_into_uninitialized_memory() {
    let mut buf = [MaybeUninit::<u8>::uninit(); 8];
    let mut out_len = MaybeUninit::<usize>::uninit();
    // SAFETY: a live buffer of 8 bytes and a live `usize`, distinct.
    let output = unsafe { Output::new(buf.as_mut_ptr().cast(), 8, out_len.as_mut_ptr()) };
    output.unwrap().write(b"abc").unwrap();
    // SAFETY: `write` succeeded: `*out_len`, 3 bytes and a NUL are written.
    unsafe {
        assert_eq!(out_len.assume_init(), 3);
        assert_eq!(
            buf[..4].iter().map(|b| b.assume_init()).collect::<Vec<_>>(),
            b"abc\0"
        );
    }
}

#[test]
fn out_parameters_may_be_uninitialized() {
    let mut now = MaybeUninit::<i64>::uninit();
    // SAFETY: a live, uninitialized `int64_t`.
    assert_eq!(unsafe { jwtmint_now(now.as_mut_ptr()) }, JWTMINT_OK);
    // SAFETY: written on success.
    assert!(unsafe { now.assume_init() } > 1_600_000_000);

    let mut out = MaybeUninit::<usize>::uninit();
    // SAFETY: a live, uninitialized `size_t`.
    let out = unsafe { Out::new(out.as_mut_ptr()) }.unwrap();
    out.set(5);
    // SAFETY: NULL is refused before anything is written.
    assert!(unsafe { Out::<usize>::new(std::ptr::null_mut()) }.is_err());
}

/// A minter for an API key of `key_len` characters.
fn minter(key_len: usize) -> (*mut jwtmint_key, *mut jwtmint_api_minter) {
    let secret = b"a-secret-of-at-least-thirty-two-bytes!";
    let api_key = "k".repeat(key_len);
    let (mut key, mut minter) = (std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: live inputs and out-pointers.
    unsafe {
        assert_eq!(
            jwtmint_key_new(secret.as_ptr(), secret.len(), &mut key),
            JWTMINT_OK
        );
        let rc: jwtmint_result =
            jwtmint_api_minter_new(key, api_key.as_ptr(), api_key.len(), 30, 3600, &mut minter);
        assert_eq!(rc, JWTMINT_OK);
    }
    (key, minter)
}

#[test]
fn the_api_minter_mints_into_uninitialized_memory() {
    // A 22-character API key (the scratch path) and a 500-character one (in place).
    for key_len in [22, 500] {
        let (key, minter) = minter(key_len);
        // SAFETY: `minter` is live.
        let want = unsafe { &(*minter).minter }.mint_at(1_700_000_000).unwrap();
        let mut buf = vec![MaybeUninit::<u8>::uninit(); 1024];
        let mut out_len = MaybeUninit::<usize>::uninit();
        // SAFETY: a live minter, a live buffer of 1024 bytes and a live `usize`; then the bytes
        // the successful call wrote are read, and the handles freed once.
        unsafe {
            let rc = jwtmint_api_minter_mint(
                minter,
                1_700_000_000,
                buf.as_mut_ptr().cast(),
                buf.len(),
                out_len.as_mut_ptr(),
            );
            assert_eq!(rc, JWTMINT_OK);
            let n = out_len.assume_init();
            assert!(n > SCRATCH_LEN || key_len < 100, "{n}");
            let got: Vec<u8> = buf[..=n].iter().map(|b| b.assume_init()).collect();
            assert_eq!(got, [want.as_bytes(), &[0]].concat());
            jwtmint_api_minter_free(minter);
            jwtmint_key_free(key);
        }
    }
}
