//! Time as a value: seconds since the Unix epoch (a JWT NumericDate), read from the system
//! clock only where the caller does not pass one in.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

/// The current time from the system clock, in whole seconds since the Unix epoch.
///
/// # Errors
/// [`Error::Clock`] when the clock reads before 1970 or beyond `i64::MAX` seconds.
///
/// ```
/// let now = jwtmint::now()?;
/// assert!(now > 1_700_000_000);
/// # Ok::<(), jwtmint::Error>(())
/// ```
pub fn now() -> Result<i64> {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| Error::Clock)?;
    i64::try_from(since.as_secs()).map_err(|_| Error::Clock)
}

/// `a - b` for a time and a duration in seconds, refusing overflow.
pub(crate) fn sub_secs(a: i64, b: u64) -> Result<i64> {
    i64::try_from(b)
        .ok()
        .and_then(|b| a.checked_sub(b))
        .ok_or(Error::TimeOverflow)
}

/// `a + b` for a time and a duration in seconds, refusing overflow.
pub(crate) fn add_secs(a: i64, b: u64) -> Result<i64> {
    i64::try_from(b)
        .ok()
        .and_then(|b| a.checked_add(b))
        .ok_or(Error::TimeOverflow)
}

/// `(iat, exp)` of a token minted at `now`: `iat = now - skew`, `exp = iat + ttl`. One rule
/// for every minter that backdates `iat`.
///
/// # Errors
/// [`Error::InvalidArgument`] when the skew is not shorter than the lifetime (every token
/// would be born expired); [`Error::TimeOverflow`] when either sum overflows.
pub(crate) fn issue_times(now: i64, skew: u64, ttl: u64) -> Result<(i64, i64)> {
    if skew >= ttl {
        return Err(Error::InvalidArgument {
            name: "skew",
            reason: "must be shorter than the ttl",
        });
    }
    let iat = sub_secs(now, skew)?;
    Ok((iat, add_secs(iat, ttl)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_is_checked() {
        assert_eq!(sub_secs(100, 30), Ok(70));
        assert_eq!(add_secs(100, 30), Ok(130));
        assert_eq!(sub_secs(i64::MIN, 1), Err(Error::TimeOverflow));
        assert_eq!(add_secs(i64::MAX, 1), Err(Error::TimeOverflow));
        assert_eq!(add_secs(0, u64::MAX), Err(Error::TimeOverflow));
        assert_eq!(sub_secs(0, u64::MAX), Err(Error::TimeOverflow));
        assert_eq!(sub_secs(-5, 5), Ok(-10));
    }

    #[test]
    fn clock_reads_a_plausible_time() {
        let t = now().unwrap();
        assert!(t > 1_600_000_000 && t < 10_000_000_000);
    }
}
