#!/usr/bin/env bash
# Scenes per second of `dataset build` on the same input: the CLI (one JVM, --threads N), then ./v2l spark with
# local[1] and local[2]. Wall time of the whole command (JVM and Spark start-up included) and the build's own time
# as each prints it; peak RSS from /usr/bin/time. Usage (from the repository root):
#   v2l-spark/bench/scaling.sh [SCENES] [extra dataset build options...]
#   e.g. v2l-spark/bench/scaling.sh 400 --no-images          (maps, traces, answers; visibility renders only)
#        v2l-spark/bench/scaling.sh 40 --size 640x480        (rendered 640x480 JPEG frames)
set -euo pipefail
cd "$(dirname "$0")/../.."
scenes="${1:-400}"; shift || true
src="procedural:seed=9,count=$scenes"
opts=(--frames 1,4,8,12,16 --per-scene 8 --format swift --quiet "$@")
out="$(mktemp -d "${TMPDIR:-/tmp}/v2l-scaling.XXXXXX")"
./v2l --version >/dev/null && ./v2l spark --help >/dev/null   # build both first, outside the timings
echo "input: $src ${opts[*]}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  local name="$1"; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/rss" "$@" >/dev/null 2>"$out/err" || { cat "$out/err"; exit 1; }
  t1=$(date +%s.%N)
  rss=$(tail -1 "$out/rss")
  awk -v n="$name" -v s="$scenes" -v a="$t0" -v b="$t1" -v r="$rss" -v line="$(grep -E 'samples from' "$out/err")" \
    'BEGIN { w = b - a; printf "%-22s %6.1f s wall  %6.2f scenes/s  peak RSS %5d MB  | %s\n", n, w, s / w, r / 1024, line }'
}
run "cli --threads 1" ./v2l dataset build "$src" "${opts[@]}" --threads 1 --out "$out/cli1"
run "cli --threads 2" ./v2l dataset build "$src" "${opts[@]}" --threads 2 --out "$out/cli2"
run "spark local[1]" ./v2l spark --master 'local[1]' dataset build "$src" "${opts[@]}" --out "$out/spark1"
run "spark local[2]" ./v2l spark --master 'local[2]' dataset build "$src" "${opts[@]}" --out "$out/spark2"
for d in cli2 spark1 spark2; do
  diff -q "$out/cli1/swift/train.jsonl" "$out/$d/swift/train.jsonl" >/dev/null || { echo "$d differs from the CLI"; exit 1; }
done
echo "all four train.jsonl identical; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
