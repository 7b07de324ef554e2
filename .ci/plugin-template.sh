#!/usr/bin/env bash
# Builds examples/plugin-template against the installed rankcf modules and trains 3 epochs on the bundled
# Last.fm data with its loss, through ./rankcf and RANKCF_PLUGINS only. MAVEN_REPO_LOCAL picks the local
# repository (default ~/.m2); the reactor build resolves its own modules from the reactor either way.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repo=(${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
cd "$root"
mvn -B -q "${repo[@]}" -DskipTests install -pl framework,losses -am
(cd examples/plugin-template && mvn -B -q "${repo[@]}" package)
jar="$root/examples/plugin-template/target/rankcf-sigmoid-rank-0.1.0.jar"
listing=$(RANKCF_PLUGINS="$jar" ./rankcf plugins)
grep -A1 '^  sigmoid-rank ' <<< "$listing" | grep -qF "from $jar" \
  || { echo "plugin-template: 'rankcf plugins' does not list sigmoid-rank from $jar" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
RANKCF_PLUGINS="$jar" ./rankcf train experiments/configs/lastfm-mf-bpr.yaml --max-epochs 3 \
  --set train.loss=sigmoid-rank --out "$out"
run=$(ls -d "$out"/*/)
grep -q 'sigmoid-rank' "$run/manifest.json" \
  || { echo "plugin-template: the run in $run does not record the sigmoid-rank loss" >&2; exit 1; }
[ "$(wc -l < "$run/trajectory.jsonl")" -eq 3 ] \
  || { echo "plugin-template: expected 3 epochs in $run/trajectory.jsonl" >&2; exit 1; }
echo "plugin-template: built, listed and trained 3 epochs"
