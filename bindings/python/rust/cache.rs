//! `jwtmint.ApiTokenCache`: the core's `ApiTokenCache`, one token per refresh window.

use jwtmint::zoom::{ApiTokenCache, DEFAULT_REFRESH_MARGIN};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{now_or_clock, type_error, Int};
use crate::errors::Raise;
use crate::minting::PyApiTokenMinter;
use crate::slot::{owner_class, Slot};

/// Hands out the current Zoom API JWT of one minter, minting a new one only when the current
/// one is within ``refresh_margin`` seconds of its ``exp`` (or was issued after the ``now``
/// asked about).
///
/// Thread-safe: when the token is stale, one caller mints while the others wait for its
/// token, so there is one mint per refresh window however many threads ask.
///
/// Args:
///     minter: the :class:`ApiTokenMinter` to mint with. The cache keeps its own copy: the
///         minter may be closed afterwards.
///     refresh_margin: seconds before ``exp`` at which a new token is minted (default 60).
///         The minter's skew plus this margin must be less than its ttl, else
///         :class:`~jwtmint.InvalidArgument`.
///
/// >>> import jwtmint
/// >>> key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
/// >>> cache = jwtmint.ApiTokenCache(jwtmint.ApiTokenMinter("my-api-key", key))
/// >>> cache.token(now=1700000000) == cache.token(now=1700003000)
/// True
/// >>> cache.mint_count
/// 1
#[pyclass(module = "jwtmint", name = "ApiTokenCache", frozen, weakref)]
pub struct PyApiTokenCache {
    slot: Slot<ApiTokenCache>,
    refresh_margin: u64,
}

owner_class!(PyApiTokenCache, "ApiTokenCache", {
    #[new]
    #[pyo3(signature = (minter, *, refresh_margin = Int::Fits(DEFAULT_REFRESH_MARGIN)))]
    fn new(minter: &Bound<'_, PyAny>, refresh_margin: Int<u64>) -> PyResult<Self> {
        let py = minter.py();
        let minter = minter
            .cast::<PyApiTokenMinter>()
            .map_err(|_| type_error("minter", "a jwtmint.ApiTokenMinter", minter))?;
        let margin = refresh_margin.seconds(py, "refresh_margin")?;
        let minter = (*minter.get().slot.get()?).clone();
        let cache = ApiTokenCache::with_refresh_margin(minter, margin).or_raise(py)?;
        Ok(PyApiTokenCache {
            refresh_margin: cache.refresh_margin(),
            slot: Slot::new(cache, "ApiTokenCache"),
        })
    }

    /// The token to use at the time ``now`` (default: the system clock): the cached one
    /// while it is fresh, else a new one, which is cached.
    #[pyo3(signature = (now = None))]
    fn token<'py>(&self, py: Python<'py>, now: Option<Int<i64>>) -> PyResult<Bound<'py, PyString>> {
        let now = now_or_clock(py, now)?;
        let token = self.slot.get()?.token_at(now).or_raise(py)?;
        Ok(PyString::new(py, &token))
    }

    /// Forgets the cached token, so that the next :meth:`token` mints a new one (for example
    /// after Zoom refused the cached one).
    fn clear(&self) -> PyResult<()> {
        self.slot.get()?.clear();
        Ok(())
    }

    /// How many tokens the cache has minted so far.
    #[getter]
    fn mint_count(&self) -> PyResult<u64> {
        Ok(self.slot.get()?.mint_count())
    }

    /// Seconds before ``exp`` at which a new token is minted.
    #[getter]
    fn refresh_margin(&self) -> u64 {
        self.refresh_margin
    }

    fn __repr__(&self) -> String {
        self.slot
            .repr(&format!("refresh_margin={}", self.refresh_margin))
    }
});
