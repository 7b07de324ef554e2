# Sourced by fault-test.sh and throughput.sh: a Spark standalone master and N one-core workers on localhost,
# started from the distributed module's jars (built by ./rankcf-spark when needed). Needs $root and $work;
# sets $master_url, $cluster_pids (master first, then the workers); a trap kills them on exit.
cluster_pids=()
cleanup() { for p in "${cluster_pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13

start_cluster() {
  local workers=$1
  "$root/rankcf-spark" --version >/dev/null 2>&1 || true   # builds the module when needed
  local jar cp opens port
  jar="$(ls "$root"/distributed/target/rankcf-distributed-*.jar | head -1)"
  cp="$jar:$(cat "$root/distributed/target/classpath.txt")"
  opens="$(cat "$root/distributed/target/classes/rankcf-spark-jvm-options.txt")"
  # Spark's worker builds executor command lines from SPARK_HOME/jars: a folder of links to the same jars
  mkdir -p "$work/spark-home/jars"
  tr ':' '\n' <<<"$cp" | while read -r j; do ln -sf "$j" "$work/spark-home/jars/"; done
  export SPARK_HOME="$work/spark-home"
  port=$((20000 + RANDOM % 20000))
  java $opens -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    >"$work/master.log" 2>&1 & cluster_pids+=($!)
  for w in $(seq "$workers"); do
    java $opens -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
      --webui-port 0 --work-dir "$work/worker$w" "spark://127.0.0.1:$port" >"$work/worker$w.log" 2>&1 & cluster_pids+=($!)
  done
  for _ in $(seq 60); do
    [ "$(grep -c 'Registered worker' "$work/master.log" 2>/dev/null || true)" -ge "$workers" ] && break
    sleep 1
  done
  master_url="spark://127.0.0.1:$port"
}
