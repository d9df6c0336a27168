"""Pieces shared by the English international filings: ECtHR (Rule 39 request, annex to the application),
UN treaty bodies (CRC communication under OP3, alternative report to the CRC).

Built on amicus_docx.py. A4, Times New Roman 12 pt, footnotes 10 pt (amicus_docx makes the footnote styles
2 pt below the body), English (United Kingdom) proofing, paragraphs numbered 1, 2, 3 … through a part with
hanging numbers and sub-points (a), (b) (add_outline_numbering), headings unnumbered or carrying their own
roman numeral or cluster letter as text.

    import intl_filing as intl
    doc = intl.new_intl_document(margins_cm=(3.5, 3.5, 2.5, 2.5), line=1.5)
    paras = intl.add_outline_numbering(doc, "paragraphs")
    intl.para(doc, "I. Statement of the facts", "Amicus Heading 1")
    intl.loop_paragraphs(doc, "f in ecthr.facts", "f", paras)
    intl.save(doc, OUT)

Jinja snippets (strings) at the end print a paragraph item of the case data with its sources in footnotes
(PARA_ITEM), state names from ISO codes (STATE_NAMES_*), and yes/no answers.
"""

from amicus_docx import (  # noqa: F401  (re-exported for the generators)
    Cm, Pt, Twips, WD_TAB_ALIGNMENT, ALIGN, nsdecls, qn, parse_xml,
    new_document, add_style, add_numbering, add_outline_numbering, para, control, page_break, table,
    field_runs, running_header, running_footer, set_properties, save, text_width_tw,
)
from docx.shared import RGBColor

FONT = "Times New Roman"


def new_intl_document(*, margins_cm=(2.5, 2.5, 2.5, 2.5), line=1.15, size=12):
    """A4, Times New Roman `size` pt, en-GB proofing, and the styles every English filing here uses (all
    named «Amicus …»)."""
    doc = new_document(font=FONT, size=size, lang="en-GB", margins_cm=margins_cm, line=line)
    add_style(doc, "Amicus Urgent", size=size + 2, bold=True, align="left", after=6, line=1.0)
    add_style(doc, "Amicus Title", size=size + 2, bold=True, align="center", before=12, after=6, line=1.0,
              keep_next=True)
    add_style(doc, "Amicus Subtitle", align="center", after=6, line=1.0, keep_next=True)
    add_style(doc, "Amicus Heading 1", bold=True, align="left", before=12, after=6, line=1.0, keep_next=True)
    add_style(doc, "Amicus Heading 2", bold=True, italic=True, align="left", before=10, after=6, line=1.0,
              keep_next=True)
    add_style(doc, "Amicus Heading 3", italic=True, align="left", before=8, after=6, line=1.0, keep_next=True)
    add_style(doc, "Amicus Body", align="justify", after=6, line=line)
    add_style(doc, "Amicus Numbered", align="justify", after=6, line=line)
    add_style(doc, "Amicus Field", align="left", after=4, line=1.0)
    add_style(doc, "Amicus Contents", align="left", after=2, line=1.0, left_cm=1.0)
    add_style(doc, "Amicus Table", size=size - 1, align="left", line=1.0)
    add_style(doc, "Amicus Table Head", size=size - 1, bold=True, align="center", line=1.0)
    add_style(doc, "Amicus Signature", align="left", before=6, line=1.0)
    add_style(doc, "Amicus Running", size=size - 2, align="left", line=1.0)
    note = add_style(doc, "Amicus Drafting Note", size=size - 1, italic=True, align="justify", after=6,
                     line=1.0)
    note.font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    return doc


def loop_paragraphs(doc, loop, body, num_id, style="Amicus Numbered", ilvl=0):
    """`{%p for LOOP %}` / one numbered paragraph printing BODY / `{%p endfor %}`: the numbering continues
    through the loop in both formats."""
    control(doc, "{%p for " + loop + " %}", style)
    para(doc, body, style, num_id=num_id, ilvl=ilvl)
    control(doc, "{%p endfor %}", style)


def field(doc, label, value, style="Amicus Field"):
    """A label in bold followed by its value on the same line."""
    return para(doc, style=style, runs=[(label + " ", {"bold": True}), (value, {})])


# --------------------------------------------------------------------------------------------
# Jinja snippets
# --------------------------------------------------------------------------------------------

def para_item(var):
    """Print a paragraph item of the case data: `{text, source?, precedents?: [{id, para?}]}`, followed by one
    footnote holding the source and then "See A; B." with each precedent printed by cite() in the forum's own
    style (with its pinpoint when `para` is given). No footnote when there is neither."""
    v = var
    return (
        "{{ " + v + ".text }}"
        "{% set fn = namespace(parts=[], c=[]) %}"
        "{% if " + v + ".source is defined %}{% set fn.parts = [" + v + ".source] %}{% endif %}"
        "{% if " + v + ".precedents is defined %}{% for p in " + v + ".precedents %}"
        "{% if p.para is defined %}{% set fn.c = fn.c + [cite(p.id, para=p.para)] %}"
        "{% else %}{% set fn.c = fn.c + [cite(p.id)] %}{% endif %}"
        "{% endfor %}{% endif %}"
        "{% if fn.c %}{% set fn.parts = fn.parts + ['See ' ~ fn.c|join('; ') ~ '.'] %}{% endif %}"
        "{% if fn.parts %}{{ footnote(fn.parts|join(' ')) }}{% endif %}"
    )


def jinja_dict(d):
    """A Python dict of strings as a Jinja mapping literal."""
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in sorted(d.items())) + "}"


# English short names, as the European Court of Human Rights writes them in case titles ("Kim v. Russia").
STATE_NAMES_ECTHR = {
    "AM": "Armenia", "AZ": "Azerbaijan", "EE": "Estonia", "GE": "Georgia", "LT": "Lithuania",
    "LV": "Latvia", "MD": "the Republic of Moldova", "RU": "Russia", "UA": "Ukraine",
}

# Names as the UN treaty bodies write the State party (UNTC lists "Russian Federation", "Republic of Moldova":
# shared/reference/filings-verified.md §3). Also used for nationalities ("a national of Uzbekistan").
STATE_NAMES_UN = {
    "AM": "Armenia", "AZ": "Azerbaijan", "BY": "Belarus", "EE": "Estonia", "GE": "Georgia",
    "KG": "Kyrgyzstan", "KZ": "Kazakhstan", "LT": "Lithuania", "LV": "Latvia", "MD": "Republic of Moldova",
    "RU": "Russian Federation", "TJ": "Tajikistan", "TM": "Turkmenistan", "UA": "Ukraine", "UZ": "Uzbekistan",
}


def state_name(code_expr, names=STATE_NAMES_UN):
    """Jinja expression: the English name for an ISO code, or the code itself if it is not in the table."""
    return jinja_dict(names) + ".get(" + code_expr + ", " + code_expr + ")"


def nationalities(list_expr):
    """Jinja: "Uzbekistan" or "Kyrgyzstan and Kazakhstan" from a list of ISO codes."""
    names = jinja_dict(STATE_NAMES_UN)
    return ("{% for c in " + list_expr + " %}{{ " + names + ".get(c, c) }}"
            "{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}")


YES_NO = "{% if COND %}Yes{% else %}No{% endif %}"


def yes_no(cond):
    return YES_NO.replace("COND", cond)


def end_item(var=None):
    """`;` after every item of a list but the last, `.` after the last — unless the item `var` (a Jinja
    expression for the printed text) already ends with a full stop, as "… her daughter R." does."""
    if var is None:
        return "{% if loop.last %}.{% else %};{% endif %}"
    return ("{% if loop.last %}{% if not " + var + ".endswith('.') %}.{% endif %}{% else %};{% endif %}")
