#!/usr/bin/env python3
"""Training time to the best epoch (and to 95% of the baseline's best, first epoch of either phase reaching it,
as `rankcf` counts it), free of the machine's load: each epoch of a run is weighed with the time
of an epoch of its phase measured once on a quiet machine (`rankcf bench`), so warm epochs (no uniformity)
count as cheap as they are. The sweep's recorded seconds carry whatever else ran on the machine at the time.

  python3 docs/reproduction/epoch_cost.py SWEEP_DIR WARM_EPOCH_S TUNE_EPOCH_S BASELINE TREATMENT [...]

Prints, per lr and per pair, the mean over seeds of the weighed seconds to the best epoch and to 95% of the
baseline's best validation value, as Markdown rows, at every lr of the sweep; then the same pairs seed by seed
(epochs to the best epoch, counted from 1 with the warm epochs, and weighed seconds to it). Reads results.csv and each run's trajectory.jsonl.
"""
import csv, json, os, sys
from collections import defaultdict


def trajectory(run_dir):
    with open(os.path.join(run_dir, "trajectory.jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def weighed_seconds(epochs, upto, warm, tune):
    return sum(warm if e["phase"] == "warm" else tune for e in epochs[: upto + 1])


def first_reaching(epochs, metric, target):
    for i, e in enumerate(epochs):
        if e.get("validation", {}).get(metric, float("-inf")) >= target:
            return i
    return None


def main():
    sweep, warm, tune = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    pairs = list(zip(sys.argv[4::2], sys.argv[5::2]))
    rows = list(csv.DictReader(open(os.path.join(sweep, "results.csv"))))
    metric = next(k for k in rows[0] if k.startswith("validation_"))[len("validation_"):]
    runs = {(r["arm"], r["seed"], r["train.optimizer.lr"]): r for r in rows if r["status"] == "done"}
    print("| pair | lr | seeds | weighed s to best (base -> treatment) | change | weighed s to 95% of base best | change |")
    print("|---|---|---|---|---|---|---|")
    seeds = []
    for base, treat in pairs:
        by_lr = defaultdict(list)
        for (arm, seed, lr), r in runs.items():
            if arm == base and (treat, seed, lr) in runs:
                by_lr[lr].append((r, runs[(treat, seed, lr)]))
        for lr in sorted(by_lr, key=float, reverse=True):
            best, target = [], []
            for b, t in by_lr[lr]:
                eb, et = trajectory(os.path.join(sweep, b["run"])), trajectory(os.path.join(sweep, t["run"]))
                bb, tb = int(b["best_epoch"]), int(t["best_epoch"])
                best.append((weighed_seconds(eb, bb, warm, tune), weighed_seconds(et, tb, warm, tune)))
                goal = 0.95 * eb[bb]["validation"][metric]
                ib, it = first_reaching(eb, metric, goal), first_reaching(et, metric, goal)
                if it is not None:
                    target.append((weighed_seconds(eb, ib, warm, tune), weighed_seconds(et, it, warm, tune)))
            mb, mt = (sum(x[i] for x in best) / len(best) for i in (0, 1))
            cell = "-"
            if target:
                tb_, tt_ = (sum(x[i] for x in target) / len(target) for i in (0, 1))
                cell = f"{tb_:.0f} -> {tt_:.0f} ({len(target)} of {len(best)} seeds) | {100 * (tt_ - tb_) / tb_:+.1f}%"
            else:
                cell = f"not reached (0 of {len(best)} seeds) | -"
            print(f"| {treat} vs {base} | {lr} | {len(best)} | {mb:.0f} -> {mt:.0f} | {100 * (mt - mb) / mb:+.1f}% | {cell} |")
            for (b, t), (sb, st) in zip(by_lr[lr], best):
                seeds.append(f"| {treat} vs {base} | {lr} | {b['seed']} | {int(b['best_epoch']) + 1} -> {int(t['best_epoch']) + 1} "
                             f"| {sb:.0f} -> {st:.0f} | {100 * (st - sb) / sb:+.1f}% |")
    print("\n| pair | lr | seed | epochs to best | weighed s to best | change |")
    print("|---|---|---|---|---|---|")
    print("\n".join(seeds))


if __name__ == "__main__":
    main()
