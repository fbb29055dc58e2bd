"""The examples in the docstrings of everything jwtmint exports run as written. The classes'
and functions' docstrings live in the extension module's Rust sources, which pytest's
--doctest-modules does not collect for functions; this runs each one."""

import doctest

import pytest

import jwtmint

FINDER = doctest.DocTestFinder(exclude_empty=True)
PUBLIC = [getattr(jwtmint, name) for name in jwtmint.__all__ if callable(getattr(jwtmint, name))]
EXAMPLES = [test for obj in PUBLIC for test in FINDER.find(obj, module=False) if test.examples]


def test_the_native_docstrings_have_examples():
    names = {test.name for test in EXAMPLES}
    for expected in ("mint", "mint_api_token", "mint_videosdk_token", "mint_meetingsdk_token",
                     "videosdk_tpc_notes", "Key", "ApiTokenMinter", "Verifier", "WebhookVerifier"):
        assert expected in names, names


@pytest.mark.parametrize("test", EXAMPLES, ids=[test.name for test in EXAMPLES])
def test_docstring_examples(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
