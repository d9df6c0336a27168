#!/usr/bin/env python3
"""Build Templates/appeal-separation-ru/template.docx.

A complaint (ЖАЛОБА) under arts. 30.1–30.3 of the Russian Code of Administrative Offences (КоАП РФ)
against a district court's order under art. 18.8 КоАП РФ that expels a mother and places her in a
special institution for foreign nationals (СУВСИГ), written around the separation from her child.

Run with the project's build venv:

    python3 -m venv .build-venv && .build-venv/bin/pip install -r Benchmarks/requirements.txt
    .build-venv/bin/python Templates/appeal-separation-ru/make_template.py

The output is deterministic: fixed document properties and fixed zip timestamps, so running the script
twice gives byte-identical files.

Template syntax used (docxtpl / Jinja2): {{ }}, {% if/elif/else %}, inline {% for %} with loop.last,
{%p for/if/else %} on whole paragraphs, {%tr for %} on table rows, filters date('short'|'long'),
plural(one, few, many) (which prints the number and the word), length; the function cite(id, para=...); tests `is defined`.
"""

import copy
import io
import os
import sys
import zipfile
from datetime import datetime, timezone

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, Twips

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "template.docx")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A4, margins: left 3 cm, right 1.5 cm, top and bottom 2 cm (usual for Russian court papers).
PAGE_W, PAGE_H = Twips(11906), Twips(16838)
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = Cm(3), Cm(1.5), Cm(2), Cm(2)
TEXT_WIDTH_TW = 11906 - 1701 - 850  # 9355 twips = 16.5 cm
FONT = "Times New Roman"


# --------------------------------------------------------------------------------------------
# styles
# --------------------------------------------------------------------------------------------

def set_run_fonts(rpr_parent, size_pt=None):
    """Times New Roman for every script (ascii, hAnsi = Cyrillic too, East Asian, complex)."""
    rpr = rpr_parent.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for a in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{a}"), FONT)


def setup_styles(doc):
    styles = doc.styles
    # Document defaults: TNR 14 pt, Russian language, no space after paragraphs.
    dd = styles.element.find(qn("w:docDefaults"))
    rpr = dd.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.clear()
    rpr.append(parse_xml(
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'))
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="28"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="28"/>'))
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/>'))
    ppr = dd.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ppr.clear()
    ppr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="0" w:line="240" w:lineRule="auto"/>'))

    normal = styles["Normal"]
    normal.font.size = Pt(14)
    set_run_fonts(normal.element)

    def pstyle(name, *, base="Normal", size=14, bold=False, align=None, first_line=None,
               left=None, line=1.0, before=0, after=0, keep_next=False):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        st.font.size = Pt(size)
        st.font.bold = bold
        set_run_fonts(st.element)
        pf = st.paragraph_format
        pf.line_spacing = line
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        if align is not None:
            pf.alignment = align
        if first_line is not None:
            pf.first_line_indent = first_line
        if left is not None:
            pf.left_indent = left
        pf.keep_with_next = keep_next
        pf.widow_control = True
        return st

    J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    pstyle("Amicus Header Block", align=L, left=Cm(8))
    pstyle("Amicus Title", bold=True, align=C, before=18, keep_next=True)
    pstyle("Amicus Subtitle", align=C, after=12, line=1.15)
    pstyle("Amicus Section", bold=True, align=C, before=12, after=6, keep_next=True)
    pstyle("Amicus Body", align=J, first_line=Cm(1.25), line=1.15)
    pstyle("Amicus Ground", align=J, first_line=Cm(1.25), line=1.15, bold=True, before=6, keep_next=True)
    pstyle("Amicus Precedent", align=J, left=Cm(1.25), line=1.15)
    # Numbered paragraphs: indentation comes from the numbering level (number at 1.25 cm, text wraps to
    # the margin, the usual layout of Russian filings); numPr is set on each paragraph.
    pstyle("Amicus Numbered", align=J, line=1.15)
    pstyle("Amicus Request Label", bold=True, align=C, before=6, after=6, keep_next=True)
    pstyle("Amicus Label", bold=True, align=L, before=12, keep_next=True)
    pstyle("Amicus Table", size=12, align=L)
    pstyle("Amicus Table Head", size=12, bold=True, align=C)
    pstyle("Amicus Signature", align=L, line=1.0)
    pstyle("Amicus Running", base="Normal", size=12, align=L)


# --------------------------------------------------------------------------------------------
# numbering: one abstractNum + one w:num per list, so facts, requests and attachments each run 1..N
# --------------------------------------------------------------------------------------------

def add_numbering(doc, lists):
    """lists: names. Returns {name: numId}. Each gets its own abstractNum and a w:num with a
    startOverride of 1, so every list restarts at 1 in Word and LibreOffice alike."""
    numbering = doc.part.numbering_part.element
    abs_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abs = max(abs_ids + [0]) + 1
    next_num = max(num_ids + [0]) + 1
    first_num = numbering.find(qn("w:num"))
    out = {}
    for i, name in enumerate(lists):
        abs_id, num_id = next_abs + i, next_num + i
        nsid = "A31C%04X" % (0x10 + i)
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
            f'<w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="singleLevel"/>'
            f'<w:name w:val="Amicus {name}"/>'
            f'<w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            f'<w:lvlJc w:val="left"/><w:suff w:val="space"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:b w:val="0"/></w:rPr>'
            f'</w:lvl></w:abstractNum>')
        # abstractNum elements must precede every w:num
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        out[name] = num_id
    return out


# --------------------------------------------------------------------------------------------
# paragraph helpers
# --------------------------------------------------------------------------------------------

def para(doc, text="", style="Amicus Body", num_id=None, runs=None):
    """Add a paragraph. `runs` is a list of (text, {'bold': bool}) for mixed formatting."""
    p = doc.add_paragraph(style=style)
    if runs is None:
        runs = [(text, {})] if text else []
    for t, fmt in runs:
        r = p.add_run(t)
        if "bold" in fmt:
            r.bold = fmt["bold"]
    if num_id is not None:
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        # keep pPr children in schema order: pStyle first, numPr right after
        pstyle_el = ppr.find(qn("w:pStyle"))
        numpr = ppr.find(qn("w:numPr"))
        ppr.remove(numpr)
        pstyle_el.addnext(numpr)
    return p


def control(doc, tag, style="Amicus Body"):
    """A paragraph that holds only a docxtpl structural tag ({%p ... %}); removed on render."""
    return para(doc, tag, style=style)


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
    # wrap to parse several siblings at once
    frag = parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>')
    for child in list(frag):
        p._p.append(child)
    return p


def field_runs(instr, placeholder="1"):
    """A complex field (fldChar begin/separate/end) as run elements."""
    return [
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'),
        parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'),
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'),
        parse_xml(f'<w:r {nsdecls("w")}><w:t>{placeholder}</w:t></w:r>'),
        parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


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
    para(doc,
         "Срок обжалования, установленный ч. 1 ст. 30.3 КоАП РФ, не пропущен: копия постановления "
         "получена {{ proceedings.decision.served_on|date('long') }}")  # the long date ends with «г.»
    control(doc, "{%p endif %}")


def build_facts(doc, num_id):
    para(doc, "Обстоятельства дела", "Amicus Section")
    control(doc, "{%p for f in facts %}")
    para(doc, "{{ f }}", "Amicus Numbered", num_id=num_id)
    control(doc, "{%p endfor %}")


def build_timeline(doc):
    para(doc, "Хронология событий", "Amicus Section")
    widths = [Cm(1.2), Cm(3.0), Twips(TEXT_WIDTH_TW) - Cm(4.2)]
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblPr = table._tbl.tblPr
    tblPr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{TEXT_WIDTH_TW}" w:type="dxa"/>'))
    tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
    for i, w in enumerate(widths):
        table.columns[i].width = w

    def set_cell(cell, text, style):
        p = cell.paragraphs[0]
        p.style = doc.styles[style]
        if text:
            p.add_run(text)

    head = table.rows[0]
    for cell, text in zip(head.cells, ["№", "Дата", "Событие"]):
        set_cell(cell, text, "Amicus Table Head")
    trPr = head._tr.get_or_add_trPr()
    trPr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    set_cell(table.rows[1].cells[0], "{%tr for e in events %}", "Amicus Table")
    for c in table.rows[1].cells[1:]:
        set_cell(c, "", "Amicus Table")
    set_cell(table.rows[2].cells[0], "{{ loop.index }}", "Amicus Table")
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_cell(table.rows[2].cells[1], "{{ e.date|date('short') }}", "Amicus Table")
    set_cell(table.rows[2].cells[2], "{{ e.description_ru }}", "Amicus Table")
    set_cell(table.rows[3].cells[0], "{%tr endfor %}", "Amicus Table")
    for c in table.rows[3].cells[1:]:
        set_cell(c, "", "Amicus Table")
    # a row must not break across pages
    for row in table.rows:
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    return table


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
    p = para(doc, "На основании изложенного, руководствуясь ст. 30.1–30.3 КоАП РФ,")
    p.paragraph_format.space_before = Pt(12)
    para(doc, "ПРОШУ:", "Amicus Request Label")
    control(doc, "{%p for r in requests %}")
    para(doc, "{{ r.text_ru }}{% if loop.last %}.{% else %};{% endif %}", "Amicus Numbered", num_id=req_num)
    control(doc, "{%p endfor %}")

    para(doc, "Приложение:", "Amicus Label")
    control(doc, "{%p for a in attachments %}")
    para(doc,
         "{{ a.title }}{% if a.date is defined %} от {{ a.date|date('short') }}{% endif %}, на "
         "{{ a.pages|plural('листе', 'листах', 'листах') }}{% if loop.last %}.{% else %};{% endif %}",
         "Amicus Numbered", num_id=att_num)
    control(doc, "{%p endfor %}")


def build_signature(doc):
    p = para(doc, "{{ signature.date|date('long') }}", "Amicus Signature")
    p.paragraph_format.space_before = Pt(24)
    p = para(doc, style="Amicus Signature", runs=[
        (SIGNATORY_LABEL + "\t____________________\t" + SIGNATORY_NAME, {}),
    ])
    p.paragraph_format.space_before = Pt(18)
    ts = p.paragraph_format.tab_stops
    ts.add_tab_stop(Cm(5.5), WD_TAB_ALIGNMENT.LEFT)
    ts.add_tab_stop(Twips(TEXT_WIDTH_TW), WD_TAB_ALIGNMENT.RIGHT)


def build_header_footer(doc):
    sec = doc.sections[0]
    # Header: the case number, top right, on every page.
    hp = sec.header.paragraphs[0]
    hp.style = doc.styles["Amicus Running"]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.add_run("Дело № {{ proceedings.case_no }}")
    # Footer: who and which case on the left; "стр. PAGE из NUMPAGES" on the right.
    fp = sec.footer.paragraphs[0]
    fp.style = doc.styles["Amicus Running"]
    ppr = fp._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:tabs {nsdecls("w")}><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH_TW}"/></w:tabs>'))
    fp.add_run("Жалоба по делу № {{ proceedings.case_no }}")
    fp._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:tab/><w:t xml:space="preserve">стр. </w:t></w:r>'))
    for r in field_runs("PAGE"):
        fp._p.append(r)
    fp._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> из </w:t></w:r>'))
    fp._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def setup_page(doc):
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = PAGE_W, PAGE_H
    sec.left_margin, sec.right_margin = MARGIN_L, MARGIN_R
    sec.top_margin, sec.bottom_margin = MARGIN_T, MARGIN_B
    sec.header_distance = Cm(1.0)
    sec.footer_distance = Cm(1.0)


def set_properties(doc):
    cp = doc.core_properties
    cp.title = "Жалоба — {{ case_id }}"
    cp.subject = "Жалоба на постановление по делу об административном правонарушении (ст. 30.1–30.3 КоАП РФ)"
    cp.author = "Amicus"
    cp.last_modified_by = "Amicus"
    cp.comments = "Подготовлено в Amicus по шаблону appeal-separation-ru"
    cp.keywords = "КоАП РФ; СУВСИГ; разлучение с ребёнком"
    cp.language = "ru-RU"
    cp.revision = 1
    fixed = datetime(2025, 1, 1, 0, 0, 0, tzinfo=timezone.utc)
    cp.created = fixed
    cp.modified = fixed


def prune_package(doc):
    """python-docx's default package carries ~180 styles (350 KB), a Word 2010 stylesWithEffects copy
    and a thumbnail. Keep only what the document uses, so the template is the size of a real one."""
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            pkg.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)

    styles_el = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles_el.findall(qn("w:style"))}
    used = set()
    parts = [doc.element] + [s.header._element for s in doc.sections] + [s.footer._element for s in doc.sections]
    for root in parts:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            for el in root.iter(qn(tag)):
                used.add(el.get(qn("w:val")))
    used |= {sid for sid, s in by_id.items() if s.get(qn("w:default")) == "1"}
    todo = list(used)
    while todo:
        s = by_id.get(todo.pop())
        if s is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            el = s.find(qn(tag))
            if el is not None and el.get(qn("w:val")) not in used:
                used.add(el.get(qn("w:val")))
                todo.append(el.get(qn("w:val")))
    for sid, s in by_id.items():
        if sid not in used:
            styles_el.remove(s)
    settings = doc.settings.element
    for el in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(el)
    # The python-docx default template says en-US for theme fonts; say Russian.
    tfl = settings.find(qn("w:themeFontLang"))
    if tfl is not None:
        tfl.set(qn("w:val"), "ru-RU")


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps, keeping entry order ([Content_Types].xml first)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def build(path=OUT):
    doc = Document()
    # the default template starts with one empty paragraph: remove it
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    setup_page(doc)
    setup_styles(doc)
    nums = add_numbering(doc, ["facts", "requests", "attachments"])

    build_header_block(doc)
    build_title(doc)
    build_intro(doc)
    build_facts(doc, nums["facts"])
    build_timeline(doc)
    build_grounds(doc)
    build_requests(doc, nums["requests"], nums["attachments"])
    build_signature(doc)
    build_header_footer(doc)
    set_properties(doc)
    prune_package(doc)

    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as fh:
        fh.write(deterministic_zip(buf.getvalue()))
    return path


if __name__ == "__main__":
    out = build(sys.argv[1] if len(sys.argv) > 1 else OUT)
    print(out)
