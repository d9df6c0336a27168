#!/usr/bin/env python3
"""A tiny report template for the word-limit and requisite checks: a body paragraph per item of `body`, a
footnote, then an "Annexes" heading (also named once in the contents, before the body) and the annexes.

Run: .build-venv/bin/python Tests/AmicusKitTests/Fixtures/word-limit/make_template.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "Templates", "tools"))
from amicus_docx import add_style, control, new_document, para, save, set_properties  # noqa: E402

doc = new_document(size=12, lang="en-GB", margins_cm=(2.5, 2.5, 2.0, 2.0))
add_style(doc, "Body", align="justify")
add_style(doc, "Heading", bold=True)
para(doc, "Report on {{ country }}", "Heading")
para(doc, "Contents", "Heading")
para(doc, "Annexes", "Body")
control(doc, "{%p for b in body %}", "Body")
para(doc, "{{ b }}", "Body")
control(doc, "{%p endfor %}", "Body")
para(doc, "Noted.{{ footnote(note) }}", "Body")
para(doc, "Annexes", "Heading")
control(doc, "{%p for a in annexes %}", "Body")
para(doc, "{{ a }}", "Body")
control(doc, "{%p endfor %}", "Body")
set_properties(doc, title="Report", subject="", comments="")
save(doc, os.path.join(HERE, "template.docx"))
