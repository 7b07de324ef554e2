#!/usr/bin/env bash
# Sweep throughput on a Spark standalone cluster on localhost: `throughput.sh WORKERS SWEEP.yaml` starts a
# master and WORKERS one-core workers, runs the sweep on them into a fresh folder and prints the wall time,
# runs per hour and Spark's cost per run (task launch to run start, from the driver's log). BENCHMARKS.md's
# Spark figures were measured with it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
workers=${1:?usage: throughput.sh WORKERS SWEEP.yaml}
sweep_file="$(cd "$(dirname "${2:?usage: throughput.sh WORKERS SWEEP.yaml}")" && pwd)/$(basename "$2")"
work="$(mktemp -d /tmp/rankcf-spark-throughput.XXXXXX)"
source "$root/distributed/cluster/local-cluster.sh"
start_cluster "$workers"
start=$(date +%s.%N)
RANKCF_HEAP=-Xmx1g RANKCF_SPARK_OPTS="-Dspark.executor.memory=1g" "$root/rankcf-spark" sweep "$sweep_file" \
  --executor spark --master "$master_url" --out "$work/sweep" --no-report >"$work/sweep.out" 2>"$work/sweep.log"
end=$(date +%s.%N)
runs=$(ls -d "$work"/sweep/*/ | wc -l)
python3 - "$start" "$end" "$runs" "$workers" "$work/sweep/.status" <<'PY'
import glob, json, sys
start, end, runs, workers = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
wall = end - start
times = sorted((s["finished"] - s["started"]) / 1000 for s in map(lambda f: json.load(open(f)), glob.glob(sys.argv[5] + "/r*.json")))
print("%d workers: %d runs in %.1f s (driver start to end), %.0f runs/hour; a run (run start to commit) %.1f s median"
      % (workers, runs, wall, runs * 3600 / wall, times[len(times) // 2]))
PY
grep -h "spark: task launch" "$work/sweep.log" || true
grep -h "^sweep " "$work/sweep.log" | tail -1
rm -rf "$work"
