#!/usr/bin/env python3
"""Generates jwtmint's adversarial corpus: tests/corpus/*.json.

Independent of jwtmint: every token is built here with Python's standard library (json,
base64, hmac, hashlib; the helpers are in corpus_tokens.py), and every expected code is stated
by hand from the verification rules (the numbered checks of `Verifier`'s documentation, listed
in SECURITY.md), never taken from jwtmint's output. Hostile tokens are correctly signed with the
corpus secret unless the attack is on the signature itself, so a rejection proves the rule, not
the MAC, stopped them.

Run `python3 tests/corpus/generate.py` after changing a case; the output is deterministic.
The format is described in tests/corpus/README.md.
"""
import base64
import hashlib
import hmac
import json

from corpus_tokens import (ALG_ONLY, GOOD, GOOD_BODY, GOOD_HEAD, GOOD_SIG, HEADER, ISS, KEY,
                           NO_REQUIRED, NOW, OUT, SECRET, ZOOM, b64, b64_padded, b64_std, case,
                           first_with, good_payload, obj, sign, sign_text)


# ---- 1. length ---------------------------------------------------------------------------

def length_cases():
    filler_len = first_with(
        lambda n: len(sign(HEADER, good_payload(pad="x" * n))) == 8192, lambda n: n)
    at_limit = sign(HEADER, good_payload(pad="x" * filler_len))
    over_limit = sign(HEADER, good_payload(pad="x" * (filler_len + 3)))
    return [
        case("accepted_baseline", "A well-formed token, correctly signed, within its lifetime.",
             GOOD, 0),
        case("accepted_zoom_profile", "The baseline under the Zoom API profile (iss, iat, exp "
             "required; iss must match).", GOOD, 0, ZOOM),
        case("too_long_junk", "8193 bytes that are not even base64: the length limit (8192) is "
             "checked before any decoding.", "!" * 8193, 200),
        case("exactly_at_limit", "A valid token of exactly 8192 bytes is accepted.", at_limit, 0),
        case("one_block_over_limit", "A valid, correctly signed token over 8192 bytes.",
             over_limit, 200),
        case("custom_limit_rejects", "The baseline under a verifier limited to one byte less "
             "than its length.", GOOD, 200, {"max_len": len(GOOD) - 1}),
        case("custom_limit_accepts", "The baseline under a limit of exactly its length.",
             GOOD, 0, {"max_len": len(GOOD)}),
    ]


# ---- 2. segments and base64url ---------------------------------------------------------------

def segment_cases():
    refs_b64 = ["RFC 7515 section 2", "RFC 4648 sections 3.3 and 3.5"]
    kid_header = b'{"alg":"HS256","kid":"a"}'  # 25 bytes: its base64 needs padding
    padded_head = sign_text(b64_padded(kid_header), b64(good_payload()))
    pad_payload = first_with(lambda p: len(p) % 3 != 0, lambda n: good_payload(n="x" * n))
    padded_body = sign_text(GOOD_HEAD, b64_padded(pad_payload))
    std_payload = first_with(lambda p: b64(p) != b64_std(p),
                             lambda n: good_payload(v="~?>" * (n + 1)))
    std_body = sign_text(GOOD_HEAD, b64_std(std_payload))
    std_sig_token = first_with(lambda t: "-" in t.split(".")[2] or "_" in t.split(".")[2],
                               lambda n: sign(HEADER, good_payload(n=n)))
    h, p, s = std_sig_token.split(".")
    std_sig = f"{h}.{p}.{s.replace('-', '+').replace('_', '/')}"
    # Non-canonical: set an unused low bit of the last character. The decoded bytes stay the
    # same, so a lax decoder sees the same token spelled differently.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    def bump(text):
        return text[:-1] + alphabet[alphabet.index(text[-1]) | 1]
    noncanon_sig = f"{GOOD_HEAD}.{GOOD_BODY}.{bump(GOOD_SIG)}"
    nc_payload = first_with(lambda p: len(p) % 3 != 0 and alphabet.index(b64(p)[-1]) & 1 == 0,
                            lambda n: good_payload(n="y" * n))
    noncanon_body = sign_text(GOOD_HEAD, bump(b64(nc_payload)))
    extra_char_body = sign_text(GOOD_HEAD, b64(good_payload()) + "A" * (
        (1 - len(b64(good_payload()))) % 4 or 4))
    assert len(extra_char_body.split(".")[1]) % 4 == 1
    none_header = b64(b'{"alg":"none"}')
    return [
        case("two_segments", "header.payload with no signature segment at all.",
             f"{GOOD_HEAD}.{GOOD_BODY}", 201),
        case("one_segment", "No dot at all.", GOOD_HEAD, 201),
        case("empty_token", "The empty string.", "", 201),
        case("four_segments", "A valid token with a fourth segment appended.",
             GOOD + ".x", 201),
        case("trailing_dot", "A valid token followed by a dot: four segments, the last empty.",
             GOOD + ".", 201),
        case("jwe_five_segments", "The five-segment JWE compact form.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{GOOD_SIG}.{GOOD_BODY}.{GOOD_SIG}", 201),
        case("only_dots", "Three dots.", "...", 201),
        case("json_serialization", "The JWS JSON serialization instead of the compact one.",
             json.dumps({"payload": GOOD_BODY, "protected": GOOD_HEAD,
                         "signature": GOOD_SIG}), 201),
        case("alg_none_empty_signature", "The classic unsigned token: alg none and an empty "
             "signature segment.", f"{none_header}.{GOOD_BODY}.", 202,
             refs=["CVE-2015-9235", "CVE-2022-23540", "RFC 8725 section 3.1"]),
        case("empty_signature_hs256", "A real header and payload with the signature removed.",
             f"{GOOD_HEAD}.{GOOD_BODY}.", 202),
        case("empty_header", "The header segment is empty.", f".{GOOD_BODY}.{GOOD_SIG}", 202),
        case("empty_payload", "The payload segment is empty.", f"{GOOD_HEAD}..{GOOD_SIG}", 202),
        case("two_dots", "Three empty segments.", "..", 202),
        case("padded_header", "The header in padded base64url, re-signed over the padded text.",
             padded_head, 203, refs=refs_b64),
        case("padded_payload", "The payload in padded base64url, re-signed over the padded text.",
             padded_body, 203, refs=refs_b64),
        case("padded_signature", "A valid token with '=' appended to its signature.",
             GOOD + "=", 203, refs=refs_b64),
        case("standard_alphabet_payload", "The payload in the standard base64 alphabet (+ and /),"
             " re-signed over that text.", std_body, 203, refs=refs_b64),
        case("standard_alphabet_signature", "The signature spelled in the standard alphabet.",
             std_sig, 203, refs=refs_b64),
        case("noncanonical_signature_bits", "The last signature character with an unused low "
             "bit set: same bytes for a lax decoder, a second spelling of the token.",
             noncanon_sig, 203, refs=refs_b64),
        case("noncanonical_payload_bits", "The payload's last character with an unused low bit "
             "set, re-signed over that text.", noncanon_body, 203, refs=refs_b64),
        case("payload_length_1_mod_4", "A payload segment whose length leaves one character "
             "over, re-signed.", extra_char_body, 203),
        case("leading_space", "A valid token with a leading space.", " " + GOOD, 203),
        case("trailing_newline", "A valid token with a trailing newline.", GOOD + "\n", 203),
        case("trailing_crlf", "A valid token with a trailing CRLF.", GOOD + "\r\n", 203),
        case("space_in_payload", "A space inside the payload segment, re-signed over that text.",
             sign_text(GOOD_HEAD, GOOD_BODY[:10] + " " + GOOD_BODY[10:]), 203),
        case("tab_in_signature", "A tab inside the signature.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{GOOD_SIG[:5]}\t{GOOD_SIG[5:]}", 203),
        case("backslash_in_signature", "A backslash inserted into the signature (jsrsasign "
             "accepted such characters).", f"{GOOD_HEAD}.{GOOD_BODY}.{GOOD_SIG[:7]}\\"
             f"{GOOD_SIG[7:]}", 203, refs=["CVE-2022-25898"]),
        case("backslash_in_payload", "A backslash inserted into the payload, re-signed.",
             sign_text(GOOD_HEAD, GOOD_BODY[:7] + "\\" + GOOD_BODY[7:]), 203,
             refs=["CVE-2022-25898"]),
        case("percent_encoded_signature", "The signature with '-' or '_' percent-encoded.",
             f"{h}.{p}.{s.replace('-', '%2D').replace('_', '%5F')}", 203),
        case("non_ascii_in_payload", "A non-ASCII character inside the payload segment, "
             "re-signed over the UTF-8 text.",
             sign_text(GOOD_HEAD, f"{GOOD_BODY[:4]}é{GOOD_BODY[4:]}"), 203),
        case("non_ascii_unsigned", "A non-ASCII character inside the payload segment under the "
             "original signature: the MAC is checked first.",
             f"{GOOD_HEAD}.{GOOD_BODY[:4]}é{GOOD_BODY[4:]}.{GOOD_SIG}", 400),
        case("header_not_base64", "A header segment with characters outside base64url.",
             f"e*J!.{GOOD_BODY}.{GOOD_SIG}", 203),
    ]


# ---- 3. header -------------------------------------------------------------------------------

def header_cases():
    payload = good_payload()

    def with_header(raw: bytes):
        return sign(raw, payload)

    attacker = b"attacker-chosen-secret-of-at-least-32-bytes"
    jwk_header = obj(alg="HS256", jwk={"kty": "oct", "k": b64(attacker)})
    confusion = b"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"
    key_confusion_refs = ["CVE-2015-9235", "CVE-2016-10555", "RFC 8725 section 3.1"]
    cases = []
    for alg in ["none", "None", "NONE", "nOnE"]:
        cases.append(case(f"alg_{alg}_signed", f'alg "{alg}", yet correctly HS256-signed.',
                          with_header(obj(alg=alg, typ="JWT")), 301,
                          refs=["CVE-2015-9235", "CVE-2022-23540", "RFC 8725 section 3.1"]))
    for alg in ["HS384", "HS512", "RS256", "ES256", "PS256", "EdDSA"]:
        cases.append(case(f"alg_{alg}", f'alg "{alg}", HS256-signed with the verifier\'s own '
                          "secret: the key decides the algorithm, never the header.",
                          with_header(obj(alg=alg, typ="JWT")), 301, refs=key_confusion_refs))
    cases += [
        case("alg_rs256_signed_with_public_key", "The RS256/HS256 key confusion: alg RS256, "
             "HMAC-signed with a public key's PEM text as the secret.",
             sign(obj(alg="RS256"), payload, confusion), 301, refs=key_confusion_refs),
        case("hs256_signed_with_public_key", "alg HS256, HMAC-signed with a public key's PEM "
             "text: the MAC is checked under the verifier's key.",
             sign(HEADER, payload, confusion), 400, refs=key_confusion_refs),
        case("alg_missing", "A header without alg.", with_header(b'{"typ":"JWT"}'), 300),
        case("header_empty_object", "The header {}.", with_header(b"{}"), 300),
        case("alg_lowercase", 'alg "hs256".', with_header(b'{"alg":"hs256"}'), 301),
        case("alg_trailing_space", 'alg "HS256 ".', with_header(b'{"alg":"HS256 "}'), 301),
        case("alg_leading_space", 'alg " HS256".', with_header(b'{"alg":" HS256"}'), 301),
        case("alg_with_nul", 'alg "HS256\\u0000": a C string compare would stop at the NUL.',
             with_header(b'{"alg":"HS256\\u0000"}'), 301),
        case("alg_null", "alg null.", with_header(b'{"alg":null}'), 301),
        case("alg_number", "alg 256.", with_header(b'{"alg":256}'), 301),
        case("alg_array", 'alg ["HS256"].', with_header(b'{"alg":["HS256"]}'), 301),
        case("alg_object", 'alg {"name":"HS256"}.', with_header(b'{"alg":{"name":"HS256"}}'), 301),
        case("alg_true", "alg true.", with_header(b'{"alg":true}'), 301),
        case("alg_escaped_value", 'alg "HS\\u00325\\u0036", which is the JSON string "HS256": '
             "accepted, as JSON says it is that string.",
             with_header(b'{"alg":"HS\\u00325\\u0036"}'), 0),
        case("alg_escaped_name_none", 'A member named "\\u0061lg" (that is, alg) set to none.',
             with_header(b'{"\\u0061lg":"none"}'), 301),
        case("duplicate_alg_same", "alg named twice, both HS256: duplicate names are refused.",
             with_header(b'{"alg":"HS256","alg":"HS256"}'), 206, refs=["RFC 7515 section 4"]),
        case("duplicate_alg_none_first", "alg none, then alg HS256 (a last-wins parser sees HS256)"
             ": the first alg is already refused.",
             with_header(b'{"alg":"none","alg":"HS256"}'), 301, refs=["RFC 7515 section 4"]),
        case("duplicate_alg_none_last", "alg HS256, then alg none (a first-wins parser sees "
             "HS256).", with_header(b'{"alg":"HS256","alg":"none"}'), 206,
             refs=["RFC 7515 section 4"]),
        case("duplicate_alg_via_escape", 'alg, then "\\u0061lg": the same name after unescaping.',
             with_header(b'{"alg":"HS256","\\u0061lg":"none"}'), 206),
        case("crit_present", "crit names an extension jwtmint does not understand.",
             with_header(b'{"alg":"HS256","crit":["exp"],"exp":1}'), 303,
             refs=["RFC 7515 section 4.1.11"]),
        case("crit_empty", "crit as an empty list (itself forbidden by RFC 7515).",
             with_header(b'{"alg":"HS256","crit":[]}'), 303),
        case("cty_jwt", "A nested JWT (cty JWT) is not supported.",
             with_header(b'{"alg":"HS256","cty":"JWT"}'), 304, refs=["RFC 7519 section 5.2"]),
        case("b64_false", "The unencoded-payload option of RFC 7797.",
             with_header(b'{"alg":"HS256","b64":false,"crit":["b64"]}'), 304),
        case("typ_jws", 'typ "JWS".', with_header(b'{"alg":"HS256","typ":"JWS"}'), 302,
             refs=["RFC 8725 section 3.11"]),
        case("typ_at_jwt", 'typ "at+jwt": another kind of token.',
             with_header(b'{"alg":"HS256","typ":"at+jwt"}'), 302, refs=["RFC 8725 section 3.11"]),
        case("typ_number", "typ 1.", with_header(b'{"alg":"HS256","typ":1}'), 302),
        case("typ_null", "typ null.", with_header(b'{"alg":"HS256","typ":null}'), 302),
        case("typ_lowercase", 'typ "jwt": media types are case-insensitive.',
             with_header(b'{"alg":"HS256","typ":"jwt"}'), 0),
        case("typ_application_jwt", 'typ "application/jwt".',
             with_header(b'{"alg":"HS256","typ":"application/jwt"}'), 0),
        case("no_typ", "typ is optional.", with_header(b'{"alg":"HS256"}'), 0),
        case("embedded_jwk_ignored", "An embedded jwk and jku cannot choose the key: the MAC is "
             "under the verifier's key, and the token is accepted.",
             with_header(b'{"alg":"HS256","jwk":{"kty":"oct","k":"YXR0YWNrZXI"},'
                         b'"jku":"https://attacker.invalid/keys"}'), 0),
        case("embedded_jwk_attacker_signed", "A header embedding the attacker's own key, signed "
             "with that key.", sign(jwk_header, payload, attacker), 400,
             refs=["CVE-2018-0114", "RFC 8725 section 3.10"]),
        case("kid_path_traversal_empty_key", 'kid "../../../../dev/null", signed with the empty '
             "key a file lookup would produce.",
             sign(b'{"alg":"HS256","kid":"../../../../dev/null"}', payload, b""), 400),
        case("kid_sql_injection", "A kid with SQL in it is just a string: ignored.",
             with_header(b'{"alg":"HS256","kid":"x\' UNION SELECT \'key"}'), 0,
             refs=["RFC 8725 section 3.10"]),
        case("header_array", "The header is a JSON array.", with_header(b'["HS256"]'), 205),
        case("header_string", "The header is a JSON string.", with_header(b'"HS256"'), 205),
        case("header_number", "The header is a JSON number.", with_header(b"1"), 205),
        case("header_null", "The header is JSON null.", with_header(b"null"), 205),
        case("header_not_json", "The header is not JSON.", with_header(b"alg=HS256"), 204),
        case("header_truncated_json", "The header JSON is cut short.",
             with_header(b'{"alg":"HS256"'), 204),
        case("header_trailing_garbage", "Valid JSON followed by more text.",
             with_header(b'{"alg":"HS256"}x'), 204),
        case("header_two_objects", "Two JSON objects in a row.",
             with_header(b'{"alg":"HS256"}{"alg":"none"}'), 204),
        case("header_trailing_whitespace", "Trailing whitespace is part of valid JSON.",
             with_header(b'{"alg":"HS256"} \n'), 0),
        case("header_bom", "A UTF-8 byte order mark before the JSON.",
             with_header(b'\xef\xbb\xbf{"alg":"HS256"}'), 204),
        case("header_latin1", "A Latin-1 (not UTF-8) byte inside a string.",
             with_header(b'{"alg":"HS256","x":"\xe9"}'), 204),
        case("header_lone_surrogate", "An escaped lone surrogate, which is not a Unicode "
             "character.", with_header(b'{"alg":"HS256","x":"\\ud800"}'), 204),
        case("header_single_quotes", "JavaScript-style single quotes.",
             with_header(b"{'alg':'HS256'}"), 204),
        case("header_comment", "A comment inside the JSON.",
             with_header(b'{"alg":"HS256"/* x */}'), 204),
        case("header_nested_duplicate", "A duplicate name inside a nested header object.",
             with_header(b'{"alg":"HS256","x":{"a":1,"a":2}}'), 206),
        case("header_deeply_nested", "2000 nested arrays in a header member.",
             with_header(b'{"alg":"HS256","x":' + b"[" * 2000 + b"]" * 2000 + b"}"), 204),
    ]
    return cases


# ---- 4. signature ----------------------------------------------------------------------------

def signature_cases():
    flip_first = GOOD_SIG[0].swapcase() if GOOD_SIG[0].isalpha() else "A"
    other = sign(HEADER, good_payload(sub="someone-else"))
    return [
        case("wrong_secret", "Signed with another secret of the same length.",
             sign(HEADER, good_payload(), b"jwtmint-adversarial-corpus-secret-0123456788"), 400),
        case("empty_secret", "Signed with the empty key.", sign(HEADER, good_payload(), b""),
             400),
        case("secret_prefix", "Signed with the secret minus its last byte.",
             sign(HEADER, good_payload(), KEY[:-1]), 400),
        case("secret_suffix_zero_is_the_same_key", "Signed with the secret plus a zero byte: "
             "HMAC (RFC 2104) pads keys shorter than a block with zeros, so the two secrets are "
             "the same key and the token is accepted. Inherent to HMAC; see SECURITY.md.",
             sign(HEADER, good_payload(), KEY + b"\x00"), 0),
        case("signature_of_another_token", "The signature of another valid token.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{other.split('.')[2]}", 400),
        case("first_character_changed", "The first signature character changed.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{flip_first}{GOOD_SIG[1:]}", 400),
        case("all_zero_signature", "43 'A's: an all-zero MAC.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{'A' * 43}", 400),
        case("truncated_signature", "The signature without its last character: 31 bytes.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{GOOD_SIG[:-1]}", 400),
        case("half_signature", "The first 16 bytes of the MAC (a truncated-MAC attack).",
             f"{GOOD_HEAD}.{GOOD_BODY}.{GOOD_SIG[:22]}", 400),
        case("one_byte_signature", "A one-byte signature: a prefix compare would accept it.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{b64(bytes([0]))}",
             400),
        case("extended_signature", "The MAC followed by one more byte (33 bytes).",
             f"{GOOD_HEAD}.{GOOD_BODY}.{b64(base64.urlsafe_b64decode(GOOD_SIG + '=') + b'x')}",
             400),
        case("hs512_sized_signature", "A 64-byte signature, the size of HS512.",
             f"{GOOD_HEAD}.{GOOD_BODY}.{b64(bytes(64))}", 400),
        case("hex_signature", "The MAC in hex instead of base64url.",
             f"{GOOD_HEAD}.{GOOD_BODY}."
             f"{hmac.new(KEY, f'{GOOD_HEAD}.{GOOD_BODY}'.encode(), hashlib.sha256).hexdigest()}",
             400),
        case("mac_before_payload", "A payload that is not JSON, under a wrong MAC: the MAC is "
             "checked before the payload is read.",
             f"{GOOD_HEAD}.{b64(b'not json')}.{GOOD_SIG}", 400, refs=["RFC 7515 section 5.2"]),
        case("mac_before_claims", "An expired token under a wrong MAC: the MAC is reported, not "
             "the expiry.", f"{GOOD_HEAD}.{b64(good_payload(exp=1))}.{GOOD_SIG}", 400),
        case("payload_swapped", "The baseline's signature over another payload.",
             f"{GOOD_HEAD}.{b64(good_payload(iss='admin'))}.{GOOD_SIG}", 400),
        case("header_swapped", "The baseline's signature under another (valid) header.",
             f"{b64(ALG_ONLY)}.{GOOD_BODY}.{GOOD_SIG}", 400),
    ]


# ---- 5. payload ------------------------------------------------------------------------------

def payload_cases():
    def p(raw: bytes, expect, description, name, verifier=None, refs=None):
        return case(name, description, sign(HEADER, raw), expect, verifier, refs=refs)

    exp = NOW + 3600
    confusion = ["CVE-2026-25537", "GHSA-h395-gr6q-cpjc"]
    return [
        p(b"[1,2]", 205, "The payload is a JSON array.", "payload_array"),
        p(b'"claims"', 205, "The payload is a JSON string.", "payload_string"),
        p(b"42", 205, "The payload is a number.", "payload_number"),
        p(b"null", 205, "The payload is null.", "payload_null"),
        p(b"true", 205, "The payload is true.", "payload_true"),
        p(b"not json", 204, "The payload is not JSON.", "payload_not_json"),
        p(b'{"exp":%d' % exp, 204, "The payload JSON is cut short.", "payload_truncated"),
        p(b'{"exp":%d}x' % exp, 204, "Trailing text after the object.", "payload_trailing_garbage"),
        p(b'{"exp":%d}\r\n' % exp, 0, "Trailing whitespace is valid JSON.",
          "payload_trailing_whitespace"),
        p(b'\xef\xbb\xbf{"exp":%d}' % exp, 204, "A UTF-8 byte order mark.", "payload_bom"),
        p(b'{"exp":%d,"name":"\xe9"}' % exp, 204, "A Latin-1 byte in a string.",
          "payload_latin1"),
        p(b'{"exp":%d,"name":"\\udc00"}' % exp, 204, "An escaped lone surrogate.",
          "payload_lone_surrogate"),
        p(b'{"exp":%d,"name":"a\x01b"}' % exp, 204, "A raw control character in a string.",
          "payload_raw_control_character"),
        p('{"exp":%d,"name":"\\u0000 \\ud83d\\ude00 é"}'.encode() % exp, 0,
          "An escaped NUL, a surrogate pair and UTF-8 text are all valid.",
          "payload_unicode_ok"),
        p(b"{}", 503, "An empty claims set: exp is required by default.", "payload_empty_object"),
        p(b"{}", 0, "An empty claims set when nothing is required.",
          "payload_empty_object_nothing_required", NO_REQUIRED),
        p(b'{"exp":%d,"exp":%d}' % (exp, exp), 206, "exp named twice.", "duplicate_exp",
          refs=["RFC 7519 section 4"]),
        p(b'{"exp":%d,"e\\u0078p":1}' % exp, 206, "exp, then exp spelled with an escape.",
          "duplicate_exp_via_escape"),
        p(b'{"iss":"a","exp":%d,"iss":"b"}' % exp, 206, "Two different issuers.",
          "duplicate_iss"),
        p(b'{"exp":%d,"x":{"k":1,"k":2}}' % exp, 206, "A duplicate inside a nested object.",
          "duplicate_nested"),
        p(b'{"exp":%d,"x":[{"k":1},{"k":1,"k":2}]}' % exp, 206,
          "A duplicate inside an object inside an array.", "duplicate_in_array"),
        p(b'{"exp":"%d"}' % exp, 504, "exp as a numeric string (type confusion).",
          "exp_string", refs=confusion),
        p(b'{"exp":"%d"}' % exp, 504, "exp as a string when no claim is required: still "
          "malformed, never treated as absent.", "exp_string_not_required", NO_REQUIRED,
          refs=confusion),
        p(b'{"exp":%d,"nbf":"%d"}' % (exp, NOW + 10**9), 504, "nbf far in the future as a "
          "string: a library treating it as absent would accept the token now.",
          "nbf_string", refs=confusion),
        p(b'{"exp":%d,"iat":"%d"}' % (exp, NOW + 10**9), 504, "iat as a string.", "iat_string",
          refs=confusion),
        p(b'{"exp":null}', 504, "exp null.", "exp_null", refs=confusion),
        p(b'{"exp":null}', 504, "exp null when nothing is required.", "exp_null_not_required",
          NO_REQUIRED, refs=confusion),
        p(b'{"exp":true}', 504, "exp true.", "exp_true"),
        p(b'{"exp":false}', 504, "exp false.", "exp_false"),
        p(b'{"exp":[%d]}' % exp, 504, "exp as an array.", "exp_array"),
        p(b'{"exp":{"value":%d}}' % exp, 504, "exp as an object.", "exp_object"),
        p(b'{"exp":%d,"nbf":null}' % exp, 504, "nbf null.", "nbf_null"),
        p(b'{"exp":%d,"iat":[]}' % exp, 504, "iat as an empty array.", "iat_array"),
        p(b'{"exp":1e300}', 504, "exp beyond the range of a 64-bit NumericDate.",
          "exp_out_of_range_float"),
        p(b'{"exp":9223372036854775808}', 504, "exp one past i64::MAX.", "exp_i64_max_plus_1"),
        p(b'{"exp":18446744073709551615}', 504, "exp u64::MAX.", "exp_u64_max"),
        p(b'{"exp":9223372036854775807}', 0, "exp i64::MAX: far in the future, accepted.",
          "exp_i64_max"),
        p(b'{"exp":-9223372036854775808}', 500, "exp i64::MIN: long expired, with no overflow.",
          "exp_i64_min"),
        p(b'{"exp":1e400}', 204, "A number no JSON parser can represent.", "exp_1e400"),
        p(b'{"exp":NaN}', 204, "NaN is not JSON.", "exp_nan"),
        p(b'{"exp":Infinity}', 204, "Infinity is not JSON.", "exp_infinity"),
        p(b'{"exp":01700003600}', 204, "A leading zero is not JSON.", "exp_leading_zero"),
        p(b'{"exp":0x6553F100}', 204, "Hexadecimal is not JSON.", "exp_hex"),
        p(b'{"exp":+1700003600}', 204, "A leading plus is not JSON.", "exp_leading_plus"),
        p(b'{"exp":1.7000036e9}', 0, "exp in exponent notation (NOW + 3600).", "exp_exponent"),
        p(b'{"exp":-0}', 500, "exp -0 is zero: expired.", "exp_negative_zero"),
        p(b'{"exp":%d.5}' % (NOW - 60), 500, "A fractional exp is rounded down (the stricter "
          "side): NOW-60+0.5 ends at NOW-60, expired with the 60 s leeway.", "exp_fraction"),
        p(b'{"exp":%d,"nbf":%d.5}' % (exp, NOW + 60), 501, "A fractional nbf is rounded up: "
          "NOW+60.5 starts at NOW+61, beyond the leeway.", "nbf_fraction"),
        p(b'{"exp":%d,"iss":5}' % exp, 504, "iss as a number.", "iss_number"),
        p(b'{"exp":%d,"iss":null}' % exp, 504, "iss null.", "iss_null"),
        p(b'{"exp":%d,"iss":["%s"]}' % (exp, ISS.encode()), 504, "iss as an array.",
          "iss_array"),
        p(b'{"exp":%d,"sub":["a"]}' % exp, 504, "sub as an array.", "sub_array"),
        p(b'{"exp":%d,"sub":42}' % exp, 504, "sub as a number.", "sub_number"),
        p(b'{"exp":%d,"jti":1}' % exp, 504, "jti as a number.", "jti_number"),
        p(b'{"exp":%d,"aud":5}' % exp, 504, "aud as a number.", "aud_number"),
        p(b'{"exp":%d,"aud":["a",5]}' % exp, 504, "aud as an array with a number in it.",
          "aud_mixed_array"),
        p(b'{"exp":%d,"aud":{"a":1}}' % exp, 504, "aud as an object.", "aud_object"),
        p(b'{"exp":%d,"x":%s%s}' % (exp, b"[" * 1000, b"]" * 1000), 204,
          "1000 nested arrays: refused without exhausting the stack.", "deeply_nested_arrays"),
        p(b'{"exp":%d,"x":%s1%s}' % (exp, b'{"a":' * 500, b"}" * 500), 204,
          "500 nested objects.", "deeply_nested_objects"),
        p(b'{"exp":%d,"x":%s%s}' % (exp, b"[" * 10, b"]" * 10), 0,
          "10 nested arrays are fine.", "moderately_nested_arrays"),
        p(b'{"exp ":1}', 503, 'A member named "exp " is not exp: exp is missing.',
          "exp_with_space_is_another_claim"),
        p(b'{"EXP":%d}' % exp, 503, "Claim names are case-sensitive: EXP is not exp.",
          "exp_uppercase_is_another_claim"),
    ]


# ---- 6. claims against time and configuration --------------------------------------------------

def claims_cases():
    def t(payload: bytes):
        return sign(HEADER, payload)

    def e(**m):
        return t(obj(**m))

    svc = {"audience": "svc"}
    return [
        case("expired_long_ago", "exp an hour ago.", e(exp=NOW - 3600), 500),
        case("expired_at_leeway_boundary", "now == exp + leeway (60): expired.",
             e(exp=NOW - 60), 500, refs=["RFC 7519 section 4.1.4"]),
        case("valid_just_inside_leeway", "now == exp + leeway - 1: still valid.",
             e(exp=NOW - 59), 0),
        case("expired_now_no_leeway", "exp == now with no leeway: expired.", e(exp=NOW), 500,
             {"leeway": 0}),
        case("valid_one_second_no_leeway", "exp == now + 1 with no leeway.", e(exp=NOW + 1), 0,
             {"leeway": 0}),
        case("nbf_at_leeway", "nbf == now + leeway: valid.", e(exp=NOW + 3600, nbf=NOW + 60), 0),
        case("nbf_beyond_leeway", "nbf == now + leeway + 1.", e(exp=NOW + 3600, nbf=NOW + 61),
             501, refs=["RFC 7519 section 4.1.5"]),
        case("iat_at_leeway", "iat == now + leeway: valid.", e(exp=NOW + 3600, iat=NOW + 60), 0),
        case("iat_in_future", "iat == now + leeway + 1: issued in the future (Zoom refuses "
             "these too).", e(exp=NOW + 3600, iat=NOW + 61), 502),
        case("checks_order_exp_first", "Expired and not yet valid: exp is reported first.",
             e(exp=NOW - 3600, nbf=NOW + 3600, iat=NOW + 3600), 500),
        case("checks_order_nbf_before_iat", "nbf and iat both in the future: nbf first.",
             e(exp=NOW + 3600, nbf=NOW + 3600, iat=NOW + 3600), 501),
        case("huge_leeway_no_overflow", "exp i64::MIN with a leeway of ~130 years: exp + leeway"
             " is still in the past; no wrap-around.",
             t(b'{"exp":-9223372036854775808}'), 500, {"leeway": 4_102_444_800}),
        case("huge_leeway_nbf", "nbf i64::MAX with a large leeway: still in the future.",
             t(b'{"exp":%d,"nbf":9223372036854775807}' % (NOW + 10)), 501,
             {"leeway": 4_102_444_800}),
        case("negative_now", "A time before 1970 works: exp 0 is in the future at now = -100.",
             e(exp=0), 0, now=-100),
        case("missing_exp", "No exp, under the default rules.", e(sub="x"), 503),
        case("missing_exp_nothing_required", "No exp when nothing is required.", e(sub="x"), 0,
             NO_REQUIRED),
        case("missing_required_sub", "sub required and absent.", e(exp=NOW + 10), 503,
             {"required": ["exp", "sub"]}),
        case("required_present", "sub required and present.", e(exp=NOW + 10, sub="u"), 0,
             {"required": ["exp", "sub"]}),
        case("zoom_wrong_issuer", "The Zoom profile with another API key as iss.",
             t(good_payload(iss="someone-else")), 505, ZOOM),
        case("zoom_issuer_case", "iss differing only in case.",
             t(good_payload(iss=ISS.upper())), 505, ZOOM),
        case("zoom_issuer_trailing_space", "iss with a trailing space.",
             t(good_payload(iss=ISS + " ")), 505, ZOOM),
        case("zoom_issuer_prefix", "iss that is a prefix of the expected one.",
             t(good_payload(iss=ISS[:-1])), 505, ZOOM),
        case("zoom_missing_iss", "No iss under the Zoom profile.",
             e(iat=NOW - 30, exp=NOW + 3600), 503, ZOOM),
        case("zoom_missing_iat", "No iat under the Zoom profile.", e(iss=ISS, exp=NOW + 3600),
             503, ZOOM),
        case("issuer_without_required_iss", "An expected issuer and a token without iss: "
             "missing even when iss is not in the required list.", e(exp=NOW + 10), 503,
             {"issuer": ISS}),
        case("zoom_reordered_members", "The Zoom claims in another order: same verdict.",
             e(exp=NOW + 3600, iss=ISS, iat=NOW - 30), 0, ZOOM),
        case("zoom_shape_duplicate_exp", "The exact Zoom payload shape plus a second exp.",
             t(b'{"iss":"%s","iat":%d,"exp":%d,"exp":1}' % (ISS.encode(), NOW - 30,
                                                            NOW + 3600)), 206, ZOOM),
        case("zoom_shape_expired", "The exact Zoom payload shape, expired.",
             t(good_payload(exp=NOW - 61)), 500, ZOOM),
        case("zoom_shape_iat_future", "The exact Zoom payload shape, iat in the future.",
             t(good_payload(iat=NOW + 61)), 502, ZOOM),
        case("zoom_shape_exp_overflow", "The Zoom shape with exp beyond i64.",
             t(b'{"iss":"%s","iat":%d,"exp":99999999999999999999}' % (ISS.encode(), NOW)),
             504, ZOOM),
        case("zoom_shape_exp_float", "The Zoom shape with a fractional exp.",
             t(b'{"iss":"%s","iat":%d,"exp":%d.9}' % (ISS.encode(), NOW, NOW + 100)), 0, ZOOM),
        case("zoom_shape_iat_leading_zero", "The Zoom shape with iat 0123: not JSON.",
             t(b'{"iss":"%s","iat":0123,"exp":%d}' % (ISS.encode(), NOW + 100)), 204, ZOOM),
        case("zoom_shape_trailing_space", "The Zoom shape with a space before the brace.",
             t(b'{"iss":"%s","iat":%d,"exp":%d }' % (ISS.encode(), NOW, NOW + 100)), 0, ZOOM),
        case("zoom_shape_required_extra", "The Zoom shape when sub is also required.",
             t(good_payload()), 503, {"issuer": ISS, "required": ["iss", "iat", "exp", "sub"]}),
        case("aud_unexpected", "A token with aud under a verifier expecting none (RFC 7519 "
             "4.1.3).", e(exp=NOW + 10, aud="other"), 506, refs=["RFC 7519 section 4.1.3",
                                                               "RFC 8725 section 3.9"]),
        case("aud_empty_array_unexpected", "aud [] is present: still refused.",
             e(exp=NOW + 10, aud=[]), 506),
        case("aud_expected_string", "aud equal to the expected audience.",
             e(exp=NOW + 10, aud="svc"), 0, svc),
        case("aud_expected_in_array", "aud as an array containing it.",
             e(exp=NOW + 10, aud=["x", "svc"]), 0, svc),
        case("aud_other", "aud naming only another service.", e(exp=NOW + 10, aud="other"),
             506, svc, refs=["RFC 8725 section 3.9"]),
        case("aud_case", "aud differing in case.", e(exp=NOW + 10, aud="SVC"), 506, svc),
        case("aud_missing", "No aud when one is expected.", e(exp=NOW + 10), 503, svc),
        case("aud_substring", "aud containing the expected one as a substring.",
             e(exp=NOW + 10, aud="svc-admin"), 506, svc),
    ]


FILES = {
    "1-length.json": length_cases,
    "2-segments-base64.json": segment_cases,
    "3-header.json": header_cases,
    "4-signature.json": signature_cases,
    "5-payload.json": payload_cases,
    "6-claims.json": claims_cases,
}


def main():
    names = set()
    for file, make in FILES.items():
        cases = make()
        for c in cases:
            assert c["name"] not in names, c["name"]
            names.add(c["name"])
        doc = {
            "description": "jwtmint adversarial corpus; format in tests/corpus/README.md",
            "secret": SECRET,
            "secret_encoding": "utf8",
            "cases": cases,
        }
        text = json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
        (OUT / file).write_text(text, encoding="utf-8")
    print(f"{len(names)} cases in {len(FILES)} files")


if __name__ == "__main__":
    main()
