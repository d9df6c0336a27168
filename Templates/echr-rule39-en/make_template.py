#!/usr/bin/env python3
"""Build Templates/echr-rule39-en/template.docx and template.odt.

Two documents in one file, for the European Court of Human Rights:

1. (only when the case file has `removal`) a request for an interim measure under Rule 39 of the Rules of
   Court, with the bold heading "Rule 39 – Urgent", the person to contact, the scheduled date and time of
   removal and the destination, the place of detention, the risk, the Convention articles, the domestic
   decisions with their references and the measures asked for; it ends with a page break;
2. the annex to the application form: statement of the facts (Section E of the form), alleged violations
   article by article (Section F), compliance with Article 35 § 1 for each complaint and the time limit
   (Section G), and the numbered chronological list of documents with bundle pages (Section I).

Sources: shared/reference/filings.md §2 (Rule 47, form sections, Rule 39 request and channels, Russia),
deadlines.md §4 (four/six months, start of the period, Russia). Typography: A4, 12 pt, footnotes 10 pt,
1.5 line spacing, margins 3.5 cm left and right (PD on written pleadings §11 — unverified, filings-verified.md
§6 — followed as a safe default), numbered paragraphs and pages.

Run with the project's venv:  .build-venv/bin/python Templates/echr-rule39-en/make_template.py
The output is deterministic (fixed properties and zip timestamps).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import intl_filing as intl  # noqa: E402
from intl_filing import control, para, page_break, field  # noqa: E402

OUT = os.path.join(HERE, "template.docx")

STATE = "{{ " + intl.state_name("respondent_state", intl.STATE_NAMES_ECTHR) + " }}"
CASE_TITLE = ("{% if applicant.name.surname_latin is defined %}{{ applicant.name.surname_latin }}"
              "{% else %}{{ applicant.name.latin }}{% endif %} v. " + STATE)
SHE = "{% if applicant.sex == 'f' %}she{% else %}he{% endif %}"
HER = "{% if applicant.sex == 'f' %}her{% else %}his{% endif %}"
SHE_C = "{% if applicant.sex == 'f' %}She{% else %}He{% endif %}"

REP_STATUS = ("{% if representative.status == 'advokat' %}advocate"
              "{% elif representative.status == 'lawyer' %}lawyer"
              "{% elif representative.status == 'ngo_staff' %}lawyer of a non-governmental organisation"
              "{% else %}relative of the applicant{% endif %}")

# "10 February 2016 at 09:30" when the time is known, "10 February 2016 (time not known)" otherwise.
SCHEDULED = ("{% if removal.scheduled.hour is defined %}{{ removal.scheduled|date('%e %B %Y at %H:%M') }}"
             "{% else %}{{ removal.scheduled|date('long') }} (time not known){% endif %}")

CHANNEL = ("{% if removal.channel == 'rule39-site' %}through the ECHR Rule 39 Site (https://r39.echr.coe.int)"
           "{% elif removal.channel == 'fax' %}by fax to +33 3 90 21 43 50 / +33 3 88 41 39 00"
           "{% else %}by post{% endif %}")

# A list of strings joined "A, B and C".
def and_join(list_expr, var="a"):
    return ("{% for " + var + " in " + list_expr + " %}{{ " + var + " }}"
            "{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}")


DECISION = ("On {{ d.date|date('long') }} the {{ d.authority_en }}"
            "{% if d.case_no is defined %} (case no. {{ d.case_no }}){% endif %} {{ d.summary_en }}.")

SIGNATORY = ("{% if signature.signatory == 'applicant' %}{{ applicant.name.latin }}{% else %}"
             "{{ representative.name_en }}{% endif %}")
SIGNATORY_ROLE = ("{% if signature.signatory == 'applicant' %}Applicant{% else %}"
                  "Representative of the applicant{% endif %}")


def signature(doc):
    para(doc, "{{ ecthr.date|date('long') }}", "Amicus Signature")
    p = para(doc, "_______________________", "Amicus Signature")
    p.paragraph_format.space_before = intl.Pt(24)
    para(doc, SIGNATORY, "Amicus Signature")
    para(doc, SIGNATORY_ROLE, "Amicus Signature")


def build_rule39(doc, num):
    control(doc, "{%p if removal %}", "Amicus Body")
    para(doc, "Rule 39 – Urgent", "Amicus Urgent")
    field(doc, "Person to contact (name and contact details):",
          "{{ representative.name_en }}, " + REP_STATUS +
          "{% if representative.address_en is defined %}, {{ representative.address_en }}{% endif %}; "
          "telephone {{ representative.phone }}"
          "{% if representative.fax is defined %}; fax {{ representative.fax }}{% endif %}; "
          "e-mail {{ representative.email }}")
    field(doc, "Scheduled date and time of removal and destination:",
          "{% if removal.scheduled is defined %}" + SCHEDULED + "{% else %}not yet known{% endif %}; "
          "destination: {{ removal.destination }}")
    field(doc, "Sent:", CHANNEL + ", on {{ ecthr.date|date('long') }}")

    para(doc, "REQUEST FOR AN INTERIM MEASURE UNDER RULE 39 OF THE RULES OF COURT", "Amicus Title")
    para(doc, CASE_TITLE, "Amicus Subtitle")
    para(doc, "{% if ecthr.application_no is defined %}Application no. {{ ecthr.application_no }}"
              "{% else %}Application not yet registered{% endif %}", "Amicus Subtitle")

    para(doc, "A. The applicant", "Amicus Heading 1")
    para(doc,
         "The applicant, {{ applicant.name.latin }}, is a national of "
         + intl.nationalities("applicant.citizenship") + ", born on {{ applicant.birth_date|date('long') }}."
         "{% if children %} This request also concerns "
         "{% for c in children %}" + HER + " {% if c.relationship == 'ward' %}ward{% else %}{{ c.relationship }}{% endif %} "
         "{{ c.initials_en }}, born on {{ c.birth_date|date('long') }}"
         "{% if loop.revindex == 2 %}, and {% elif not loop.last %}, {% endif %}{% endfor %}.{% endif %}",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p if detention %}", "Amicus Numbered")
    para(doc,
         SHE_C + " has been held at {{ detention.facility_en }}"
         "{% if detention.address_en is defined %}, {{ detention.address_en }}{% endif %}, "
         "since {{ detention.start|date('long') }}.",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p endif %}", "Amicus Numbered")

    para(doc, "B. Scheduled removal", "Amicus Heading 1")
    para(doc,
         "{% if removal.scheduled is defined %}The applicant is due to be removed to {{ removal.destination }} "
         "on " + SCHEDULED + ".{% else %}No date of removal has been notified: the applicant may be removed "
         "to {{ removal.destination }} at any moment.{% endif %}"
         "{% if removal.details is defined %} {{ removal.details }}{% endif %}",
         "Amicus Numbered", num_id=num)

    para(doc, "C. Nature of the risk and why the harm would be irreparable", "Amicus Heading 1")
    intl.loop_paragraphs(doc, "r in removal.risk", intl.para_item("r"), num)

    para(doc, "D. Articles of the Convention relied on", "Amicus Heading 1")
    para(doc, "The applicant relies on " + and_join("removal.articles") + " of the Convention.",
         "Amicus Numbered", num_id=num)

    para(doc, "E. Domestic proceedings", "Amicus Heading 1")
    intl.loop_paragraphs(doc, "d in ecthr.decisions", DECISION, num)
    control(doc, "{%p if not (ecthr.decisions|selectattr('final')|list) %}", "Amicus Numbered")
    para(doc,
         "No final domestic decision has yet been taken. {{ ecthr.pending }} Because the applicant "
         "may be removed before that decision, this request is made now. It is conditional on the outcome "
         "of those proceedings, and the Court will be informed of that outcome at once.",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p endif %}", "Amicus Numbered")

    para(doc, "F. Interim measures requested", "Amicus Heading 1")
    para(doc, "The applicant asks the Court to indicate to the Government of " + STATE +
              ", under Rule 39 of the Rules of Court:", "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "m in removal.measures", "{{ m }}" + intl.end_item("m"), num, ilvl=1)

    para(doc, "G. Documents and further information", "Amicus Heading 1")
    para(doc,
         "Copies of the decisions referred to above and of the other documents listed in Section IV of the "
         "annex to the application are enclosed.", "Amicus Numbered", num_id=num)
    para(doc,
         "The applicant's representative will inform the Court at once of any change in the applicant's "
         "situation, in particular a new date of removal, a release or a new domestic decision.",
         "Amicus Numbered", num_id=num)
    signature(doc)
    page_break(doc, "Amicus Body")
    control(doc, "{%p endif %}", "Amicus Body")


def build_annex(doc, num):
    para(doc, CASE_TITLE, "Amicus Subtitle")
    para(doc, "{% if ecthr.application_no is defined %}Application no. {{ ecthr.application_no }}"
              "{% else %}New application{% endif %}", "Amicus Subtitle")
    para(doc, "ANNEX TO THE APPLICATION FORM", "Amicus Title")
    para(doc, "Statement of the facts, alleged violations of the Convention, compliance with Article 35 § 1 "
              "of the Convention, and list of documents", "Amicus Subtitle")
    para(doc,
         "This annex supplements Sections E, F, G and I of the application form (Rule 47 § 2 of the Rules "
         "of Court). It does not replace them: the form itself sets out the facts, the complaints and "
         "compliance with the admissibility criteria.", "Amicus Body")

    para(doc, "I. STATEMENT OF THE FACTS", "Amicus Heading 1")
    intl.loop_paragraphs(doc, "f in ecthr.facts", intl.para_item("f"), num)

    para(doc, "II. ALLEGED VIOLATIONS OF THE CONVENTION", "Amicus Heading 1")
    control(doc, "{%p for c in ecthr.complaints %}", "Amicus Body")
    para(doc, "{{ c.article }}{% if c.title is defined %}: {{ c.title }}{% endif %}", "Amicus Heading 2")
    intl.loop_paragraphs(doc, "x in c.paragraphs", intl.para_item("x"), num)
    control(doc, "{%p endfor %}", "Amicus Body")

    para(doc, "III. COMPLIANCE WITH ARTICLE 35 § 1 OF THE CONVENTION", "Amicus Heading 1")
    para(doc, "A. Exhaustion of domestic remedies", "Amicus Heading 2")
    control(doc, "{%p for c in ecthr.complaints %}", "Amicus Numbered")
    para(doc, style="Amicus Numbered", num_id=num, runs=[
        ("{{ c.article }}. ", {"bold": True}), ("{{ c.exhaustion }}", {})])
    control(doc, "{%p endfor %}", "Amicus Numbered")

    para(doc, "B. Time limit", "Amicus Heading 2")
    control(doc, "{%p set finals = ecthr.decisions|selectattr('final')|list %}", "Amicus Numbered")
    control(doc, "{%p if finals %}", "Amicus Numbered")
    para(doc,
         "{% set fd = finals|last %}The final domestic decision is that of the {{ fd.authority_en }} of "
         "{{ fd.date|date('long') }}{% if fd.case_no is defined %} (case no. {{ fd.case_no }}){% endif %}, "
         "brought to the applicant's notice on {{ fd.served_on|date('long') }}. "
         "{% if fd.date >= '2022-02-01' %}As that decision was taken on or after 1 February 2022, the "
         "time limit is four months{% elif ecthr.date >= '2022-02-01' %}As that decision was taken before "
         "1 February 2022, the time limit is six months{% else %}The time limit is six months{% endif %}, "
         "counted from the day after the decision was brought to the applicant's notice; no extension is "
         "given for weekends or holidays."
         "{% if ecthr.date >= '2022-02-01' %}{{ footnote('Article 35 § 1 of the Convention as amended by "
         "Article 4 of Protocol No. 15, which applies from 1 February 2022; under Article 8 § 3 of that "
         "Protocol the six-month limit still applies where the final decision was taken before that "
         "date.') }}{% else %}{{ footnote('Article 35 § 1 of the Convention.') }}{% endif %} "
         "The application is lodged on {{ ecthr.date|date('long') }}.",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p else %}", "Amicus Numbered")
    para(doc,
         "No final domestic decision has yet been taken. {{ ecthr.pending }} The applicant will inform the "
         "Court of the final decision as soon as it is given.",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p endif %}", "Amicus Numbered")

    control(doc, "{%p if respondent_state == 'RU' and ecthr.date > '2022-09-16' %}", "Amicus Body")
    para(doc, "C. Jurisdiction ratione temporis", "Amicus Heading 2")
    para(doc,
         "All the facts complained of occurred before 16 September 2022, the date on which the Russian "
         "Federation ceased to be a Party to the Convention. The Court remains competent to deal with "
         "applications concerning acts or omissions that occurred up to that date."
         "{{ footnote('Council of Europe, Committee of Ministers: the Russian Federation ceased to be a Party "
         "to the Convention on 16 September 2022. Resolution of the plenary Court of 22 March 2022: the Court "
         "remains competent for acts or omissions that occurred up to that date.') }}",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p endif %}", "Amicus Body")

    para(doc, "IV. LIST OF DOCUMENTS", "Amicus Heading 1")
    para(doc, "In chronological order; pages as numbered in the bundle of enclosed documents.", "Amicus Body")
    control(doc, "{%p set pg = namespace(n=1) %}", "Amicus Body")
    intl.table(doc, [1.2, 3.2, 7.6, 2.0], ["No.", "Date", "Document", "Pages"], [
        ["{%tr for d in ecthr.documents|sort(attribute='date') %}"],
        [("{{ loop.index }}", "center"), "{{ d.date|date('long') }}", "{{ d.title }}",
         ("{% if d.pages == 1 %}{{ pg.n }}{% else %}{{ pg.n }}–{{ pg.n + d.pages - 1 }}{% endif %}"
          "{% set pg.n = pg.n + d.pages %}", "center")],
        ["{%tr endfor %}"],
    ], head_style="Amicus Table Head", cell_style="Amicus Table")
    signature(doc)


def build(path=OUT):
    doc = intl.new_intl_document(margins_cm=(3.5, 3.5, 2.5, 2.5), line=1.5)
    r39 = intl.add_outline_numbering(doc, "rule39")
    annex = intl.add_outline_numbering(doc, "annex")
    build_rule39(doc, r39)
    build_annex(doc, annex)
    intl.running_header(doc, CASE_TITLE + "{% if ecthr.application_no is defined %} – application no. "
                        "{{ ecthr.application_no }}{% endif %}", style="Amicus Running", align="right")
    intl.running_footer(doc, "", style="Amicus Running", page_words=("Page", "of"))
    intl.set_properties(doc, title="{{ applicant.name.latin }} v. " + STATE,
                        subject="Rule 39 request and annex to the application (ECtHR)",
                        comments="Prepared with Amicus, template echr-rule39-en",
                        keywords="ECtHR; Rule 39; Rule 47; Article 35 § 1")
    return intl.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
