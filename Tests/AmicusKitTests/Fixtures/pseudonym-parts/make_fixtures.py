#!/usr/bin/env python3
"""Templates for the pseudonymisation scan of every part:

- names-everywhere.docx: the applicant's name printed from case data in the body, header, footer, a footnote, a
  comment and the title property; with --pseudonymise every one must come out as the pseudonym;
- literal-in-<part>.docx: the real name typed into the template itself in one part only (header, footer, footnote,
  comment, title), which the scan must catch and name.

Run: .build-venv/bin/python Tests/AmicusKitTests/Fixtures/pseudonym-parts/make_fixtures.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "Templates", "tools"))
from amicus_docx import add_style, new_document, para, running_footer, running_header, save, set_properties  # noqa: E402

NAME = "{{ applicant.name }}"


def build(path, *, body, header, footer, note, comment, title):
    doc = new_document()
    add_style(doc, "Body")
    p = para(doc, body, "Body")
    if note:
        para(doc, "Note here.{{ footnote('" + note + "') }}", "Body")
    if comment:
        doc.add_comment(p.runs, text=comment, author="Amicus", initials="A")
    running_header(doc, header, style="Body")
    running_footer(doc, footer, style="Body", page_words=None)
    set_properties(doc, title=title, subject="", comments="")
    save(doc, os.path.join(HERE, path), odt=False)


build("names-everywhere.docx", body="Applicant: " + NAME, header="Header: " + NAME, footer="Footer: " + NAME,
      note="About ' ~ applicant.name ~ '.", comment="Comment on " + NAME, title="Title: " + NAME)
plain = dict(body="Applicant: " + NAME, header="Header", footer="Footer", note=None, comment=None, title="Title")
for part, key, text in [("header", "header", "Header: Рахмона"), ("footer", "footer", "Footer: Каримовой"),
                        ("footnote", "note", "Рахмоне было отказано"), ("comment", "comment", "Спросить Рахмону"),
                        ("title", "title", "Жалоба Каримовой")]:
    build(f"literal-in-{part}.docx", **{**plain, key: text})
