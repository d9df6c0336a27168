#!/usr/bin/env python3
"""Build the footnote fixtures with the template library (Templates/tools):

- footnotes.docx / footnotes.odt: a note after a value in a bold run, and one note per item of a numbered
  `{%p for %}` loop;
- footnote-in-header.docx: footnote() in the header, which must be refused;
- no-footnotes-part.docx: footnote() in a template without word/footnotes.xml, which must be refused.

Run: .build-venv/bin/python Tests/AmicusOfficeTests/Fixtures/make_footnote_fixtures.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "Templates", "tools"))
from amicus_docx import add_numbering, add_style, control, new_document, para, running_header, save, set_properties  # noqa: E402


def base():
    doc = new_document(size=12, lang="en-GB", margins_cm=(2.5, 2.5, 2.0, 2.0))
    add_style(doc, "Body", align="justify")
    set_properties(doc, title="Footnotes {{ case_id }}", subject="", comments="")
    return doc


doc = base()
lists = add_numbering(doc, ["sources"], hanging=True)
para(doc, style="Body", runs=[("Bold {{ case_id }}{{ footnote(note) }} and the rest of the run", {"bold": True})])
control(doc, "{%p for s in sources %}", "Body")
para(doc, "{{ s.claim }}{{ footnote('Source: ' ~ s.source) }}", "Body", num_id=lists["sources"])
control(doc, "{%p endfor %}", "Body")
running_header(doc, "Case {{ case_id }}", style="Body")
save(doc, os.path.join(HERE, "footnotes.docx"))  # and footnotes.odt

doc = base()
para(doc, "Body {{ case_id }}", "Body")
running_header(doc, "Case {{ case_id }}{{ footnote('not here') }}", style="Body")
save(doc, os.path.join(HERE, "footnote-in-header.docx"), odt=False)

doc = base()
para(doc, "Body {{ case_id }}{{ footnote('a note') }}", "Body")
save(doc, os.path.join(HERE, "no-footnotes-part.docx"), odt=False, footnotes=False)
