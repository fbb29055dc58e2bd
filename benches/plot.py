#!/usr/bin/env python3
"""Draws the plots of docs/PERFORMANCE.md from `benches/report --json FILE`.

    python3 -m venv /tmp/plotenv && /tmp/plotenv/bin/pip install matplotlib
    benches/report --json /tmp/bench.json
    /tmp/plotenv/bin/python benches/plot.py /tmp/bench.json docs/

Writes docs/perf-zoom.png (ns per Zoom API JWT, per library) and docs/perf-sizes.png
(ns per token against payload size, generic claims).
"""

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LIBS = [
    ("jwtmint", "jwtmint_buffer", "jwtmint_map"),
    ("jwtmint (generic / typed)", "jwtmint_generic", "jwtmint_typed"),
    ("jsonwebtoken", "jsonwebtoken", "jsonwebtoken"),
    ("jwt-simple", "jwt-simple", "jwt-simple"),
    ("jwt-compact", "jwt-compact", "jwt-compact"),
]
SIZE_SERIES = [
    ("floor", "HMAC floor (hmac crate)", "0.5", "--"),
    ("jwtmint_mint", "jwtmint mint", "tab:blue", "-"),
    ("jwtmint_verify", "jwtmint verify", "tab:blue", ":"),
    ("jsonwebtoken_mint", "jsonwebtoken encode", "tab:orange", "-"),
    ("jsonwebtoken_verify", "jsonwebtoken decode", "tab:orange", ":"),
]


def zoom_plot(res, out):
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    names = [name for name, _, _ in LIBS]
    mint = [res.get(f"mint/{m}") for _, m, _ in LIBS]
    verify = [res.get(f"verify/{v}") for _, _, v in LIBS]
    y = range(len(names))
    h = 0.38
    bars_m = ax.barh([i - h / 2 for i in y], mint, h, label="mint", color="tab:blue")
    bars_v = ax.barh([i + h / 2 for i in y], verify, h, label="verify", color="tab:green")
    for bars in (bars_m, bars_v):
        for b in bars:
            ax.text(b.get_width() * 1.01, b.get_y() + b.get_height() / 2,
                    f"{b.get_width():,.0f}", va="center", fontsize=8)
    floor, limit = res.get("floor/hmac"), res.get("floor/sha256_limit")
    ax.axvline(floor, color="0.3", ls="--", lw=1)
    ax.text(floor, -0.9, f" HMAC floor {floor:.0f} ns", fontsize=8, color="0.3")
    ax.axvline(limit, color="tab:red", ls=":", lw=1)
    ax.text(limit, -0.65, f"SHA-256 limit {limit:.0f} ns ", fontsize=8, color="tab:red",
            ha="right")
    ax.set_yticks(list(y), names)
    ax.invert_yaxis()
    ax.set_ylim(len(names) - 0.3, -1.2)
    ax.set_xlabel("ns per Zoom API JWT (median; lower is better)")
    ax.set_title("Zoom API JWT: mint and verify, per library", fontsize=11)
    ax.legend(loc="lower right")
    ax.set_xlim(0, max(x for x in mint + verify if x) * 1.15)
    fig.text(0.01, 0.01, "jwtmint: mint_into a reused buffer / verify_at to a claims map; "
             "second row: jwtmint::mint of a struct / verify_as_at to a struct",
             fontsize=7, color="0.35")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(out)


def sizes_plot(res, out):
    sizes = sorted({int(k.rsplit("/", 1)[1]) for k in res if k.startswith("sizes/")})
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    for case, label, color, style in SIZE_SERIES:
        ys = [res.get(f"sizes/{case}/{n}", float("nan")) / 1000 for n in sizes]
        ax.plot(sizes, ys, style, color=color, marker="o", ms=3, label=label)
    ax.set_xlabel("payload JSON size (bytes)")
    ax.set_ylabel("µs per token (median)")
    ax.set_title("Generic claims: cost by payload size", fontsize=11)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: plot.py RESULTS.json OUT_DIR")
    res = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    zoom_plot(res, out / "perf-zoom.png")
    sizes_plot(res, out / "perf-sizes.png")


if __name__ == "__main__":
    main()
