//! The C ABI's cost over the Rust calls it wraps: mint and verify through the exported
//! functions of libjwtmint, next to the same Rust calls, in one run.
//!
//! `jwtmint-ffi` is built only as a cdylib and a staticlib (its rlib would collide with the
//! core's, see `ffi/Cargo.toml`), so this bench loads the shared library a C program would
//! link, `libjwtmint.so`, and calls its `extern "C"` functions through the addresses the
//! dynamic loader gives: the same indirect call a C caller makes through its PLT.
//!
//! The library is looked for at `$JWTMINT_FFI_LIB`, else next to the target directory's
//! profile folder this bench runs from (`benches/report` builds it first:
//! `cargo build --release -p jwtmint-ffi`).
//!
//! Ids: `ffi/mint_rust`, `ffi/mint_c`, `ffi/verify_rust`, `ffi/verify_c`.

use std::ffi::c_void;
use std::hint::black_box;
use std::path::PathBuf;
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use jwtmint::{zoom::ApiTokenMinter, Verifier};
use jwtmint_bench::{key, now, zoom_token, API_KEY, SECRET};

type Result = u32;
const OK: Result = 0;
type KeyNew = unsafe extern "C" fn(*const u8, usize, *mut *mut c_void) -> Result;
type Free = unsafe extern "C" fn(*mut c_void);
type MinterNew =
    unsafe extern "C" fn(*const c_void, *const u8, usize, u64, u64, *mut *mut c_void) -> Result;
type MinterMint = unsafe extern "C" fn(*const c_void, i64, *mut u8, usize, *mut usize) -> Result;
type VerifierNew =
    unsafe extern "C" fn(*const c_void, *const u8, usize, *mut *mut c_void) -> Result;
type VerifierVerify = unsafe extern "C" fn(
    *const c_void,
    *const u8,
    usize,
    i64,
    *mut u8,
    usize,
    *mut usize,
) -> Result;

/// The exported functions this bench calls, resolved once.
struct Abi {
    // Keeps the library loaded for as long as the function pointers below are used.
    _lib: libloading::Library,
    key_new: KeyNew,
    key_free: Free,
    minter_new: MinterNew,
    minter_mint: MinterMint,
    minter_free: Free,
    verifier_new: VerifierNew,
    verifier_verify: VerifierVerify,
    verifier_free: Free,
}

fn library_path() -> PathBuf {
    if let Some(path) = std::env::var_os("JWTMINT_FFI_LIB") {
        return PathBuf::from(path);
    }
    // This bench runs as target/<profile>/deps/ffi-<hash>; the cdylib is target/<profile>/.
    let exe = std::env::current_exe().expect("the bench's own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps/");
    profile_dir.join(libloading::library_filename("jwtmint"))
}

impl Abi {
    /// The library's functions; `None` (said on standard error) when the library is not built
    /// and this is `cargo test` running the benches once: a plain `cargo test --workspace`
    /// builds no cdylib. A benchmark run without it fails.
    fn load() -> Option<Abi> {
        let path = library_path();
        if !path.exists() {
            let hint = format!(
                "{} not found: build the C ABI first (`cargo build --release -p jwtmint-ffi`, \
                 or run `benches/report`), or point JWTMINT_FFI_LIB at it",
                path.display()
            );
            assert!(!std::env::args().any(|a| a == "--bench"), "{hint}");
            eprintln!("SKIPPED the C ABI benches: {hint}");
            return None;
        }
        // SAFETY: libjwtmint's initialisers are Rust's standard ones; loading it runs nothing
        // else.
        let lib = unsafe { libloading::Library::new(&path) }.expect("libjwtmint loads");
        macro_rules! sym {
            ($name:literal) => {
                // SAFETY: the symbol is the function of that name in include/jwtmint.h, and
                // its type alias above spells that declaration's parameters and result.
                *unsafe { lib.get(concat!($name, "\0").as_bytes()) }
                    .unwrap_or_else(|e| panic!("{}: {e}", $name))
            };
        }
        Some(Abi {
            key_new: sym!("jwtmint_key_new"),
            key_free: sym!("jwtmint_key_free"),
            minter_new: sym!("jwtmint_api_minter_new"),
            minter_mint: sym!("jwtmint_api_minter_mint"),
            minter_free: sym!("jwtmint_api_minter_free"),
            verifier_new: sym!("jwtmint_verifier_new_zoom_api"),
            verifier_verify: sym!("jwtmint_verifier_verify"),
            verifier_free: sym!("jwtmint_verifier_free"),
            _lib: lib,
        })
    }
}

fn ffi(c: &mut Criterion) {
    let Some(abi) = Abi::load() else {
        return;
    };
    let now = now();
    let token = zoom_token();

    let mut c_key = ptr::null_mut();
    let mut c_minter = ptr::null_mut();
    let mut c_verifier = ptr::null_mut();
    // SAFETY: every pointer passed is to a live local or to the bytes of a live &str with its
    // length; the handles come from the matching *_new just before use.
    unsafe {
        assert_eq!((abi.key_new)(SECRET.as_ptr(), SECRET.len(), &mut c_key), OK);
        assert_eq!(
            (abi.minter_new)(
                c_key,
                API_KEY.as_ptr(),
                API_KEY.len(),
                30,
                3600,
                &mut c_minter
            ),
            OK
        );
        assert_eq!(
            (abi.verifier_new)(c_key, API_KEY.as_ptr(), API_KEY.len(), &mut c_verifier),
            OK
        );
    }

    let minter = ApiTokenMinter::new(API_KEY, key()).expect("minter");
    let verifier = Verifier::zoom_api(key(), API_KEY);
    let mut buf = [0u8; 1024];
    let mut len = 0usize;

    // Both doors give the same token and the same verified payload.
    let n = minter.mint_into(now, &mut buf).expect("mint");
    let rust_token = buf[..n].to_vec();
    // SAFETY: `c_minter` is live; `buf` is writable for its length; `len` is a live local.
    let rc = unsafe { (abi.minter_mint)(c_minter, now, buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!((rc, &buf[..len]), (OK, &rust_token[..]));
    let payload = verifier.verify_payload_at(&token, now).expect("valid");
    // SAFETY: as above, with `token` readable for its length.
    let rc = unsafe {
        (abi.verifier_verify)(
            c_verifier,
            token.as_ptr(),
            token.len(),
            now,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!((rc, &buf[..len]), (OK, &payload[..]));

    let mut g = c.benchmark_group("ffi");
    // Many short samples of equal length: on a shared machine most of them run undisturbed,
    // so the median is the undisturbed time (see docs/PERFORMANCE.md).
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("mint_rust", |b| {
        b.iter(|| {
            minter
                .mint_into(black_box(now), black_box(&mut buf))
                .expect("mint")
        });
    });
    g.bench_function("mint_c", |b| {
        b.iter(|| {
            // SAFETY: `c_minter` is live until freed below; `buf` and `len` are live locals.
            let rc = unsafe {
                (abi.minter_mint)(
                    black_box(c_minter),
                    black_box(now),
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut len,
                )
            };
            assert_eq!(rc, OK);
            len
        });
    });
    // What the C function does: verify, then hand over the payload JSON.
    g.bench_function("verify_rust", |b| {
        b.iter(|| {
            verifier
                .verify_payload_at(black_box(&token), now)
                .expect("valid")
        });
    });
    g.bench_function("verify_c", |b| {
        b.iter(|| {
            // SAFETY: `c_verifier` is live until freed below; `token` is readable for its
            // length; `buf` and `len` are live locals.
            let rc = unsafe {
                (abi.verifier_verify)(
                    black_box(c_verifier),
                    black_box(token.as_ptr()),
                    token.len(),
                    now,
                    buf.as_mut_ptr(),
                    buf.len(),
                    &mut len,
                )
            };
            assert_eq!(rc, OK);
            len
        });
    });
    g.finish();

    // SAFETY: each handle came from its *_new above and is freed once, after its last use.
    unsafe {
        (abi.verifier_free)(c_verifier);
        (abi.minter_free)(c_minter);
        (abi.key_free)(c_key);
    }
}

criterion_group!(benches, ffi);
criterion_main!(benches);
