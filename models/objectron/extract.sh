#!/usr/bin/env bash
# Re-extracts the Objectron SSD detector and its label map from the npm package @mediapipe/objectron and checks that
# the bytes equal the committed files. Needs npm and network access to the npm registry; the build never runs this.
#
#   models/objectron/extract.sh            # extract into a temporary folder and compare with the committed files
#   models/objectron/extract.sh --write    # overwrite the committed files with the extracted ones
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="0.4.1675468480"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@mediapipe/objectron@$version" >/dev/null)
tar -xzf "$work/mediapipe-objectron-$version.tgz" -C "$work"
data="$work/package/objectron_solution_packed_assets.data"
loader="$work/package/objectron_solution_packed_assets_loader.js"

# The Emscripten loader lists every packed file as {"filename": ..., "start": ..., "end": ...} (end exclusive).
range() {
  grep -o "\"filename\": \"[^\"]*$1\", \"start\": [0-9]*, \"end\": [0-9]*" "$loader" \
    | sed -E 's/.*"start": ([0-9]+), "end": ([0-9]+)/\1 \2/'
}
extract() { # name-in-bundle output
  read -r start end < <(range "$1")
  [ -n "${start:-}" ] || { echo "extract.sh: $1 is not listed in $loader" >&2; exit 1; }
  dd if="$data" of="$2" bs=1M iflag=skip_bytes,count_bytes skip="$start" count="$((end - start))" status=none
  echo "$1: bytes $start-$end -> $(basename "$2")"
}
extract object_detection_oidv4_labelmap.txt "$work/object_detection_oidv4_labelmap.txt"
extract object_detection_ssd_mobilenetv2_oidv4_fp16.tflite "$work/object_detection_ssd_mobilenetv2_oidv4_fp16.tflite"

(cd "$work" && sha256sum object_detection_oidv4_labelmap.txt object_detection_ssd_mobilenetv2_oidv4_fp16.tflite)
if [ "${1:-}" = "--write" ]; then
  cp "$work"/object_detection_* "$here/"
  echo "written to $here"
else
  (cd "$work" && sha256sum --check --quiet <(cd "$here" && sha256sum object_detection_oidv4_labelmap.txt \
      object_detection_ssd_mobilenetv2_oidv4_fp16.tflite)) && echo "the committed files are byte-identical"
fi
