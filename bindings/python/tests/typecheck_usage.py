"""Checked by mypy --strict in scripts/suites/python.sh (not a pytest module): every public
call's result has the type the stub promises, so a wrong return type in _native.pyi fails."""

from typing import Any, Dict, List, Tuple

import jwtmint
from jwtmint import _native


def usage() -> None:
    key: jwtmint.Key = jwtmint.Key("my-zoom-api-secret-of-36-characters!")
    other: jwtmint.Key = jwtmint.Key.from_encoded("00" * 32, "hex")
    minter: jwtmint.ApiTokenMinter = jwtmint.ApiTokenMinter("k", key, skew=30, ttl=3600)
    token: str = minter.mint(now=1_700_000_000)
    settings: Tuple[str, int, int, int] = (minter.api_key, minter.skew, minter.ttl, minter.max_token_len)
    cache: jwtmint.ApiTokenCache = jwtmint.ApiTokenCache(minter, refresh_margin=60)
    cached: str = cache.token()
    # These return None: mypy refuses to assign the result (an unused ignore would fail).
    cleared: None = cache.clear()  # type: ignore[func-returns-value]
    counts: Tuple[int, int] = (cache.mint_count, cache.refresh_margin)
    one: str = jwtmint.mint_api_token("k", "my-zoom-api-secret-of-36-characters!")
    any_claims: str = jwtmint.mint(key, {"exp": 1})
    verifier: jwtmint.Verifier = jwtmint.Verifier(key, leeway=0, issuer="k", required=["exp"])
    zoom: jwtmint.Verifier = jwtmint.Verifier.zoom_api(key, "k")
    claims: Dict[str, Any] = zoom.verify(token)
    checked: None = verifier.check(token.encode())  # type: ignore[func-returns-value]
    sdk: str = jwtmint.mint_videosdk_token(key, "k", "s", "host", geo_regions=["US"])
    notes: int = jwtmint.videosdk_tpc_notes("s")
    sdk_claims: Dict[str, Any] = jwtmint.VideoSdkVerifier(key, "k").verify(sdk)
    meeting: str = jwtmint.mint_meetingsdk_token(key, "k", mn="1", role=0)
    meeting_claims: Dict[str, Any] = jwtmint.MeetingSdkVerifier(key, "k").verify(meeting)
    webhook: jwtmint.WebhookVerifier = jwtmint.WebhookVerifier(b"secret", tolerance=300)
    signature: str = webhook.sign(1, b"{}")
    stamp: int = webhook.verify(1, b"{}", signature)
    answer: Dict[str, str] = webhook.url_validation("1", b"{}", signature)
    tolerance: int = webhook.tolerance
    with jwtmint.Key(b"0" * 32) as scoped:
        same: jwtmint.Key = scoped
    closed: bool = key.closed
    key.close()
    codes: List[Tuple[int, str, str]] = _native.codes()
    version: str = jwtmint.library_version() + jwtmint.__version__
    error: jwtmint.JwtMintError = jwtmint.errors.from_code(500)
    print(other, settings, cached, cleared, counts, one, any_claims, claims, checked, notes,
          sdk_claims, meeting_claims, stamp, answer, tolerance, same, closed, codes, version,
          error)
