#!/usr/bin/env python3
"""Build Templates/appeal-separation-ru/template.docx and template.odt.

A complaint (ЖАЛОБА) under arts. 30.1–30.3 of the Russian Code of Administrative Offences (КоАП РФ)
against a district court's order under art. 18.8 КоАП РФ that expels a mother and places her in a
special institution for foreign nationals (СУВСИГ), written around the separation from her child.

Run with the project's build venv:

    python3 -m venv .build-venv && .build-venv/bin/pip install -r Benchmarks/requirements.txt
    .build-venv/bin/python Templates/appeal-separation-ru/make_template.py

The shared pieces (page, styles, numbering, header and footer, deterministic zip, the ODT twin) come from
Templates/tools/amicus_docx.py through Templates/tools/ru_filing.py. The output is deterministic: running the
script twice gives byte-identical files.

Template syntax used (docxtpl / Jinja2): {{ }}, {% if/elif/else %}, inline {% for %} with loop.last,
{%p for/if/else %} on whole paragraphs, {%tr for %} on table rows, filters date('short'|'long'),
plural(one, few, many) (which prints the number and the word), length; the functions cite(id, para=...) and
deadline(date, 'koap-30.3'); tests `is defined`.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import ru_filing as ru  # noqa: E402
from ru_filing import Pt, nsdecls, parse_xml  # noqa: E402

OUT = os.path.join(HERE, "template.docx")


def para(doc, text="", style="Amicus Body", num_id=None, runs=None):
    return ru.para(doc, text, style, num_id=num_id, runs=runs)


def control(doc, tag, style="Amicus Body"):
    """A paragraph that holds only a docxtpl structural tag ({%p ... %}); removed on render."""
    return ru.control(doc, tag, style)

# The last day of the appeal period: 10 days (суток before 29.10.2024, дней since) from the day after
# the copy of the order was served (ч. 1 ст. 30.3 КоАП РФ; shared/reference/deadlines.md §1).
LAST_DAY = "deadline(proceedings.decision.served_on, 'koap-30.3')"
# A complaint dated after the last day without `late_filing` must not claim the period was kept.
FAIL_LATE = "{{ fail('the complaint is dated ' ~ signature.date|date('short') ~ ', after the last day of the appeal period (' ~ deadline(proceedings.decision.served_on, 'koap-30.3')|date('short') ~ ', ч. 1 ст. 30.3 КоАП РФ): add late_filing with its reason to ask for the period to be restored (ч. 2 ст. 30.3)') }}"


def split_tag_paragraph(doc):
    """The one deliberately split tag: `{{ applicant.name.cyrillic }}` typed across five runs with
    different run properties and spell-check marks between them, the way Word saves a tag that was
    typed, corrected and spell-checked. All runs are bold, so the visible formatting is uniform; the
    rendered value must keep the formatting of the first run (bold)."""
    p = doc.add_paragraph(style="Amicus Header Block")
    xml = (
        f'<w:r {nsdecls("w")} w:rsidRPr="00A31C01"><w:rPr><w:b/></w:rPr><w:t>{{</w:t></w:r>'
        f'<w:r {nsdecls("w")} w:rsidRPr="00A31C02"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:t xml:space="preserve">{{ applicant.</w:t></w:r>'
        f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'
        f'<w:r {nsdecls("w")} w:rsidRPr="00A31C03"><w:rPr><w:b/><w:lang w:val="en-US"/></w:rPr>'
        f'<w:t>name.cyr</w:t></w:r>'
        f'<w:r {nsdecls("w")} w:rsidRPr="00A31C04"><w:rPr><w:b/><w:noProof/><w:lang w:val="en-US"/></w:rPr>'
        f'<w:t xml:space="preserve">illic }}</w:t></w:r>'
        f'<w:proofErr {nsdecls("w")} w:type="spellEnd"/>'
        f'<w:r {nsdecls("w")} w:rsidRPr="00A31C05"><w:rPr><w:b/></w:rPr><w:t>}}</w:t></w:r>'
    )
    frag = parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>')  # wrap to parse several siblings at once
    for child in list(frag):
        p._p.append(child)
    return p


# --------------------------------------------------------------------------------------------
# the document
# --------------------------------------------------------------------------------------------

INSTRUMENT = (
    "{% if v.instrument == 'echr' %}Конвенции о защите прав человека и основных свобод"
    "{% elif v.instrument == 'crc' %}Конвенции о правах ребёнка"
    "{% elif v.instrument == 'constitution_ru' %}Конституции Российской Федерации"
    "{% elif v.instrument == 'koap' %}КоАП РФ"
    "{% else %}{{ v.instrument }}{% endif %}"
)

SIGNATORY_LABEL = "{% if signature.signatory == 'applicant' %}Заявительница{% else %}Защитник{% endif %}"
SIGNATORY_NAME = ("{% if signature.signatory == 'applicant' %}{{ applicant.name.cyrillic }}"
                  "{% else %}{{ representative.name }}{% endif %}")


def build_header_block(doc):
    para(doc, "В {{ appeal_court.name }}", "Amicus Header Block")
    para(doc, "{{ appeal_court.address }}", "Amicus Header Block")
    control(doc, "{%p if via_first_instance %}", "Amicus Header Block")
    para(doc, "через {{ proceedings.court.name }}", "Amicus Header Block")
    para(doc, "{{ proceedings.court.address }}", "Amicus Header Block")
    control(doc, "{%p endif %}", "Amicus Header Block")

    p = para(doc, "Лицо, в отношении которого ведётся производство по делу об административном "
                  "правонарушении:", "Amicus Header Block")
    p.paragraph_format.space_before = Pt(12)
    split_tag_paragraph(doc)  # {{ applicant.name.cyrillic }}, split across runs
    para(doc, "{{ applicant.birth_date|date('short') }} года рождения, {{ applicant.citizenship_ru }}",
         "Amicus Header Block")
    para(doc, "место содержания: {{ detention.facility }}, {{ detention.address }}", "Amicus Header Block")
    para(doc, "адрес для корреспонденции: {{ applicant.address_postal }}", "Amicus Header Block")

    p = para(doc, style="Amicus Header Block", runs=[
        ("Защитник: ", {"bold": True}),
        ("{{ representative.name }}{% if representative.status == 'advokat' %}, адвокат{% endif %}", {}),
    ])
    p.paragraph_format.space_before = Pt(12)
    para(doc, "{{ representative.address }}", "Amicus Header Block")
    para(doc, "тел.: {{ representative.phone }}, эл. почта: {{ representative.email }}",
         "Amicus Header Block")

    p = para(doc, style="Amicus Header Block", runs=[("Дело № {{ proceedings.case_no }}", {"bold": True})])
    p.paragraph_format.space_before = Pt(12)


def build_title(doc):
    para(doc, "ЖАЛОБА", "Amicus Title")
    para(doc, "на постановление {{ proceedings.court.name_genitive }} от "
              "{{ proceedings.decision.date|date('short') }} по делу № {{ proceedings.case_no }} "
              "об административном правонарушении, предусмотренном {{ proceedings.offence }}",
         "Amicus Subtitle")


def build_intro(doc):
    para(doc,
         "Постановлением {{ proceedings.court.name_genitive }} от "
         "{{ proceedings.decision.date|date('long') }} по делу № {{ proceedings.case_no }} "
         "{{ applicant.name.cyrillic }}{% if applicant.pregnant %}, находящаяся в состоянии "
         "беременности,{% endif %} признана виновной в совершении административного правонарушения, "
         "предусмотренного {{ proceedings.offence }}; {{ proceedings.decision.outcome }}.")
    para(doc,
         "Заявительница — мать {% if children|length > 1 %}малолетних детей{% else %}малолетнего "
         "ребёнка{% endif %}: {% for c in children %}{% if c.relationship == 'daughter' %}дочери"
         "{% elif c.relationship == 'son' %}сына{% else %}ребёнка{% endif %} {{ c.initials }}, "
         "{{ c.birth_date|date('short') }} года рождения{% if not loop.last %}; {% endif %}{% endfor %}. "
         "Помещение матери в специальное учреждение до выдворения разлучило её с "
         "{% if children|length > 1 %}детьми{% else %}ребёнком{% endif %}. Постановление обжалуется "
         "прежде всего в этой части и в части выдворения: суд не учёл наилучшие интересы "
         "{% if children|length > 1 %}детей{% else %}ребёнка{% endif %} и право матери и "
         "{% if children|length > 1 %}детей{% else %}ребёнка{% endif %} на уважение семейной жизни.")
    control(doc, "{%p if via_first_instance %}")
    para(doc,
         "Жалоба подаётся через суд, вынесший постановление (ч. 1 ст. 30.2 КоАП РФ). Поскольку "
         "постановлением назначено административное выдворение, жалоба подлежит направлению в "
         "вышестоящий суд в день её поступления (ч. 2 ст. 30.2 КоАП РФ).")
    control(doc, "{%p else %}")
    para(doc,
         "Жалоба подаётся непосредственно в суд, правомочный её рассматривать (ч. 3 ст. 30.2 КоАП РФ).")
    control(doc, "{%p endif %}")
    control(doc, "{%p if late_filing is defined %}")
    para(doc,
         "Срок обжалования, установленный ч. 1 ст. 30.3 КоАП РФ, пропущен по уважительной причине; "
         "ходатайство о его восстановлении изложено ниже.")
    control(doc, "{%p else %}")
    # The long date ends with «г.», which also ends the sentence. A complaint dated after the last day
    # with no `late_filing` would claim a time limit it has missed: fail() then
    # stops the render with an error that says to add `late_filing`.
    para(doc,
         "Срок обжалования, установленный ч. 1 ст. 30.3 КоАП РФ, не пропущен: копия постановления "
         "получена {{ proceedings.decision.served_on|date('long') }}, последний день срока — "
         "{{ " + LAST_DAY + "|date('long') }}"
         "{% if signature.date > " + LAST_DAY + " %}" + FAIL_LATE + "{% endif %}")
    control(doc, "{%p endif %}")


def build_facts(doc, num_id):
    para(doc, "Обстоятельства дела", "Amicus Section")
    control(doc, "{%p for f in facts %}")
    para(doc, "{{ f }}", "Amicus Numbered", num_id=num_id)
    control(doc, "{%p endfor %}")


def build_timeline(doc):
    para(doc, "Хронология событий", "Amicus Section")
    width_cm = ru.text_width_tw(doc) / 567.0
    ru.table(doc, [1.2, 3.0, width_cm - 4.2], ["№", "Дата", "Событие"], [
        ["{%tr for e in events %}"],
        [("{{ loop.index }}", "center"), "{{ e.date|date('short') }}", "{{ e.description_ru }}"],
        ["{%tr endfor %}"],
    ], head_style="Amicus Table Head", cell_style="Amicus Table")


def build_grounds(doc):
    para(doc, "Правовое обоснование", "Amicus Section")
    para(doc,
         "Назначая выдворение и помещение в специальное учреждение, суд был обязан учесть, что у "
         "заявительницы есть {% if children|length > 1 %}малолетние дети{% else %}малолетний ребёнок"
         "{% endif %}, и оценить, что постановление означает для {% if children|length > 1 %}них"
         "{% else %}него{% endif %}. Этого сделано не было. Постановление не соответствует следующим "
         "нормам.")
    control(doc, "{%p for v in violations %}")
    para(doc, "{{ loop.index }}. {{ v.heading }} ({{ v.article }} " + INSTRUMENT + ")", "Amicus Ground")
    para(doc, "{{ v.argument }}")
    control(doc, "{%p if v.precedents is defined and v.precedents %}")
    para(doc, "Применимая практика:", "Amicus Body")
    control(doc, "{%p for p in v.precedents %}")
    para(doc,
         "— {% if p.para is defined %}{{ cite(p.id, para=p.para) }}{% else %}{{ cite(p.id) }}{% endif %}"
         "{% if p.holding is defined %}: {{ p.holding }}{% endif %}{% if loop.last %}.{% else %};{% endif %}",
         "Amicus Precedent")
    control(doc, "{%p endfor %}")
    control(doc, "{%p endif %}")
    control(doc, "{%p endfor %}")

    control(doc, "{%p if late_filing is defined %}")
    para(doc, "Ходатайство о восстановлении срока обжалования", "Amicus Section")
    para(doc,
         "Срок обжалования пропущен по уважительной причине: {{ late_filing.reason }} На основании "
         "ч. 2 ст. 30.3 КоАП РФ прошу восстановить срок на подачу настоящей жалобы.")
    control(doc, "{%p endif %}")


def build_requests(doc, req_num, att_num):
    ru.spaced(para(doc, "На основании изложенного, руководствуясь ст. 30.1–30.3 КоАП РФ,"))
    para(doc, "ПРОШУ:", "Amicus Request Label")
    control(doc, "{%p for r in requests %}")
    para(doc, "{{ r.text_ru }}{% if loop.last %}.{% else %};{% endif %}", "Amicus Numbered", num_id=req_num)
    control(doc, "{%p endfor %}")

    ru.attachments(doc, att_num)


def build(path=OUT):
    doc = ru.new_ru_document()
    nums = ru.add_numbering(doc, ["facts", "requests", "attachments"])

    build_header_block(doc)
    build_title(doc)
    build_intro(doc)
    build_facts(doc, nums["facts"])
    build_timeline(doc)
    build_grounds(doc)
    build_requests(doc, nums["requests"], nums["attachments"])
    ru.signature(doc, date="{{ signature.date|date('long') }}", label=SIGNATORY_LABEL, name=SIGNATORY_NAME)
    ru.header_and_footer(doc, header="Дело № {{ proceedings.case_no }}",
                         footer="Жалоба по делу № {{ proceedings.case_no }}")
    ru.set_properties(
        doc, title="Жалоба — {{ case_id }}",
        subject="Жалоба на постановление по делу об административном правонарушении (ст. 30.1–30.3 КоАП РФ)",
        comments="Подготовлено в Amicus по шаблону appeal-separation-ru",
        keywords="КоАП РФ; СУВСИГ; разлучение с ребёнком")
    return ru.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
