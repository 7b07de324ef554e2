#!/usr/bin/env bash
# Side-by-side timings of the PyTorch CPU baseline (cf_bench.py) and rankcf on gowalla, alternating the two
# implementations mode by mode so that machine noise hits both alike, then writing a table of medians and
# ratios into BENCHMARKS.md between <!-- side-by-side: start --> and <!-- side-by-side: end -->.
#
#   benchmarks/pytorch/run_side_by_side.sh [--repeats R] [--threads N] [--modes "mf-bpr eval ..."]
#                                          [--configs DIR] [--out FILE] [--logs DIR] [--torch-only]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python=/usr/bin/python3
repeats=3
threads=2
modes="mf-bpr eval mf-bpr-sr mf-directau mf-align-sr lightgcn-bpr"
configs="$root/experiments/configs/bench"
out="$root/BENCHMARKS.md"
logs=""
torch_only=0

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) repeats="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --configs) configs="$(cd "$2" && pwd)"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --logs) logs="$2"; shift 2 ;;
    --torch-only) torch_only=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run_side_by_side: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

# rankcf config timed against each torch mode; the eval mode is compared with the eval column of mf-bpr
rankcf_config() { echo "$configs/gowalla-$1.yaml"; }

# --- PyTorch from Debian, with OpenBLAS: Debian's torch calls the system BLAS, and the default reference
# BLAS runs the scoring products at under 1 GFLOP/s, which would make the baseline a straw man.
packages=""
"$python" -c 'import torch, numpy' 2>/dev/null || packages="python3-torch python3-numpy"
dpkg -s libopenblas0-openmp >/dev/null 2>&1 || packages="$packages libopenblas0-openmp"
if [ -n "$packages" ]; then
  echo "run_side_by_side: installing $packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 $packages >&2
fi

# --- rankcf: every config must exist before anything is timed; the launcher builds the jar if needed
if [ "$torch_only" = 0 ]; then
  missing=""
  for mode in $modes; do
    [ "$mode" = eval ] && continue
    [ -f "$(rankcf_config "$mode")" ] || missing="$missing $(rankcf_config "$mode")"
  done
  case " $modes " in *" eval "*) [ -f "$(rankcf_config mf-bpr)" ] || missing="$missing $(rankcf_config mf-bpr)" ;; esac
  if [ -n "$missing" ]; then
    echo "run_side_by_side: missing rankcf config(s):$missing (or pass --torch-only)" >&2
    exit 2
  fi
  (cd "$root" && ./rankcf --version >/dev/null)
fi

[ -n "$logs" ] || logs="$(mktemp -d "${TMPDIR:-/tmp}/side-by-side.XXXXXX")"
mkdir -p "$logs"
echo "run_side_by_side: logs in $logs" >&2
load="$(cut -d' ' -f1-3 /proc/loadavg)"

run_torch() {
  echo "== torch $1" >&2
  (cd "$root" && "$python" "$here/cf_bench.py" --modes "$1" --repeats "$repeats" --threads "$threads") \
    > "$logs/torch-$1.json" 2> >(tee "$logs/torch-$1.log" >&2)
}
run_rankcf() {
  echo "== rankcf $1" >&2
  (cd "$root" && ./rankcf bench "$(rankcf_config "$1")" --epochs "$repeats" --evals "$repeats") \
    > "$logs/rankcf-$1.md" 2> >(tee "$logs/rankcf-$1.log" >&2)
}

rankcf_done=" "
for mode in $modes; do
  run_torch "$mode"
  # eval pairs with rankcf's mf-bpr run, which times both its epochs and its evaluations
  partner="$mode"; [ "$mode" = eval ] && partner=mf-bpr
  if [ "$torch_only" = 0 ] && [[ "$rankcf_done" != *" $partner "* ]]; then
    run_rankcf "$partner"
    rankcf_done="$rankcf_done$partner "
  fi
done

torch_version="$("$python" -c 'import torch; print(torch.__version__)')"
blas="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"
header="gowalla (LightGCN split), d = 64; $repeats timed repetitions after one warm-up, medians in seconds; \
$(date -u +%Y-%m-%d) on $(nproc) cores, load average at start $load. PyTorch $torch_version (Debian, \
BLAS $blas), run by \`benchmarks/pytorch/run_side_by_side.sh\`."
"$python" "$here/side_by_side_table.py" "$logs" --header "$header" --write "$out"
echo "run_side_by_side: wrote $out" >&2
