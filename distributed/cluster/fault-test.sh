#!/usr/bin/env bash
# Fault test on a real Spark standalone cluster on localhost: a master and two workers started from the
# module's jars, a sweep submitted with ./rankcf-spark, one worker JVM killed while a run trains. Passes when
# the sweep completes with every run committed once and metrics and trajectories identical (times aside)
# to an in-process sweep of the same file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/rankcf-spark-fault.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13

"$root/rankcf" sweep "$root/distributed/cluster/sweep.yaml" --out "$work/in-process" --no-report >/dev/null 2>&1
"$root/rankcf-spark" --version >/dev/null 2>&1 || true   # builds the module when needed
jar="$(ls "$root"/distributed/target/rankcf-distributed-*.jar | head -1)"
cp="$jar:$(cat "$root/distributed/target/classpath.txt")"
opens="$(cat "$root/distributed/target/classes/rankcf-spark-jvm-options.txt")"
# Spark's worker builds executor command lines from SPARK_HOME/jars: a folder of links to the same jars
mkdir -p "$work/spark-home/jars"
tr ':' '\n' <<<"$cp" | while read -r j; do ln -sf "$j" "$work/spark-home/jars/"; done
export SPARK_HOME="$work/spark-home"
port=$((20000 + RANDOM % 20000))
java $opens -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  >"$work/master.log" 2>&1 & pids+=($!)
for w in 1 2; do
  java $opens -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
    --webui-port 0 --work-dir "$work/worker$w" "spark://127.0.0.1:$port" >"$work/worker$w.log" 2>&1 & pids+=($!)
done
worker1=${pids[1]}
for _ in $(seq 60); do grep -q "Registered worker" "$work/master.log" 2>/dev/null \
  && [ "$(grep -c 'Registered worker' "$work/master.log")" -ge 2 ] && break; sleep 1; done

RANKCF_HEAP=-Xmx1g RANKCF_SPARK_OPTS="-Dspark.executor.memory=1g" "$root/rankcf-spark" sweep "$root/distributed/cluster/sweep.yaml" --executor spark \
  --master "spark://127.0.0.1:$port" --out "$work/spark" --no-report >"$work/sweep.log" 2>&1 & sweep=$!
# wait until a run has checkpointed an epoch, then kill worker 1 and the executor it started
for _ in $(seq 120); do ls "$work"/spark/.*.partial/checkpoint.bin >/dev/null 2>&1 && break; sleep 0.5; done
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
