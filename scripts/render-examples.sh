#!/usr/bin/env bash
# Renders every example case with every template it fits into ./out, so a new user sees real filings at once.
# A case names the templates it fits in its `templates:` list; every listed template is rendered.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product amicus >&2
amicus="$(swift build -c release --show-bin-path)/amicus"
mkdir -p out

status=0
count=0
for case_file in Examples/*.yaml; do
  name="$(basename "$case_file" .yaml)"
  templates=$(sed -n 's/^# *templates: *//p' "$case_file" | head -1)
  for template in $templates; do
    for source in Templates/"$template"/template.docx Templates/"$template"/template.odt; do
      [ -f "$source" ] || continue
      extension="${source##*.}"
      output="out/$name-$template.$extension"
      if "$amicus" render "$source" "$case_file" -o "$output"; then
        echo "rendered $output"
        count=$((count + 1))
      else
        status=1
      fi
    done
  done
done
echo "$count documents in ./out"
exit $status
