#!/usr/bin/python3
"""Turns the logs of run_side_by_side.sh into a Markdown table and writes it into a marked section.

Inputs in LOGS: torch-<mode>.json (cf_bench.py's JSON line) and rankcf-<mode>.md (the table printed by
`rankcf bench`). The eval row pairs cf_bench's eval mode with the eval column of rankcf's mf-bpr bench.
"""

import argparse
import json
import os
import sys
import tempfile

START = "<!-- side-by-side: start -->"
END = "<!-- side-by-side: end -->"
EPOCH_MODES = ("mf-bpr", "mf-bpr-sr", "mf-directau", "mf-align-sr", "lightgcn-bpr")
WHAT = {
    "mf-bpr": "epoch: MF, BPR, batch 16384, 1 uniform negative",
    "mf-bpr-sr": "epoch: MF, BPR + batch stable rank",
    "mf-directau": "epoch: MF, DirectAU (alignment + uniformity), batch 8192",
    "mf-align-sr": "epoch: MF, alignment + batch stable rank, batch 8192",
    "lightgcn-bpr": "epoch: LightGCN 3 layers, BPR, batch 16384",
    "eval": "full-ranking test evaluation (MF, all users, top-20)",
}


def read_torch(logs, mode):
    path = os.path.join(logs, f"torch-{mode}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        lines = [line for line in f if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def read_rankcf(logs, mode):
    """The bench table row of this mode's config, and the preamble line naming kernel path and JVM."""
    path = os.path.join(logs, f"rankcf-{mode}.md")
    if not os.path.exists(path):
        return None, None
    row, preamble = None, None
    with open(path) as f:
        for line in f:
            if line.startswith("Kernel path:"):
                preamble = line.strip()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and len(cells) >= 8 and cells[0] not in ("config", "") \
                    and not cells[0].startswith("---"):
                row = {"config": cells[0], "data": cells[1], "threads": int(cells[2]),
                       "epoch": float(cells[3]), "eval": float(cells[5])}
    return row, preamble


def fmt(value, digits=3):
    return "n/a" if value is None else f"{value:.{digits}f}"


def table(logs, header):
    lines = [header, "",
             "| mode | what is timed | rankcf config | threads (torch / rankcf) | PyTorch s (median) "
             "| rankcf s (median) | PyTorch / rankcf | PyTorch peak RSS MB |",
             "|---|---|---|---|---|---|---|---|"]
    preambles = set()
    for mode in EPOCH_MODES + ("eval",):
        torch_result = read_torch(logs, mode)
        rankcf_mode = "mf-bpr" if mode == "eval" else mode
        rankcf_row, preamble = read_rankcf(logs, rankcf_mode)
        if torch_result is None and rankcf_row is None:
            continue
        if preamble:
            preambles.add(preamble)
        torch_s = torch_result["median"] if torch_result else None
        rankcf_s = rankcf_row["eval" if mode == "eval" else "epoch"] if rankcf_row else None
        ratio = f"{torch_s / rankcf_s:.1f}x" if torch_s and rankcf_s else "n/a"
        threads = f"{torch_result['threads'] if torch_result else 'n/a'} / " \
                  f"{rankcf_row['threads'] if rankcf_row else 'n/a'}"
        config = rankcf_row["config"] + (" (eval column)" if mode == "eval" else "") if rankcf_row else "n/a"
        rss = fmt(torch_result["peak_rss_mb"], 0) if torch_result else "n/a"
        lines.append(f"| {mode} | {WHAT[mode]} | {config} | {threads} | {fmt(torch_s)} | {fmt(rankcf_s)} "
                     f"| {ratio} | {rss} |")
    lines.append("")
    lines.extend(f"rankcf: {p}" for p in sorted(preambles))
    return "\n".join(lines).rstrip() + "\n"


def replace_section(path, body):
    """Replaces the text between the markers (appending a section if there is none), via temp file + rename."""
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    section = f"{START}\n{body}{END}"
    a, b = text.find(START), text.find(END)
    updated = text[:a] + section + text[b + len(END):] if 0 <= a < b else text.rstrip("\n") + "\n\n" + section + "\n"
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".side-by-side.", suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        f.write(updated)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("logs", help="folder with torch-<mode>.json and rankcf-<mode>.md")
    p.add_argument("--header", default="", help="line(s) printed above the table")
    p.add_argument("--write", help="Markdown file whose side-by-side section is replaced")
    args = p.parse_args(argv)
    body = table(args.logs, args.header)
    sys.stdout.write(body)
    if args.write:
        replace_section(args.write, body)


if __name__ == "__main__":
    main(sys.argv[1:])
