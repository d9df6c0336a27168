#!/usr/bin/env bash
# Makes the OpenDocument fixtures: basics.odt is LibreOffice's own conversion of the hand-written basics.fodt
# (so its XML is exactly what LibreOffice writes), and damaged or hostile packages. The hostile ones
# (external-entity, climbing-path, zip-bomb, truncated) were written once with Python's zipfile, as in
# ../make_fixtures.py, and are committed as they are. Run from this folder; the outputs
# are committed beside it.
set -euo pipefail
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --convert-to odt --outdir . basics.fodt >/dev/null
python3 - <<'PY'
import zipfile
DATE = (2024, 1, 1, 0, 0, 0)
with open("not-a-zip.odt", "w") as f:
    f.write("A letter, not a document.\n")
with zipfile.ZipFile("no-content.odt", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype", DATE), "application/vnd.oasis.opendocument.text")
    z.writestr(zipfile.ZipInfo("styles.xml", DATE), "<x/>")
with zipfile.ZipFile("basics.odt") as source, zipfile.ZipFile("spreadsheet.odt", "w") as z:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "mimetype":
            data = b"application/vnd.oasis.opendocument.spreadsheet"
        info = zipfile.ZipInfo(item.filename, DATE)
        info.compress_type = item.compress_type
        z.writestr(info, data)
PY
