//! A shared, refreshing Zoom API JWT for services that call the API often.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use crate::error::{Error, Result};
use crate::time::now;
use crate::zoom::ApiTokenMinter;

/// Seconds before `exp` at which [`ApiTokenCache`] mints a fresh token by default.
pub const DEFAULT_REFRESH_MARGIN: u64 = 60;

#[derive(Clone)]
struct Cached {
    token: Arc<str>,
    iat: i64,
    exp: i64,
}

impl Cached {
    /// Usable at `now`: issued no later than `now` (a clock that went back past the backdating
    /// would make Zoom see it as issued in the future) and more than `margin` before `exp`.
    fn fresh_at(&self, now: i64, margin: u64) -> bool {
        let t = i128::from(now);
        t >= i128::from(self.iat) && t < i128::from(self.exp) - i128::from(margin)
    }
}

/// Hands out the current Zoom API JWT, minting a new one only when the current one is within
/// the refresh margin of its `exp` (default 60 s).
///
/// Thread-safe and cheap: a call that finds a fresh token takes a read lock and clones an
/// `Arc<str>`. When the token is stale, one caller mints while the others that found it stale
/// wait for that token rather than minting their own; callers holding a fresh token are not
/// held up. A panic in another thread while it held a lock (it cannot happen in this code:
/// minting returns errors) would not poison the cache: the cached value is replaced whole, so
/// it is always consistent, and the lock is recovered.
///
/// ```
/// use jwtmint::zoom::{ApiTokenCache, ApiTokenMinter};
/// use jwtmint::Key;
///
/// let key = Key::from_text("my-zoom-api-secret-of-36-characters!")?;
/// let cache = ApiTokenCache::new(ApiTokenMinter::new("my-api-key", key)?)?;
///
/// let a = cache.token_at(1_700_000_000)?;
/// let b = cache.token_at(1_700_001_000)?; // same token: far from exp
/// assert_eq!(a, b);
/// // iat = now - 30, exp = iat + 3600: fresh until 60 s before exp.
/// let c = cache.token_at(1_700_000_000 - 30 + 3600 - 60)?;
/// assert_ne!(a, c);
/// assert_eq!(cache.mint_count(), 2);
/// # Ok::<(), jwtmint::Error>(())
/// ```
pub struct ApiTokenCache {
    minter: ApiTokenMinter,
    margin: u64,
    current: RwLock<Option<Cached>>,
    /// Held by the one caller that mints; the others wait on it, then re-read `current`.
    minting: Mutex<()>,
    mints: AtomicU64,
}

impl fmt::Debug for ApiTokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiTokenCache")
            .field("minter", &self.minter)
            .field("refresh_margin", &self.margin)
            .field("mint_count", &self.mint_count())
            .finish_non_exhaustive()
    }
}

impl ApiTokenCache {
    /// A cache over `minter` with the default refresh margin (60 s).
    ///
    /// # Errors
    /// As [`with_refresh_margin`](Self::with_refresh_margin).
    pub fn new(minter: ApiTokenMinter) -> Result<Self> {
        ApiTokenCache::with_refresh_margin(minter, DEFAULT_REFRESH_MARGIN)
    }

    /// A cache over `minter` that mints a new token once the current one is within
    /// `margin` seconds of its `exp`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `skew + margin < ttl`: a token is minted with
    /// `exp = now - skew + ttl`, so otherwise it would be stale as soon as it is minted and
    /// every call would mint.
    pub fn with_refresh_margin(minter: ApiTokenMinter, margin: u64) -> Result<Self> {
        let usable = u128::from(minter.ttl());
        if u128::from(minter.skew()) + u128::from(margin) >= usable {
            return Err(Error::InvalidArgument {
                name: "refresh margin",
                reason: "skew plus refresh margin must be less than the ttl",
            });
        }
        Ok(ApiTokenCache {
            minter,
            margin,
            current: RwLock::new(None),
            minting: Mutex::new(()),
            mints: AtomicU64::new(0),
        })
    }

    /// The minter.
    #[must_use]
    pub fn minter(&self) -> &ApiTokenMinter {
        &self.minter
    }

    /// The refresh margin, in seconds.
    #[must_use]
    pub fn refresh_margin(&self) -> u64 {
        self.margin
    }

    /// How many tokens this cache has minted (for metrics and tests).
    #[must_use]
    pub fn mint_count(&self) -> u64 {
        self.mints.load(Ordering::Relaxed)
    }

    /// The token to use at `now` (seconds since the epoch), minting one if the current one is
    /// missing or stale.
    ///
    /// # Errors
    /// As [`ApiTokenMinter::mint_at`]; nothing is cached then.
    pub fn token_at(&self, now: i64) -> Result<Arc<str>> {
        if let Some(token) = self.fresh(now) {
            return Ok(token);
        }
        let _one_minter = self.minting.lock().unwrap_or_else(PoisonError::into_inner);
        // Another caller may have minted while this one waited.
        if let Some(token) = self.fresh(now) {
            return Ok(token);
        }
        let (iat, exp) = self.minter.times(now)?;
        let token: Arc<str> = Arc::from(self.minter.mint_at(now)?);
        self.mints.fetch_add(1, Ordering::Relaxed);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(Cached {
            token: Arc::clone(&token),
            iat,
            exp,
        });
        Ok(token)
    }

    /// The token to use now, by the system clock.
    ///
    /// # Errors
    /// [`Error::Clock`] for an unusable clock; otherwise as [`token_at`](Self::token_at).
    pub fn token(&self) -> Result<Arc<str>> {
        self.token_at(now()?)
    }

    /// Forgets the current token, so that the next call mints a new one (for example after
    /// Zoom refused the cached one).
    pub fn clear(&self) {
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = None;
    }

    fn fresh(&self, now: i64) -> Option<Arc<str>> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current
            .as_ref()
            .filter(|c| c.fresh_at(now, self.margin))
            .map(|c| Arc::clone(&c.token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Key;

    fn minter() -> ApiTokenMinter {
        ApiTokenMinter::new(
            "k",
            Key::from_text("0123456789abcdef0123456789abcdef").unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn margin_plus_skew_must_be_below_ttl() {
        // ttl 3600, skew 30: margin 3569 is the largest allowed.
        assert!(ApiTokenCache::with_refresh_margin(minter(), 3569).is_ok());
        for margin in [3570, 3600, u64::MAX] {
            assert!(matches!(
                ApiTokenCache::with_refresh_margin(minter(), margin),
                Err(Error::InvalidArgument {
                    name: "refresh margin",
                    ..
                })
            ));
        }
        let short = minter().with_ttl(90).unwrap();
        assert!(ApiTokenCache::new(short.clone()).is_err()); // 30 + 60 = 90
        assert!(ApiTokenCache::new(short.with_skew(29)).is_ok());
    }

    #[test]
    fn refreshes_exactly_at_the_margin() {
        let cache = ApiTokenCache::new(minter()).unwrap();
        let t0 = 1_000_000;
        let first = cache.token_at(t0).unwrap();
        // exp = t0 - 30 + 3600; stale from exp - 60 on.
        let last_fresh = t0 - 30 + 3600 - 61;
        assert_eq!(cache.token_at(last_fresh).unwrap(), first);
        assert_eq!(cache.mint_count(), 1);
        let second = cache.token_at(last_fresh + 1).unwrap();
        assert_ne!(second, first);
        assert_eq!(cache.mint_count(), 2);
        assert_eq!(&*second, minter().mint_at(last_fresh + 1).unwrap());
    }

    #[test]
    fn a_clock_going_back_past_iat_mints_again() {
        let cache = ApiTokenCache::new(minter()).unwrap();
        let first = cache.token_at(1_000_000).unwrap();
        // iat = 999_970: at 999_970 it is still usable, a second earlier it is not.
        assert_eq!(cache.token_at(999_970).unwrap(), first);
        assert_ne!(cache.token_at(999_969).unwrap(), first);
        assert_eq!(cache.mint_count(), 2);
    }

    #[test]
    fn errors_are_not_cached_and_clear_forces_a_mint() {
        let cache = ApiTokenCache::new(minter()).unwrap();
        assert_eq!(cache.token_at(i64::MIN), Err(Error::TimeOverflow));
        assert_eq!(cache.mint_count(), 0);
        cache.token_at(1_000_000).unwrap();
        cache.clear();
        cache.token_at(1_000_000).unwrap();
        assert_eq!(cache.mint_count(), 2);
    }

    #[test]
    fn a_poisoned_lock_is_recovered() {
        let cache = Arc::new(ApiTokenCache::new(minter()).unwrap());
        let first = cache.token_at(1_000_000).unwrap();
        let c = Arc::clone(&cache);
        let _ = std::thread::spawn(move || {
            let _guard = c.current.write().unwrap();
            panic!("poison the lock");
        })
        .join();
        assert!(cache.current.is_poisoned());
        assert_eq!(cache.token_at(1_000_000).unwrap(), first);
        let c = Arc::clone(&cache);
        let _ = std::thread::spawn(move || {
            let _guard = c.minting.lock().unwrap();
            panic!("poison the other lock");
        })
        .join();
        assert_ne!(cache.token_at(2_000_000).unwrap(), first);
    }

    #[test]
    fn debug_shows_no_secret() {
        let dbg = format!("{:?}", ApiTokenCache::new(minter()).unwrap());
        assert!(!dbg.contains("0123456789abcdef"), "{dbg}");
        assert!(dbg.contains("refresh_margin"), "{dbg}");
    }
}
