#!/usr/bin/env python3
"""Make the ODT twin of a DOCX template: LibreOffice converts it, then three things are mended.

1. Numbering. In Word every paragraph with the same numbering id belongs to one list, whatever stands
   between them; LibreOffice writes each run of such paragraphs as its own `text:list`, with
   `text:start-value="1"` on the first item (from Word's startOverride). A `{%p for %}` loop around a
   numbered paragraph repeats that whole `text:list`, and every copy would restart at 1. So the start
   values are dropped and every list continues the numbering of the previous list of its style
   (`text:continue-numbering`), which is what Word does; each list has its own style, so the first
   still starts at 1. The lists' `xml:id`s are dropped too (unless a `text:continue-list` names one): a
   repeated list would carry the same id twice, and LibreOffice then restarts nested loops at 1.
2. Determinism. LibreOffice stamps meta.xml with the time and its version, and settings.xml with a random
   revision id; those are fixed, and the zip
   is rewritten with fixed timestamps (mimetype first and stored, as ODF requires), so rebuilding a
   template gives the same bytes.
3. Nothing else: tags stay as LibreOffice wrote them, which is what the engine must cope with anyway.

Usage: to_odt.py TEMPLATE.docx [OUT.odt]   (default: the same name with .odt)
"""

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

FIXED_DATE = "2025-01-01T00:00:00"


def _soffice():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("to_odt: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")


def _mend_content(xml: str) -> str:
    xml = re.sub(r'(<text:list-item\b[^>]*?) text:start-value="1"', r"\1", xml)

    def continue_numbering(match):
        tag = match.group(0)
        if "text:continue-numbering" in tag or "text:continue-list" in tag:
            return tag
        return tag[:-1] + ' text:continue-numbering="true">'
    xml = re.sub(r"<text:list\b[^>]*>", continue_numbering, xml)

    # A loop repeats its text:list with the list's xml:id, and LibreOffice, meeting the same id twice, restarts
    # the numbering of nested loops. Drop the ids that no text:continue-list refers to (they are optional).
    referenced = set(re.findall(r'text:continue-list="([^"]*)"', xml))

    def drop_id(match):
        return match.group(0) if match.group(2) in referenced else match.group(1)
    return re.sub(r'(<text:list\b[^>]*?) xml:id="([^"]*)"', drop_id, xml)


def _mend_meta(xml: str) -> str:
    xml = re.sub(r"<meta:creation-date>[^<]*</meta:creation-date>",
                 f"<meta:creation-date>{FIXED_DATE}</meta:creation-date>", xml)
    xml = re.sub(r"<dc:date>[^<]*</dc:date>", f"<dc:date>{FIXED_DATE}</dc:date>", xml)
    xml = re.sub(r"<meta:generator>[^<]*</meta:generator>", "<meta:generator>Amicus</meta:generator>", xml)
    xml = re.sub(r"<meta:editing-duration>[^<]*</meta:editing-duration>",
                 "<meta:editing-duration>PT0S</meta:editing-duration>", xml)
    xml = re.sub(r"<meta:editing-cycles>[^<]*</meta:editing-cycles>",
                 "<meta:editing-cycles>1</meta:editing-cycles>", xml)
    return xml


def _rewrite(odt_bytes: bytes) -> bytes:
    """One pass over LibreOffice's package, writing fresh entries: mended XML, no thumbnail (and no manifest
    line for it), fixed timestamps, mimetype first and stored."""
    src = zipfile.ZipFile(io.BytesIO(odt_bytes))
    out = io.BytesIO()
    names = [n for n in src.namelist() if not n.startswith("Thumbnails/")]
    order = ["mimetype"] + [n for n in names if n != "mimetype"]
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            data = src.read(name)
            if name in ("content.xml", "styles.xml"):
                data = _mend_content(data.decode("utf-8")).encode("utf-8")
            elif name == "settings.xml":
                data = re.sub(r'(config:name="Rsid(?:Root)?" config:type="int">)\d+', r"\g<1>0",
                              data.decode("utf-8")).encode("utf-8")
            elif name == "meta.xml":
                data = _mend_meta(data.decode("utf-8")).encode("utf-8")
            elif name == "META-INF/manifest.xml":
                data = re.sub(r'\s*<manifest:file-entry [^>]*manifest:full-path="Thumbnails/[^"]*"[^>]*/>', "",
                              data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


def convert(docx_path, odt_path=None):
    docx_path = os.path.abspath(docx_path)
    odt_path = os.path.abspath(odt_path or os.path.splitext(docx_path)[0] + ".odt")
    with tempfile.TemporaryDirectory(prefix="amicus-to-odt-") as work:
        profile = os.path.join(work, "profile")
        result = subprocess.run(
            [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "odt",
             "--outdir", work, docx_path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        made = os.path.join(work, os.path.splitext(os.path.basename(docx_path))[0] + ".odt")
        if result.returncode != 0 or not os.path.exists(made):
            sys.exit(f"to_odt: LibreOffice could not convert {docx_path}:\n{result.stderr.decode(errors='replace')}")
        with open(made, "rb") as fh:
            data = fh.read()
    data = _rewrite(data)
    with open(odt_path, "wb") as fh:
        fh.write(data)
    return odt_path


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    print(convert(*sys.argv[1:]))
