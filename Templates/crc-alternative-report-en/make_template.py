#!/usr/bin/env python3
"""Build Templates/crc-alternative-report-en/template.docx and template.odt.

An NGO alternative report to the UN Committee on the Rights of the Child (shared/reference/filings.md §1;
filings-verified.md §1–2): cover information (country, session and pre-sessional working group, treaties
covered, submitting NGO(s), contact person, whether it may be published), contents, an introduction on the
NGO's mandate, then the issues grouped by the clusters of the Committee's reporting guidelines (CRC/C/58/Rev.3),
with paragraphs numbered 1, 2, 3 … through the whole report, earlier concluding observations cited inline by
symbol and paragraph, sources in footnotes, and at the end the heading "Annexes".

`report.procedure` switches the ending of each issue: input for a list of issues prior to reporting (LOIPR,
comprehensive or thematic) asks QUESTIONS, never recommendations; input on the State party's report, and a
standard-procedure alternative report, PROPOSE RECOMMENDATIONS for the concluding observations (with questions
for the dialogue before them when the case data gives some).

Cluster headings print the letter and title only. The article lists of the clusters in Rev.3 are unverified
(filings-verified.md §2), so the articles shown are those the case data gives for each issue.

Run with the project's venv:  .build-venv/bin/python Templates/crc-alternative-report-en/make_template.py
The output is deterministic (fixed properties and zip timestamps).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import intl_filing as intl  # noqa: E402
from intl_filing import control, para, page_break  # noqa: E402

OUT = os.path.join(HERE, "template.docx")

COUNTRY = "{{ " + intl.state_name("report.country") + " }}"

# Cluster titles of CRC/C/58/Rev.3 (document confirmed; filings.md §1). Letters and titles only.
CLUSTERS = {
    "A": "General measures of implementation",
    "B": "Definition of the child",
    "C": "General principles",
    "D": "Civil rights and freedoms",
    "E": "Violence against children",
    "F": "Family environment and alternative care",
    "G": "Disability, basic health and welfare",
    "H": "Education, leisure and cultural activities",
    "I": "Special protection measures",
}
CLUSTER_TITLE = intl.jinja_dict(CLUSTERS) + "[k.cluster]"

LOIPR = "report.procedure in ['loipr-comprehensive', 'loipr-thematic']"

PROCEDURE_LABEL = (
    "{% if report.procedure == 'loipr-comprehensive' %}Input for the list of issues prior to reporting "
    "(comprehensive submission)"
    "{% elif report.procedure == 'loipr-thematic' %}Input for the list of issues prior to reporting "
    "(thematic submission)"
    "{% elif report.procedure == 'state-report' %}Written input on the report of the State party"
    "{% else %}Alternative report under the standard reporting procedure{% endif %}")

ORG = "{{ organisation.name }}"
ORG_SHORT = "{{ organisation.short_name }}"
WE_SUBMIT = ("{% if organisation.members is defined and organisation.members %}submit{% else %}submits"
             "{% endif %}")


def build(path=OUT):
    doc = intl.new_intl_document(margins_cm=(2.5, 2.5, 2.5, 2.5), line=1.15)
    num = intl.add_outline_numbering(doc, "paragraphs")
    annex_num = intl.add_numbering(doc, ["annexes"], hanging=True)["annexes"]

    # ---- cover ----------------------------------------------------------------------------------
    para(doc, ORG, "Amicus Subtitle")
    control(doc, "{%p if organisation.members is defined and organisation.members %}", "Amicus Subtitle")
    para(doc, "with {% for m in organisation.members %}{{ m }}"
              "{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}",
         "Amicus Subtitle")
    control(doc, "{%p endif %}", "Amicus Subtitle")
    p = para(doc, "ALTERNATIVE REPORT TO THE COMMITTEE ON THE RIGHTS OF THE CHILD", "Amicus Title")
    p.paragraph_format.space_before = intl.Pt(36)
    para(doc, COUNTRY, "Amicus Title")
    para(doc, PROCEDURE_LABEL, "Amicus Subtitle")
    control(doc, "{%p if report.title is defined %}", "Amicus Subtitle")
    para(doc, "{{ report.title }}", "Amicus Subtitle", runs=[("{{ report.title }}", {"italic": True})])
    control(doc, "{%p endif %}", "Amicus Subtitle")

    rows = [
        ("Country", COUNTRY),
        ("Committee session", "{{ report.session }}"),
        ("Pre-sessional working group", "{{ report.pswg }}"),
        ("Treaties covered", "{{ report.treaties|join('; ') }}"),
        ("Submitted by", ORG + "{% if organisation.members is defined and organisation.members %}, with "
                         "{{ organisation.members|join(', ') }}{% endif %}"),
        ("Contact person", "{{ organisation.contact_person }}, {{ organisation.email }}"
                           "{% if organisation.phone is defined %}, {{ organisation.phone }}{% endif %}"),
        ("Publication", "{% if report.may_publish %}The submitting organisation"
                        "{% if organisation.members is defined and organisation.members %}s agree{% else %} agrees"
                        "{% endif %} that this report may be published on the Committee's web page."
                        "{% else %}Confidential: not to be published.{% endif %}"),
        ("Date", "{{ report.date|date('long') }}"),
    ]
    t = intl.table(doc, [5.0, 11.0], ["", ""], [list(r) for r in rows],
                   head_style="Amicus Table Head", cell_style="Amicus Table", repeat_header=False)
    t._tbl.remove(t.rows[0]._tr)  # no heading row: a two-column list of fields
    for row in t.rows:
        for r in row.cells[0].paragraphs[0].runs:
            r.bold = True
    page_break(doc, "Amicus Body")

    # ---- contents -------------------------------------------------------------------------------
    para(doc, "Contents", "Amicus Heading 1")
    para(doc, "I. Introduction", "Amicus Contents")
    para(doc, "II. {% if " + LOIPR + " %}Issues and suggested questions{% else %}Issues and proposed "
              "recommendations{% endif %}", "Amicus Contents")
    control(doc, "{%p for k in report.clusters|sort(attribute='cluster') %}", "Amicus Contents")
    p = para(doc, "{{ k.cluster }}. {{ " + CLUSTER_TITLE + " }}", "Amicus Contents")
    p.paragraph_format.left_indent = intl.Cm(1.8)
    control(doc, "{%p endfor %}", "Amicus Contents")
    para(doc, "Annexes", "Amicus Contents")

    # ---- I. introduction ------------------------------------------------------------------------
    para(doc, "I. Introduction", "Amicus Heading 1")
    para(doc,
         ORG + "{% if organisation.members is defined and organisation.members %} and "
         "{{ organisation.members|join(', ') }}{% endif %} " + WE_SUBMIT + " this "
         "{% if " + LOIPR + " %}information for the list of issues that the Committee will adopt before "
         "receiving the next report of " + COUNTRY + ". The submission follows the clusters of the Committee's "
         "reporting guidelines as far as possible; for each issue it gives brief context and suggests questions "
         "the Committee may wish to put to the State party."
         "{% elif report.procedure == 'state-report' %}information on the "
         "{% if report.state_report is defined %}{{ report.state_report }}{% else %}report{% endif %} of "
         + COUNTRY + ". It completes and "
         "comments on the report, following the clusters of the Committee's reporting guidelines, and "
         "proposes recommendations for the Committee's concluding observations."
         "{% else %}alternative report on " + COUNTRY + "{% if report.state_report is defined %}, for the "
         "Committee's review of the {{ report.state_report }}{% endif %}. It follows the clusters of the "
         "Committee's reporting "
         "guidelines and proposes recommendations for the Committee's concluding observations.{% endif %}",
         "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "m in organisation.mandate", intl.para_item("m"), num)
    control(doc, "{%p if report.introduction is defined %}", "Amicus Numbered")
    intl.loop_paragraphs(doc, "x in report.introduction", intl.para_item("x"), num)
    control(doc, "{%p endif %}", "Amicus Numbered")
    para(doc,
         "Children are referred to by initials only, and details that could identify them or their families "
         "have been changed. {% if report.may_publish %}The report may be published.{% else %}The report is "
         "submitted in confidence and is not to be published.{% endif %}",
         "Amicus Numbered", num_id=num)

    # ---- II. issues by cluster -------------------------------------------------------------------
    para(doc, "II. {% if " + LOIPR + " %}Issues and suggested questions{% else %}Issues and proposed "
              "recommendations{% endif %}", "Amicus Heading 1")
    control(doc, "{%p for k in report.clusters|sort(attribute='cluster') %}", "Amicus Body")
    para(doc, "{{ k.cluster }}. {{ " + CLUSTER_TITLE + " }}", "Amicus Heading 2")
    control(doc, "{%p for i in k.issues %}", "Amicus Body")
    para(doc, "{{ i.title }}{% if i.articles is defined %} ({{ i.articles }}){% endif %}", "Amicus Heading 3")
    intl.loop_paragraphs(doc, "x in i.paragraphs", intl.para_item("x"), num)

    # earlier concluding observations, cited inline by symbol and paragraph
    control(doc, "{%p if i.previous is defined %}", "Amicus Numbered")
    control(doc, "{%p for r in i.previous %}", "Amicus Numbered")
    para(doc,
         "In its previous concluding observations the Committee recommended that the State party {{ r.text }} "
         "({{ r.symbol }}{% if r.para is defined %}, para. {{ r.para }}{% endif %})."
         "{% if r.follow_up is defined %} {{ r.follow_up }}{% endif %}",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p if r.check is defined %}", "Amicus Numbered")
    para(doc, "[Drafting note, delete before filing: {{ r.check }}]", "Amicus Drafting Note")
    control(doc, "{%p endif %}", "Amicus Numbered")
    control(doc, "{%p endfor %}", "Amicus Numbered")
    control(doc, "{%p endif %}", "Amicus Numbered")

    # LOIPR: questions only. Otherwise: questions for the dialogue (if any), then recommendations.
    control(doc, "{%p if " + LOIPR + " %}", "Amicus Numbered")
    para(doc, ORG_SHORT + " suggests that the Committee ask the State party:", "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "q in i.questions", "{{ q }}", num, ilvl=1)
    control(doc, "{%p else %}", "Amicus Numbered")
    control(doc, "{%p if i.questions is defined and i.questions %}", "Amicus Numbered")
    para(doc, ORG_SHORT + " suggests that the Committee raise the following questions in the dialogue with the "
              "State party:", "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "q in i.questions", "{{ q }}", num, ilvl=1)
    control(doc, "{%p endif %}", "Amicus Numbered")
    para(doc, ORG_SHORT + " proposes that the Committee recommend that the State party:", "Amicus Numbered",
         num_id=num)
    intl.loop_paragraphs(doc, "r in i.recommendations", "{{ r }}" + intl.end_item("r"), num, ilvl=1)
    control(doc, "{%p endif %}", "Amicus Numbered")

    control(doc, "{%p endfor %}", "Amicus Body")
    control(doc, "{%p endfor %}", "Amicus Body")

    # ---- annexes (not counted in the word limit) ---------------------------------------------------
    para(doc, "Annexes", "Amicus Heading 1")
    control(doc, "{%p if report.annexes is defined and report.annexes %}", "Amicus Body")
    intl.loop_paragraphs(doc, "a in report.annexes",
                         "{{ a.title }}{% if a.description is defined %}. {{ a.description }}{% else %}.{% endif %}",
                         annex_num, style="Amicus Body")
    control(doc, "{%p else %}", "Amicus Body")
    para(doc, "None.", "Amicus Body")
    control(doc, "{%p endif %}", "Amicus Body")

    intl.running_header(doc, ORG_SHORT + " – alternative report on " + COUNTRY + " – Committee on the Rights of "
                        "the Child", style="Amicus Running", align="right")
    intl.running_footer(doc, "", style="Amicus Running", page_words=None)
    intl.set_properties(doc, title="Alternative report to the Committee on the Rights of the Child",
                        subject="NGO alternative report (CRC)",
                        comments="Prepared with Amicus, template crc-alternative-report-en",
                        keywords="CRC; alternative report; LOIPR")
    return intl.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
