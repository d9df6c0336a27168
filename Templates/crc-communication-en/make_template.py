#!/usr/bin/env python3
"""Build Templates/crc-communication-en/template.docx and template.odt.

An individual communication to the UN Committee on the Rights of the Child under the Optional Protocol to
the Convention on the Rights of the Child on a communications procedure (OP3, "OPIC"), laid out on the fields
of the OHCHR model complaint form common to the treaty bodies (shared/reference/filings.md §3): the Committee,
the State party, the author, the alleged victim(s) by initials, counsel; the yes/no questions (names withheld
in the published decision, another international procedure, interim measures); the facts including domestic
remedies; the articles of the Convention breached; the remedies sought; interim measures under art. 6 of the
Protocol in a separate section when requested; the documents attached. Sources go in footnotes.

Admissibility points the document states (filings.md §3, filings-verified.md §3, deadlines.md §5): remedies
exhausted; the matter not examined under another procedure; facts after the entry into force of the Protocol
for the State party (art. 20 (2)); one year from exhaustion (art. 7 (h) — its wording and the way the year is
counted are unverified, so the document carries a drafting note to check them).

Run with the project's venv:  .build-venv/bin/python Templates/crc-communication-en/make_template.py
The output is deterministic (fixed properties and zip timestamps).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import intl_filing as intl  # noqa: E402
from intl_filing import control, para, field  # noqa: E402

OUT = os.path.join(HERE, "template.docx")

STATE = "{{ " + intl.state_name("respondent_state") + " }}"
HER = "{% if applicant.sex == 'f' %}her{% else %}his{% endif %}"
PARENT = ("{% if children|rejectattr('relationship', 'equalto', 'ward')|list %}"
          "{% if applicant.sex == 'f' %}mother{% else %}father{% endif %}{% else %}guardian{% endif %}")
ROMAN = "['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']"
# A section heading numbered by a counter, so that the optional interim-measures section does not leave a gap.
def section(title):
    return "{{ R[sec.n] }}. " + title + "{% set sec.n = sec.n + 1 %}"


VICTIMS = ("{% for c in children %}{{ c.initials_en }}"
           "{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}")
ARTICLES = ("{% for c in communication.complaints %}{{ c.article }}"
            "{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}")

DECISION = ("On {{ d.date|date('long') }} the {{ d.authority_en }}"
            "{% if d.case_no is defined %} (case no. {{ d.case_no }}){% endif %} {{ d.summary_en }}.")

SIGNATORY = ("{% if signature.signatory == 'applicant' %}{{ applicant.name.latin }}{% else %}"
             "{{ representative.name_en }}{% endif %}")
SIGNATORY_ROLE = ("{% if signature.signatory == 'applicant' %}Author of the communication{% else %}"
                  "Counsel for the author and the alleged victim" + "{% if children|length > 1 %}s{% endif %}"
                  "{% endif %}")

CONSENT = ("{% if c.consent_to_complaint == 'given' %}has consented to this communication being submitted on "
           "{% if c.relationship == 'daughter' %}her{% elif c.relationship == 'son' %}his{% else %}their{% endif %} "
           "behalf{% elif c.consent_to_complaint == 'not_required' %}is too young to give an informed consent; "
           "the author acts as {% if c.relationship == 'daughter' %}her{% elif c.relationship == 'son' %}his"
           "{% else %}their{% endif %} " + PARENT + "{% else %}has not given consent, for the reason stated "
           "below{% endif %}"
           "{% if c.consent_note is defined %}. {{ c.consent_note }}{% else %}.{% endif %}")


def build(path=OUT):
    doc = intl.new_intl_document(margins_cm=(2.5, 2.5, 2.5, 2.5), line=1.15)
    num = intl.add_outline_numbering(doc, "paragraphs")
    docs = intl.add_numbering(doc, ["documents"], hanging=True)["documents"]  # "Document 9" = 9th item

    control(doc, "{%p set R = " + ROMAN + " %}", "Amicus Body")
    control(doc, "{%p set sec = namespace(n=0) %}", "Amicus Body")
    para(doc, "COMMUNICATION TO THE COMMITTEE ON THE RIGHTS OF THE CHILD", "Amicus Title")
    para(doc, "submitted under the Optional Protocol to the Convention on the Rights of the Child on a "
              "communications procedure", "Amicus Subtitle")
    para(doc, "Date of the communication: {{ communication.date|date('long') }}", "Amicus Subtitle")

    # ---- I. information -------------------------------------------------------------------------
    para(doc, section("Information on the communication"), "Amicus Heading 1")
    field(doc, "Committee:", "Committee on the Rights of the Child")
    field(doc, "State party:", STATE)
    field(doc, "Author of the communication:",
          "{{ applicant.name.latin }}, born on {{ applicant.birth_date|date('long') }}, a national of "
          + intl.nationalities("applicant.citizenship") + "; address: {{ applicant.address_en }}. The author is "
          "the " + PARENT + " of the alleged victim{% if children|length > 1 %}s{% endif %} and submits the "
          "communication on their behalf.")
    field(doc, "Alleged victim{% if children|length > 1 %}s{% endif %}:", "")
    control(doc, "{%p for c in children %}", "Amicus Field")
    para(doc,
         "{{ c.initials_en }}, {% if c.relationship == 'daughter' %}a girl{% elif c.relationship == 'son' %}"
         "a boy{% else %}a child in the author's care{% endif %} born on {{ c.birth_date|date('long') }}, a "
         "national of " + intl.nationalities("c.citizenship") + ", " + CONSENT,
         "Amicus Contents")
    control(doc, "{%p endfor %}", "Amicus Field")
    field(doc, "Counsel:",
          "{{ representative.name_en }}{% if representative.status == 'advokat' %}, advocate"
          "{% elif representative.status == 'lawyer' %}, lawyer{% elif representative.status == 'ngo_staff' %}, "
          "lawyer of a non-governmental organisation{% endif %}; {{ representative.address_en }}; telephone "
          "{{ representative.phone }}; e-mail {{ representative.email }}. A signed authorisation is attached.")

    # ---- II. questions ----------------------------------------------------------------------------
    para(doc, section("Questions of the model form"), "Amicus Heading 1")
    field(doc, "Should the names of the author and of the alleged victims be withheld from the Committee's "
               "published decision?",
          intl.yes_no("communication.anonymity") +
          "{% if communication.anonymity %}. The author asks that only initials be used.{% else %}.{% endif %}")
    field(doc, "Has the same matter been examined, or is it being examined, under another procedure of "
               "international investigation or settlement?",
          "{% if communication.other_procedure is defined %}Yes. {{ communication.other_procedure }}"
          "{% else %}No.{% endif %}")
    field(doc, "Are interim measures requested?",
          "{% if communication.interim_measures is defined %}Yes: see section {{ R[5] }} (article 6 of the "
          "Optional Protocol).{% else %}No.{% endif %}")

    # ---- III. facts -------------------------------------------------------------------------------
    para(doc, section("Facts"), "Amicus Heading 1")
    intl.loop_paragraphs(doc, "f in communication.facts", intl.para_item("f"), num)

    # ---- IV. domestic remedies and admissibility ----------------------------------------------------
    para(doc, section("Exhaustion of domestic remedies and other admissibility requirements"),
         "Amicus Heading 1")
    para(doc, "Domestic decisions", "Amicus Heading 3")
    intl.loop_paragraphs(doc, "d in communication.decisions", DECISION, num)
    intl.loop_paragraphs(doc, "e in communication.exhaustion", intl.para_item("e"), num)
    para(doc, "Time limit", "Amicus Heading 3")
    control(doc, "{%p set finals = communication.decisions|selectattr('final')|list %}", "Amicus Numbered")
    control(doc, "{%p if finals %}", "Amicus Numbered")
    para(doc,
         "{% set fd = finals|last %}{% set year_later = '%04d-%02d-%02d'|format(fd.date.year + 1, "
         "fd.date.month, fd.date.day) %}"
         "The final domestic decision is that of the {{ fd.authority_en }} of {{ fd.date|date('long') }}. "
         "This communication is submitted on {{ communication.date|date('long') }}"
         "{% if communication.date < year_later %}, within one year of that decision{% endif %}."
         "{{ footnote('Optional Protocol, article 7 (h): a communication submitted more than one year after "
         "the exhaustion of domestic remedies is inadmissible, unless the author shows that it could not be "
         "submitted within that time.') }}",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p if not (communication.date < year_later) %}", "Amicus Numbered")
    para(doc,
         "[Drafting note: more than a year has passed since the final decision. Explain why the communication "
         "could not be submitted earlier, or do not file.]", "Amicus Drafting Note")
    control(doc, "{%p endif %}", "Amicus Numbered")
    control(doc, "{%p else %}", "Amicus Numbered")
    para(doc,
         "No final domestic decision has been taken. {{ communication.no_final_decision }}",
         "Amicus Numbered", num_id=num)
    control(doc, "{%p endif %}", "Amicus Numbered")
    para(doc,
         "[Drafting note, delete before filing: the wording of article 7 (h) of the Optional Protocol and the "
         "way the Committee counts the year (first day, last day on a holiday) have not been verified against "
         "the Protocol and the Committee's rules of procedure. Check them before relying on this paragraph.]",
         "Amicus Drafting Note")
    para(doc, "Other requirements", "Amicus Heading 3")
    para(doc,
         "The facts complained of took place after the Optional Protocol entered into force for the State "
         "party{% if communication.facts_continue is defined %}, or continue after that date: "
         "{{ communication.facts_continue }}{% else %}.{% endif %}"
         "{{ footnote('Optional Protocol, article 20 (2).') }}",
         "Amicus Numbered", num_id=num)
    para(doc,
         "{% if communication.other_procedure is defined %}The same matter has been submitted to another "
         "procedure of international investigation or settlement: {{ communication.other_procedure }}"
         "{% else %}The same matter has not been examined, and is not being examined, under another procedure "
         "of international investigation or settlement.{% endif %} The communication is not anonymous; it is "
         "made in writing and on behalf of the alleged victim{% if children|length > 1 %}s{% endif %} as stated "
         "in section {{ R[0] }}.",
         "Amicus Numbered", num_id=num)

    # ---- V. violations ----------------------------------------------------------------------------
    para(doc, section("Violations of the Convention"), "Amicus Heading 1")
    control(doc, "{%p for c in communication.complaints %}", "Amicus Body")
    para(doc, "Article {{ c.article }}{% if c.title is defined %}: {{ c.title }}{% endif %}", "Amicus Heading 2")
    intl.loop_paragraphs(doc, "x in c.paragraphs", intl.para_item("x"), num)
    control(doc, "{%p endfor %}", "Amicus Body")

    # ---- VI. interim measures (only when requested) ----------------------------------------------
    control(doc, "{%p if communication.interim_measures is defined %}", "Amicus Body")
    para(doc, section("Request for interim measures (article 6 of the Optional Protocol)"), "Amicus Heading 1")
    intl.loop_paragraphs(doc, "g in communication.interim_measures.grounds", intl.para_item("g"), num)
    para(doc,
         "The harm described above would be irreparable. The author therefore asks the Committee, under "
         "article 6 of the Optional Protocol, to request the State party, as a matter of urgency and while the "
         "communication is under consideration, to:", "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "m in communication.interim_measures.measures", "{{ m }}" + intl.end_item("m"), num,
                         ilvl=1)
    control(doc, "{%p endif %}", "Amicus Body")

    # ---- VII. remedies ----------------------------------------------------------------------------
    para(doc, section("Remedies sought"), "Amicus Heading 1")
    para(doc,
         "The author asks the Committee to find that the State party has violated the rights of " + VICTIMS +
         " under article{% if communication.complaints|length > 1 %}s{% endif %} " + ARTICLES +
         " of the Convention, and to recommend that the State party:", "Amicus Numbered", num_id=num)
    intl.loop_paragraphs(doc, "r in communication.remedies", "{{ r }}" + intl.end_item("r"), num, ilvl=1)

    # ---- VIII. documents ----------------------------------------------------------------------------
    para(doc, section("Documents attached"), "Amicus Heading 1")
    intl.loop_paragraphs(doc, "d in communication.documents",
                         "{{ d.title }}, {{ d.date|date('long') }}"
                         "{% if d.pages is defined %} ({{ d.pages|plural('page', 'pages') }}){% endif %}"
                         + intl.end_item(), docs)

    para(doc, "{{ communication.date|date('long') }}", "Amicus Signature")
    p = para(doc, "_______________________", "Amicus Signature")
    p.paragraph_format.space_before = intl.Pt(24)
    para(doc, SIGNATORY, "Amicus Signature")
    para(doc, SIGNATORY_ROLE, "Amicus Signature")

    intl.running_header(doc, "Communication to the Committee on the Rights of the Child – " + STATE,
                        style="Amicus Running", align="right")
    intl.running_footer(doc, "", style="Amicus Running", page_words=("Page", "of"))
    intl.set_properties(doc, title="Communication to the Committee on the Rights of the Child",
                        subject="Individual communication under the Optional Protocol on a communications "
                                "procedure (OP3-CRC)",
                        comments="Prepared with Amicus, template crc-communication-en",
                        keywords="CRC; OP3; OPIC; communication")
    return intl.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
