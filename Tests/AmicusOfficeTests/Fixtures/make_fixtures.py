#!/usr/bin/env python3
"""Writes the .docx fixtures of AmicusOfficeTests.

The XML is written out by hand, the way Word saves it (rsid attributes, proofErr marks, bookmarks, runs cut in
the middle of a tag), so each fixture shows exactly one thing the renderer must cope with. Run it from this
folder; the outputs are committed beside it. Only the standard library is used. Entry timestamps are fixed so
the files are the same on every run.
"""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
DATE = (2024, 1, 1, 0, 0, 0)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>Amicus tests</dc:creator></cp:coreProperties>"""

SECT = '<w:sectPr w:rsidR="00A1B2C3"><w:headerReference w:type="default" r:id="rId9"/><w:footerReference w:type="default" r:id="rId8"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'


def p(text, rsid="00A1B2C3"):
    """One paragraph, one run, plain text."""
    return f'<w:p w:rsidR="{rsid}" w:rsidRDefault="{rsid}"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}{SECT}</w:body></w:document>'


def hf(kind, body):
    tag = "w:ftr" if kind == "footer" else "w:hdr"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{tag} {W}>{body}</{tag}>'


def write(name, body, header=p("Header"), footer=p("Footer"), title="Plain title", subject="", extra=None):
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document(body)),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/header1.xml", hf("header", header)),
        ("word/footer1.xml", hf("footer", footer)),
        ("docProps/core.xml", CORE.format(title=title, subject=subject)),
    ]
    if extra:
        entries += extra
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data, *level in entries:
            info = zipfile.ZipInfo(entry, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            payload = data.encode("utf-8") if isinstance(data, str) else data
            z.writestr(info, payload, compresslevel=level[0] if level else 6)


# A tag Word cut into five runs, with a bookmark and a spell-check mark between the pieces and a bold first run.
SPLIT = (
    '<w:p w:rsidR="00B4D1E2" w:rsidRDefault="00B4D1E2">'
    '<w:r><w:t xml:space="preserve">Заявитель: </w:t></w:r>'
    '<w:r w:rsidRPr="00C0FFEE"><w:rPr><w:b/></w:rPr><w:t>{{ appl</w:t></w:r>'
    '<w:bookmarkStart w:id="0" w:name="applicant"/>'
    '<w:proofErr w:type="spellStart"/>'
    '<w:r w:rsidR="00D15EA5"><w:t>icant.</w:t></w:r>'
    '<w:proofErr w:type="spellEnd"/>'
    '<w:r w:rsidR="00FACADE"><w:rPr><w:i/></w:rPr><w:t>na</w:t></w:r>'
    '<w:bookmarkEnd w:id="0"/>'
    '<w:r><w:t xml:space="preserve">me }} (мать)</w:t></w:r>'
    '</w:p>'
)
# Curly quotes and guillemets typed by Word's autocorrect inside tags, and a non-breaking space.
SMART = (
    p("Телефон: {{ phone|default(«не указан») }}")
    + p("Note: {{ note|default(“none”) }}")
    + p("Literal: {{ \"«как есть»\" }}")
    + p("Spaced: {{\u00a0case_id\u00a0}}")
)
write("split-tag.docx", SPLIT + SMART)

# Every hostile value goes through one tag per paragraph, in the body, a header, a footer and the title.
# Its styles part is compressed at level 1, so a test can see it copied as it was, not re-compressed.
STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles " + W + ">" + "".join(
    f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Style {i}"/></w:style>' for i in range(300)
) + "</w:styles>"
write(
    "hostile.docx",
    p("Value: [{{ value }}]") + p("Lines: {{ lines }}") + p("Tabs: {{ tabbed }}"),
    header=p("Header: {{ value }}"),
    footer=p("Footer: {{ value }}"),
    title="Title: {{ value }}",
    extra=[("word/styles.xml", STYLES, 1)],
)

# A syntax error in the footer, another in the body, and an undefined name in the header: all reported at once.
write(
    "errors.docx",
    p("Intro") + p("{% if applicant.name %}") + p("never closed") + p("{{ applicant.name }}") + p("Broken: {{ 1 + }}"),
    header=p("{{ representative.nmae }}"),
    footer=p("Page {% endfor %}"),
)

# An undefined name only (the template itself is sound).
write("undefined.docx", p("{{ representative.name }}"), footer=p("{{ representative.nmae }}"))

CELL = '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def row(*cells):
    return '<w:tr w:rsidR="00A1B2C3">' + "".join(CELL.format(content=c) for c in cells) + "</w:tr>"


def table(*rows):
    grid = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    return '<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>' + grid + "".join(rows) + "</w:tbl>"


# A row loop: the {%tr %} rows vanish, the middle row repeats.
write(
    "row-loop.docx",
    p("Хронология")
    + table(
        row(p("Дата"), p("Событие"), p("№")),
        row(p("{%tr for e in events %}"), p(""), p("")),
        row(p("{{ e.date }}"), p("{{ e.text }}"), p("{{ loop.index }}")),
        row(p("{%tr endfor %}"), p(""), p("")),
    )
    + p("Конец"),
)

# Nested loops: a paragraph loop over groups, each with a table whose rows loop, and a run-level condition.
write(
    "nested-loops.docx",
    p("{%p for g in groups %}")
    + p("Group {{ g.name }}")
    + table(
        row(p("{%tr for i in g.items %}"), p(""), p("")),
        row(p("{{ g.name }}-{{ i }}"), p("{{ loop.index }}/{{ loop.length }}"), p("x")),
        row(p("{%tr endfor %}"), p(""), p("")),
    )
    + p("{%p endfor %}")
    + '<w:p><w:r><w:t xml:space="preserve">Runs: </w:t></w:r><w:r><w:t>{%r if flag %}</w:t></w:r>'
    + '<w:r><w:rPr><w:b/></w:rPr><w:t>bold-yes</w:t></w:r><w:r><w:t>{%r endif %}</w:t></w:r></w:p>',
)

# Table tags: a cell background, a column span, a vertical merge inside a row loop.
write(
    "table-tags.docx",
    table(
        row(p("{% cellbg colour %}Coloured"), p("{% colspan 2 %}Wide"), p("")),
        row(p("{%tr for e in events %}"), p(""), p("")),
        row(p("{% vm %}{{ group }}"), p("{{ e }}"), p("")),
        row(p("{%tr endfor %}"), p(""), p("")),
    ),
)

# A cell whose only paragraph a condition may remove, and a table of loop rows only: Word refuses a cell with no
# paragraph and a table with no row, so the renderer must mend both.
write(
    "empty-cells.docx",
    p("Before")
    + table(row(p("{%p if flag %}") + p("shown") + p("{%p endif %}"), p("B"), p("C")))
    + table(row(p("{%tr for x in xs %}"), p(""), p("")), row(p("{{ x }}"), p(""), p("")), row(p("{%tr endfor %}"), p(""), p("")))
    + p("After"),
)

# Whitespace control joins the text of two paragraphs, as docxtpl does.
write(
    "joined-paragraphs.docx",
    p("Start") + p("{%- if flag -%}") + p("middle") + p("{%- endif -%}") + p("end"),
)

# The document title property holds a tag.
write("properties.docx", p("Body {{ case_id }}"), title="Жалоба — {{ case_id }}", subject="{{ subject|default('нет') }}")

# Rich-text tags of docxtpl, which Amicus refuses with a clear message.
write("rich-text-tag.docx", p("{{r rich }}"))

# Damaged and hostile packages.
write("no-document.docx", p("x"))
with zipfile.ZipFile("no-document.docx", "w") as z:
    z.writestr(zipfile.ZipInfo("[Content_Types].xml", DATE), CONTENT_TYPES)
    z.writestr(zipfile.ZipInfo("word/styles.xml", DATE), "<w:styles " + W + "/>")

write("climbing-path.docx", p("x"), extra=[("../../evil.txt", "escaped")])

write("zip-bomb.docx", p("x"), extra=[("word/media/bomb.bin", b"\0" * (64 << 20))])

XXE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
)
write("external-entity.docx", p("x"))
with zipfile.ZipFile("external-entity.docx", "w") as z:
    for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", XXE)]:
        z.writestr(zipfile.ZipInfo(name, DATE), data)

with open("not-a-zip.docx", "w") as f:
    f.write("This is a letter, not a Word document.\n")

with open("split-tag.docx", "rb") as f:
    whole = f.read()
with open("truncated.docx", "wb") as f:
    f.write(whole[: len(whole) * 2 // 3])
