#!/usr/bin/env bash
# Renders the same realistic filing (Benchmarks/inputs/bench-case.yaml: 40 facts, 40 timeline rows, six
# violations with precedents, Cyrillic, a header and a footer) with Amicus and with docxtpl, side by side:
#   1. in process: the template read once, then renders to memory, per document, in rounds the two tools take in turn;
#   2. whole processes: `amicus render` against `docxtpl_render.py --out`, start-up included.
# Release build. docxtpl comes from PyPI into Benchmarks/.venv (versions in requirements.txt).
# Then the precedent index: 100,000 synthetic records (generated, never committed), build time and search latency.
# Results are printed and kept in Benchmarks/results/latest.txt. A benchmark, not a test: it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPLATE=Templates/appeal-separation-ru/template.docx
CASE=Benchmarks/inputs/bench-case.yaml
AMICUS_RUNS=${AMICUS_RUNS:-3000}
DOCXTPL_RUNS=${DOCXTPL_RUNS:-60}
ROUNDS=${ROUNDS:-10}
PROCESS_RUNS=${PROCESS_RUNS:-20}

swift build -c release --product amicus >&2
swift build -c release --product amicus-bench >&2
swift build -c release --product precedents-bench >&2
bin="$(swift build -c release --show-bin-path)"

if [ ! -x Benchmarks/.venv/bin/python ]; then
  python3 -m venv Benchmarks/.venv
fi
Benchmarks/.venv/bin/pip install -q -r Benchmarks/requirements.txt

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# In rounds, the two tools taking turns (each round a fresh process of each, timed inside after one untimed
# render): the machine is shared and its speed drifts over minutes, so each round's ratio compares the two under
# the same load, and the median of the rounds is the figure to quote.
echo "== in process ($ROUNDS rounds of $((AMICUS_RUNS / ROUNDS)) Amicus and $((DOCXTPL_RUNS / ROUNDS)) docxtpl renders)" >&2
amicus_rounds=()
docxtpl_rounds=()
for round in $(seq "$ROUNDS"); do
  amicus_rounds+=("$("$bin/amicus-bench" "$TEMPLATE" "$CASE" $((AMICUS_RUNS / ROUNDS)))")
  docxtpl_rounds+=("$(Benchmarks/.venv/bin/python Benchmarks/docxtpl_render.py "$TEMPLATE" "$CASE" --bench $((DOCXTPL_RUNS / ROUNDS)))")
done
amicus_line="[$(IFS=,; echo "${amicus_rounds[*]}")]"
docxtpl_line="[$(IFS=,; echo "${docxtpl_rounds[*]}")]"
# The same filing as OpenDocument (LibreOffice's own conversion of the .docx template), Amicus alone: relatorio
# reads Genshi directives, not this template's Jinja/docxtpl tags, and secretary has not been tried yet.
odt_line=$("$bin/amicus-bench" Benchmarks/inputs/appeal-separation-ru.odt "$CASE" "$AMICUS_RUNS")

# Whole processes, one after another: wall nanoseconds per document.
ms_per_process() {
  local start end
  start=$(date +%s%N)
  for i in $(seq "$PROCESS_RUNS"); do "$@" "$work/out-$i.docx" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / PROCESS_RUNS ))
}
echo "== whole processes ($PROCESS_RUNS each)" >&2
amicus_process=$(ms_per_process "$bin/amicus" render "$TEMPLATE" "$CASE" -o)
docxtpl_process=$(ms_per_process Benchmarks/.venv/bin/python Benchmarks/docxtpl_render.py "$TEMPLATE" "$CASE" --out)

mkdir -p Benchmarks/results
Benchmarks/.venv/bin/python - "$amicus_line" "$docxtpl_line" "$amicus_process" "$docxtpl_process" "$odt_line" <<'PY' | tee Benchmarks/results/latest.txt
import json, platform, statistics, sys
rounds_a, rounds_d = json.loads(sys.argv[1]), json.loads(sys.argv[2])
a = {k: statistics.mean(r[k] for r in rounds_a) for k in ("ms_per_doc", "cpu_ms_per_doc", "docs_per_sec")}
d = {k: statistics.mean(r[k] for r in rounds_d) for k in ("ms_per_doc", "docs_per_sec")}
ratios = sorted(rd["ms_per_doc"] / ra["ms_per_doc"] for ra, rd in zip(rounds_a, rounds_d))
ap, dp = int(sys.argv[3]) / 1e6, int(sys.argv[4]) / 1e6
o = json.loads(sys.argv[5])
print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}; Amicus release build; docxtpl from PyPI")
print(f"{'':28}{'Amicus':>14}{'docxtpl':>14}{'ratio':>10}")
print(f"{'in process, ms/document':28}{a['ms_per_doc']:>14.3f}{d['ms_per_doc']:>14.2f}{d['ms_per_doc'] / a['ms_per_doc']:>9.0f}x")
print(f"{'in process, documents/s':28}{a['docs_per_sec']:>14.0f}{d['docs_per_sec']:>14.1f}{a['docs_per_sec'] / d['docs_per_sec']:>9.0f}x")
print(f"{'in process, CPU ms/document':28}{a['cpu_ms_per_doc']:>14.3f}{'':>14}")
print(f"{'whole process, ms/document':28}{ap:>14.1f}{dp:>14.1f}{dp / ap:>9.1f}x")
print(f"{'ODT in process, ms/document':28}{o['ms_per_doc']:>14.3f}{'(no peer)':>14}")
print(f"in process, ratio per round ({len(ratios)} rounds, tools taking turns): median {statistics.median(ratios):.1f}x, "
      f"min {ratios[0]:.1f}x, max {ratios[-1]:.1f}x")
print(f"Amicus renders: {sum(r['n'] for r in rounds_a)}, docxtpl renders: {sum(r['n'] for r in rounds_d)}; "
      f"output {rounds_a[0]['bytes']} bytes; Amicus peak RSS {max(r['max_rss_mb'] for r in rounds_a):.0f} MB")
PY

echo "== precedent index: 100,000 synthetic records" >&2
"$bin/precedents-bench" 100000 | tee -a Benchmarks/results/latest.txt

# A batch after a raid: the bench case 250, 1,000 and 2,000 times (different case numbers) in one YAML list, all
# cores, no PDF; then 20 of them with PDF. Wall time and peak memory of the whole amicus process. PyYAML writes the
# shared facts once and refers to them by alias, which the reader expands (within its 1,000,000-value budget, hence
# 2,000 and not more): every case is rendered in full, only the reading is cheaper than 2,000 separate files.
echo "== batch: 250, 1,000 and 2,000 cases without PDF, 20 with PDF" >&2
batch_dir="$work/batch"
mkdir -p "$batch_dir/out" "$batch_dir/pdf"
Benchmarks/.venv/bin/python - "$CASE" "$batch_dir" <<'PY'
import sys, yaml
case = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
def many(n):
    out = []
    for i in range(n):
        c = dict(case)
        c["case_id"] = f"RAID-{i:04d}"
        out.append(c)
    return out
for n, name in ((250, "raid-250.yaml"), (1000, "raid-1000.yaml"), (2000, "raid-2000.yaml"), (20, "raid-20.yaml")):
    with open(f"{sys.argv[2]}/{name}", "w", encoding="utf-8") as f:
        yaml.safe_dump(many(n), f, allow_unicode=True, sort_keys=False)
PY
measure() {
  local label=$1 count=$2; shift 2
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/batch.log" || { tail -5 "$work/batch.log" >&2; }
  end=$(date +%s%N)
  python3 -c "import sys; n=int(sys.argv[2]); s=(int(sys.argv[4])-int(sys.argv[3]))/1e9; print(f'{sys.argv[1]:28}{n/s:>10.0f} documents/s  {s:>7.2f} s  peak {int(sys.argv[5])/1024:>6.0f} MB')" \
    "$label" "$count" "$start" "$end" "$(cat "$work/rss")"
}
# Three sizes, each into a fresh folder: documents per second, and whether peak memory stays flat as the batch grows.
for n in 250 1000 2000; do
  mkdir -p "$batch_dir/out-$n"
  measure "batch of $n, DOCX" "$n" "$bin/amicus" batch "$TEMPLATE" "$batch_dir/raid-$n.yaml" -o "$batch_dir/out-$n" | tee -a Benchmarks/results/latest.txt
done
measure "batch of 20, DOCX + PDF" 20 "$bin/amicus" batch "$TEMPLATE" "$batch_dir/raid-20.yaml" -o "$batch_dir/pdf" --pdf | tee -a Benchmarks/results/latest.txt
