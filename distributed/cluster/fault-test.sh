#!/usr/bin/env bash
# Fault test on a real Spark standalone cluster on localhost: a master and two workers started from the
# module's jars, a sweep submitted with ./rankcf-spark, one worker JVM killed while a run trains. Passes when
# the sweep completes with every run committed once and metrics and trajectories identical (times aside)
# to an in-process sweep of the same file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/rankcf-spark-fault.XXXXXX)"
source "$root/distributed/cluster/local-cluster.sh"

"$root/rankcf" sweep "$root/distributed/cluster/sweep.yaml" --out "$work/in-process" --no-report >/dev/null 2>&1
start_cluster 2
worker1=${cluster_pids[1]}

RANKCF_HEAP=-Xmx1g RANKCF_SPARK_OPTS="-Dspark.executor.memory=1g" "$root/rankcf-spark" sweep "$root/distributed/cluster/sweep.yaml" --executor spark \
  --master "$master_url" --out "$work/spark" --no-report >"$work/sweep.log" 2>&1 & sweep=$!
# wait until a run has checkpointed an epoch, then kill worker 1 and the executor it started; no fixed
# deadline short of 10 minutes: on a loaded machine the session and executors take minutes to come up, and
# a kill before any run trains would not test resuming
checkpointed=""
for _ in $(seq 1200); do
  ls "$work"/spark/.*.partial/checkpoint.bin >/dev/null 2>&1 && { checkpointed=yes; break; }
  kill -0 "$sweep" 2>/dev/null || break
  sleep 0.5
done
[ -n "$checkpointed" ] || { echo "fault test: no run checkpointed an epoch before the sweep ended or 10 minutes passed"; tail -30 "$work/sweep.log"; exit 1; }
executor="$(pgrep -P "$worker1" java || true)"
kill -9 "$worker1" ${executor:+$executor}
echo "killed worker $worker1 (executor ${executor:-none}) while $(ls -d "$work"/spark/.*.partial | xargs -n1 basename | tr '\n' ' ')trained"
wait "$sweep" || { tail -30 "$work/sweep.log"; exit 1; }

python3 - "$work/in-process" "$work/spark" <<'PY'
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
def timeless(x):
    if isinstance(x, dict):
        return {k: timeless(v) for k, v in x.items() if "second" not in k and k != "memory"}
    if isinstance(x, list):
        return [timeless(v) for v in x]
    return x
def folders(x):  # run folders; .status holds the runs' status files
    return sorted(d for d in os.listdir(x) if os.path.isdir(os.path.join(x, d)) and not d.startswith("."))
runs, other = folders(a), folders(b)
assert runs == other, (runs, other)  # every run once
partial = [d for d in os.listdir(b) if d.endswith(".partial")]
assert not partial, partial  # no half-written run left behind
assert len(runs) == 4, runs
for r in runs:
    for f in ("metrics.json",):
        assert timeless(json.load(open(os.path.join(a, r, f)))) == timeless(json.load(open(os.path.join(b, r, f)))), r
    ta = [timeless(json.loads(l)) for l in open(os.path.join(a, r, "trajectory.jsonl"))]
    tb = [timeless(json.loads(l)) for l in open(os.path.join(b, r, "trajectory.jsonl"))]
    assert ta == tb, r
rows = json.load(open(os.path.join(b, "results.json")))
assert len(rows) == 4, len(rows)
assert timeless(json.load(open(os.path.join(a, "stats.json")))) == timeless(json.load(open(os.path.join(b, "stats.json"))))
print("fault test passed: %d runs, each once, identical to in-process" % len(runs))
PY
grep -E "resuming|Lost|lost" "$work/sweep.log" | head -5 || true
rm -rf "$work"
