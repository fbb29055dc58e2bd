"""The adversarial corpus tests/corpus/*.json: every case gets exactly its expected code,
through verify() and check(), for str and bytes tokens alike."""

import json

import pytest

import jwtmint
from conftest import CORPUS


def _load():
    cases = []
    for path in sorted(CORPUS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            cases.append((doc["secret"], doc["secret_encoding"], case))
    return cases


CASES = _load()
_KEYS = {}


def _verifier(secret, encoding, options):
    key = _KEYS.get((secret, encoding))
    if key is None:
        key = _KEYS[(secret, encoding)] = jwtmint.Key.from_encoded(secret, encoding)
    return jwtmint.Verifier(key, **(options or {}))


def _outcome(call):
    try:
        call()
    except jwtmint.JwtMintError as error:
        return error.code
    return 0


def test_corpus_is_large_and_has_both_verdicts():
    assert len(CASES) >= 200
    expected = {case["expect"] for _, _, case in CASES}
    assert 0 in expected and len(expected) > 20


@pytest.mark.parametrize("secret,encoding,case", CASES, ids=[c["name"] for _, _, c in CASES])
def test_case(secret, encoding, case):
    verifier = _verifier(secret, encoding, case.get("verifier"))
    token, now = case["token"], case["now"]
    for form in (token, token.encode("utf-8", "surrogatepass")):
        assert _outcome(lambda: verifier.verify(form, now=now)) == case["expect"]
        assert _outcome(lambda: verifier.check(form, now=now)) == case["expect"]


@pytest.mark.parametrize(
    "secret,encoding,case",
    [c for c in CASES if c[2]["expect"]],
    ids=[c["name"] for _, _, c in CASES if c["expect"]],
)
def test_rejection_class_matches_the_code(secret, encoding, case):
    verifier = _verifier(secret, encoding, case.get("verifier"))
    with pytest.raises(jwtmint.InvalidToken) as caught:
        verifier.verify(case["token"], now=case["now"])
    error = caught.value
    assert error.code == case["expect"]
    family = {2: jwtmint.Malformed, 3: jwtmint.InvalidHeader, 4: jwtmint.InvalidSignature,
              5: jwtmint.InvalidClaims}[error.code // 100]
    assert isinstance(error, family)
    assert error.name and error.name != "unknown"
    assert error.message and str(error.code) in str(error)
