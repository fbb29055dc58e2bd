"""The retry on JWTMINT_BUFFER_TOO_SMALL: a first buffer that is too small (or none at all)
is retried once at the size the library reports. The binding's first guesses are large
enough, so this path is driven directly here."""

import ctypes

import pytest

import jwtmint
from jwtmint import _native
from jwtmint._buffers import into_buffer
from conftest import SECRET, reference_token


@pytest.mark.parametrize("capacity", [0, 1, 10, 100])
def test_mint_json_retries_at_the_reported_size(key, capacity):
    payload = b'{"exp":2000000000,"pad":"' + b"x" * 300 + b'"}'
    pointer = key._handle.borrow()
    calls = []

    def call(buffer, cap, out_len):
        calls.append(cap)
        return _native.lib.jwtmint_mint_json(pointer, payload, len(payload), buffer, cap, out_len)

    try:
        token = into_buffer(call, capacity)
    finally:
        key._handle.give_back()
    assert token.decode() == reference_token(SECRET.encode(), payload)
    assert calls == [capacity, len(token) + 1]


def test_a_second_failure_is_raised():
    def call(buffer, cap, out_len):
        out_len._obj.value = cap + 10  # keeps asking for more: the binding gives up
        return _native.BUFFER_TOO_SMALL

    with pytest.raises(jwtmint.InvalidInput) as caught:
        into_buffer(call, 4)
    assert caught.value.code == 108 and caught.value.name == "buffer_too_small"


def test_sizes_the_library_reports_match_what_it_writes(key):
    # (NULL, 0) asks for the length: the same length the binding's result has.
    minter = jwtmint.ApiTokenMinter("my-api-key", key)
    out_len = ctypes.c_size_t()
    code = _native.lib.jwtmint_api_minter_mint(
        minter._handle.borrow(), 1_700_000_000, None, 0, ctypes.byref(out_len))
    minter._handle.give_back()
    assert code == _native.BUFFER_TOO_SMALL
    assert out_len.value == len(minter.mint(now=1_700_000_000)) <= minter.max_token_len
