#!/usr/bin/env bash
# `v2l reward score` against Video2Layout's own reward (EasyR1 `examples/reward_function/qa.py`) on the same
# rollouts, whole processes: read the JSON Lines file, score every rollout, write one result line each.
# qa.py is not shipped here: pass the path of your copy (github.com/ybrrraway/Video2Layout,
# src/EasyR1/examples/reward_function/qa.py; it needs numpy). Usage, from the repository root:
#   v2l-bench/scripts/reward-vs-qapy.sh PATH/TO/qa.py [ROLLOUTS]        (default 300000)
set -euo pipefail
cd "$(dirname "$0")/../.."
qa="$(realpath "${1:?usage: $0 PATH/TO/qa.py [ROLLOUTS]}")"
n="${2:-300000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/v2l-reward.XXXXXX")"
./v2l --version >/dev/null   # build first, outside the timings
python3 v2l-bench/scripts/rollouts.py "$n" "$work/rollouts.jsonl"
cat > "$work/drive.py" <<'PY'
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("qa", sys.argv[1])
qa = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qa)
with open(sys.argv[2]) as f:
    rows = [json.loads(line) for line in f]
with open(sys.argv[3], "w") as out:
    for s in qa.compute_score(rows):
        out.write(json.dumps(s) + "\n")
PY
echo "$n rollouts, $(du -m "$work/rollouts.jsonl" | cut -f1) MB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r wall rss < "$work/time"
  printf '%-24s %7.2f s wall  peak RSS %5d MB\n' "$name" "$wall" "$((rss / 1024))"
  echo "$wall" > "$work/$name.wall"
}
run "qa.py (python3)" python3 "$work/drive.py" "$qa" "$work/rollouts.jsonl" "$work/qa.jsonl"
run "v2l reward score" ./v2l reward score --input "$work/rollouts.jsonl" --out "$work/v2l.jsonl"
# the same jar with the JVM's defaults (what `java -jar` gives without the launcher's settings for streaming scorers)
run "java -jar, JVM defaults" java -jar v2l-cli/target/v2l.jar reward score --input "$work/rollouts.jsonl" \
    --out "$work/v2l2.jsonl"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
a = [json.loads(l) for l in open(w + "/qa.jsonl")]
b = [json.loads(l) for l in open(w + "/v2l.jsonl")]
same = sum(1 for x, y in zip(a, b) if all(abs(x[k] - y[k]) < 1e-12 for k in ("overall", "format", "accuracy")))
print(f"same scores: {same} of {len(a)}")
qa, v2l = (float(open(f"{w}/{n}.wall").read()) for n in ("qa.py (python3)", "v2l reward score"))
print(f"v2l reward score is {qa / v2l:.1f}x qa.py's speed (whole processes)")
PY
rm -rf "$work"
