"""Pieces shared by the Russian filings (appeals under КоАП РФ, complaints under 59-ФЗ).

Built on amicus_docx.py. Russian court papers: A4, Times New Roman 14 pt, margins left 3 cm, right 1.5 cm,
top and bottom 2 cm; the addressee block top right; a centred bold title; numbered facts, «ПРОШУ:» with
numbered requests, a numbered «Приложение:»; date, signature line and printed name; the case number or
reference in the running header and footer.

    import ru_filing as ru
    doc = ru.new_ru_document()
    lists = ru.add_numbering(doc, ["facts", "requests", "attachments"])
    ru.para(doc, "В {{ court.name }}", "Amicus Header Block")
    ...
    ru.signature(doc, label="Заявительница", name="{{ applicant.name.cyrillic }}", date="{{ signature.date|date('long') }}")
    ru.header_and_footer(doc, header="Дело № {{ case_no }}", footer="Жалоба по делу № {{ case_no }}")
    ru.save(doc, OUT)

The Jinja snippets at the end (CHILD_*) are macros that several templates print; each template defines the ones
it uses once, at the start of its first paragraph (a macro definition prints nothing).
"""

from amicus_docx import (  # noqa: F401  (re-exported for the generators)
    Cm, Pt, Twips, WD_TAB_ALIGNMENT, ALIGN, nsdecls, qn, parse_xml,
    new_document, add_style, add_numbering, para, control, table, field_runs,
    running_header, running_footer, set_properties, save, text_width_tw,
)

FONT = "Times New Roman"


def new_ru_document(size=14):
    """A4, Times New Roman `size` pt, Russian proofing, the margins of Russian court papers, and the styles
    every Russian filing uses (all named «Amicus …»)."""
    doc = new_document(font=FONT, size=size, lang="ru-RU", margins_cm=(3.0, 1.5, 2.0, 2.0))
    add_style(doc, "Amicus Header Block", align="left", left_cm=8)
    add_style(doc, "Amicus Title", bold=True, align="center", before=18, keep_next=True)
    add_style(doc, "Amicus Subtitle", align="center", after=12, line=1.15)
    add_style(doc, "Amicus Section", bold=True, align="center", before=12, after=6, keep_next=True)
    add_style(doc, "Amicus Body", align="justify", first_line_cm=1.25, line=1.15)
    add_style(doc, "Amicus Ground", align="justify", first_line_cm=1.25, line=1.15, bold=True, before=6,
              keep_next=True)
    add_style(doc, "Amicus Precedent", align="justify", left_cm=1.25, line=1.15)
    # Numbered paragraphs: the indentation comes from the numbering level (number on the 1.25 cm first-line
    # indent, text wrapping to the margin: the usual layout of Russian filings).
    add_style(doc, "Amicus Numbered", align="justify", line=1.15)
    add_style(doc, "Amicus Request Label", bold=True, align="center", before=6, after=6, keep_next=True)
    add_style(doc, "Amicus Label", bold=True, align="left", before=12, keep_next=True)
    add_style(doc, "Amicus Table", size=12, align="left")
    add_style(doc, "Amicus Table Head", size=12, bold=True, align="center")
    add_style(doc, "Amicus Signature", align="left")
    add_style(doc, "Amicus Running", size=12, align="left")
    return doc


def spaced(p, before=12):
    """Space above a paragraph (points)."""
    p.paragraph_format.space_before = Pt(before)
    return p


def numbered_loop(doc, loop_tag, text, num_id, style="Amicus Numbered"):
    """`{%p for … %}` / one numbered paragraph / `{%p endfor %}`, so numbering runs on in DOCX and ODT."""
    control(doc, loop_tag, "Amicus Body")
    p = para(doc, text, style, num_id=num_id)
    control(doc, "{%p endfor %}", "Amicus Body")
    return p


def attachments(doc, num_id, items="attachments", label="Приложение:"):
    """«Приложение:» and one numbered line per attachment: title, date if any, number of sheets."""
    para(doc, label, "Amicus Label")
    numbered_loop(
        doc, "{%p for a in " + items + " %}",
        "{{ a.title }}{% if a.date is defined %} от {{ a.date|date('short') }}{% endif %}, на "
        "{{ a.pages|plural('листе', 'листах', 'листах') }}{% if loop.last %}.{% else %};{% endif %}",
        num_id)


def signature(doc, *, date, label, name):
    """The date, then «label ____________________ name» on one line (tab stops: the line at 5.5 cm, the
    printed name flush right)."""
    spaced(para(doc, date, "Amicus Signature"), 24)
    p = spaced(para(doc, label + "\t____________________\t" + name, "Amicus Signature"), 18)
    ts = p.paragraph_format.tab_stops
    ts.add_tab_stop(Cm(5.5), WD_TAB_ALIGNMENT.LEFT)
    ts.add_tab_stop(Twips(text_width_tw(doc)), WD_TAB_ALIGNMENT.RIGHT)
    return p


def header_and_footer(doc, *, header, footer):
    """The case number top right on every page; `footer` on the left and «стр. N из M» on the right."""
    running_header(doc, header, style="Amicus Running", align="right")
    running_footer(doc, footer, style="Amicus Running", page_words=("стр.", "из"))


# --------------------------------------------------------------------------------------------
# Jinja macros (Russian grammar of the child's gender, the child's whereabouts)
# --------------------------------------------------------------------------------------------

# The grammatical gender of the word that names the child: «дочь» is feminine; «сын» and «ребёнок» (a ward,
# whatever the ward's sex) are masculine. `m` and `f` are the two forms: {{ g(c, 'помещён', 'помещена') }}.
MACRO_GENDER = (
    "{% macro g(c, m, f) %}{% if c.relationship == 'daughter' %}{{ f }}"
    "{% else %}{{ m }}{% endif %}{% endmacro %}"
)

# «дочь», «сын», «ребёнок» (nominative) and «дочери», «сына», «ребёнка» (genitive).
MACRO_KIN = (
    "{% macro kin(c) %}{% if c.relationship == 'daughter' %}дочь{% elif c.relationship == 'son' %}сын"
    "{% else %}ребёнок{% endif %}{% endmacro %}"
    "{% macro kin_gen(c) %}{% if c.relationship == 'daughter' %}дочери{% elif c.relationship == 'son' %}"
    "сына{% else %}ребёнка{% endif %}{% endmacro %}"
)

# Where the child is now, as a predicate: «находится у соседки Т. с 18.01.2016»,
# «12.11.2015 помещена в СПб ГБУ …». Reads c.current_location {type, institution (accusative, after «в»),
# carer (genitive, after «у»), since}; c.died_on wins over everything.
MACRO_WHEREABOUTS = (
    "{% macro whereabouts(c) %}"
    "{% set loc = c.current_location|default(none) %}"
    "{% if c.died_on is defined %}{{ g(c, 'умер', 'умерла') }} {{ c.died_on|date('short') }}"
    "{% elif loc is none or loc.type == 'unknown' %}местонахождение {{ kin_gen(c) }} неизвестно"
    "{% elif loc.type in ['social_centre', 'hospital', 'suvsig'] %}"
    "{% if loc.since is defined %}{{ loc.since|date('short') }} {% endif %}{{ g(c, 'помещён', 'помещена') }} "
    "в {{ loc.institution }}"
    "{% else %}"
    "{% if loc.type == 'with_mother' %}находится с матерью"
    "{% elif loc.type == 'with_father' %}находится с отцом"
    "{% elif loc.type == 'relatives' %}находится у родственников{% if loc.carer is defined %} — "
    "{{ loc.carer }}{% endif %}"
    "{% elif loc.type == 'other_carer' %}находится у {{ loc.carer }}"
    "{% elif loc.type == 'abroad' %}находится за пределами Российской Федерации"
    "{% endif %}{% if loc.since is defined %} с {{ loc.since|date('short') }}{% endif %}"
    "{% endif %}"
    "{% endmacro %}"
)

# The manifest spec of a child, shared by the Russian templates (paste into `children.items.fields`).
CHILD_LOCATION_TYPES = ["with_mother", "with_father", "relatives", "other_carer", "social_centre", "hospital",
                        "suvsig", "abroad", "unknown"]
