#!/usr/bin/env python3
"""Build Templates/appeal-expulsion-koap-ru/template.docx and template.odt.

A complaint (ЖАЛОБА) under arts. 30.1–30.3 КоАП РФ against a district court's order under art. 18.8 КоАП РФ
imposing administrative expulsion, written around the expulsion itself and the family the mother has in
Russia: her children (where they are now) and other relatives, the best interests of the children, the
protection of family and motherhood. The sister template appeal-separation-ru centres on the separation of
mother and child by the placement in the СУВСИГ; a lawyer files one complaint, so the two share the case
fields they have in common.

The document states the last day of the 10-day period computed by deadline(served_on, 'koap-30.3'), adds a
motion to restore the period (30.3 part 2) when `late_filing` is given, and cites ECtHR case law under
Article 8 only when the order predates 16 September 2022 (the last day of Russia's membership of the
Convention system; shared/reference/filings.md §2).

Run with the project's build venv:

    .build-venv/bin/python Templates/appeal-expulsion-koap-ru/make_template.py

The output is deterministic: running the script twice gives byte-identical files.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import ru_filing as ru  # noqa: E402

OUT = os.path.join(HERE, "template.docx")

LAST_DAY = "deadline(proceedings.decision.served_on, 'koap-30.3')"
# A complaint dated after the last day without `late_filing` must not claim the period was kept.
FAIL_LATE = "{{ fail('the complaint is dated ' ~ signature.date|date('short') ~ ', after the last day of the appeal period (' ~ deadline(proceedings.decision.served_on, 'koap-30.3')|date('short') ~ ', ч. 1 ст. 30.3 КоАП РФ): add late_filing with its reason to ask for the period to be restored (ч. 2 ст. 30.3)') }}"

# Case-file values the text needs in several places, set once at the top (a `set` prints nothing).
PRELUDE = (
    ru.MACRO_GENDER + ru.MACRO_KIN + ru.MACRO_WHEREABOUTS +
    "{% set family = family_in_russia|default([]) %}"
    "{% set many = children|length > 1 %}"
    "{% set appeal = expulsion_appeal|default({}) %}"
    "{% set relief = appeal.relief|default('change') %}"
    "{% set held = detention is defined %}"
    "{% set echr = proceedings.decision.date <= '2022-09-16' %}"
    "{% set ns = namespace(n=0, apart=false) %}"
    "{% for c in children %}{% if c.current_location is defined and c.current_location.type not in "
    "['with_mother', 'suvsig'] %}{% set ns.apart = true %}{% endif %}{% endfor %}"
)

# «ребёнка» / «детей» and friends, by the number of children.
CHILD_GEN = "{% if many %}детей{% else %}ребёнка{% endif %}"
CHILD_DAT = "{% if many %}детям{% else %}ребёнку{% endif %}"
CHILD_PREP = "{% if many %}детях{% else %}ребёнке{% endif %}"
CHILD_ACC = "{% if many %}детей, не совершавших{% else %}ребёнка, не совершавшего{% endif %}"

NEXT = "{% set ns.n = ns.n + 1 %}{{ ns.n }}. "  # the running number of a ground


def body(doc, text, style="Amicus Body"):
    return ru.para(doc, text, style)


def ctl(doc, tag):
    return ru.control(doc, tag, "Amicus Body")


def header_block(doc):
    body(doc, PRELUDE + "В {{ appeal_court.name }}", "Amicus Header Block")
    body(doc, "{{ appeal_court.address }}", "Amicus Header Block")
    ctl(doc, "{%p if via_first_instance %}")
    body(doc, "через {{ proceedings.court.name }}", "Amicus Header Block")
    body(doc, "{{ proceedings.court.address }}", "Amicus Header Block")
    ctl(doc, "{%p endif %}")
    ru.spaced(body(doc, "Лицо, в отношении которого ведётся производство по делу об административном "
                        "правонарушении:", "Amicus Header Block"))
    ru.para(doc, style="Amicus Header Block", runs=[("{{ applicant.name.cyrillic }}", {"bold": True})])
    body(doc, "{{ applicant.birth_date|date('short') }} года рождения, {{ applicant.citizenship_ru }}",
         "Amicus Header Block")
    ctl(doc, "{%p if held %}")
    body(doc, "место содержания: {{ detention.facility }}, {{ detention.address }}", "Amicus Header Block")
    ctl(doc, "{%p endif %}")
    body(doc, "адрес для корреспонденции: {{ applicant.address_postal }}", "Amicus Header Block")
    ru.spaced(ru.para(doc, style="Amicus Header Block", runs=[
        ("Защитник: ", {"bold": True}),
        ("{{ representative.name }}{% if representative.status == 'advokat' %}, адвокат{% endif %}", {}),
    ]))
    body(doc, "{{ representative.address }}", "Amicus Header Block")
    body(doc, "тел.: {{ representative.phone }}, эл. почта: {{ representative.email }}", "Amicus Header Block")
    ru.spaced(ru.para(doc, style="Amicus Header Block",
                      runs=[("Дело № {{ proceedings.case_no }}", {"bold": True})]))


def title(doc):
    body(doc, "ЖАЛОБА", "Amicus Title")
    body(doc,
         "на постановление {{ proceedings.court.name_genitive }} от {{ proceedings.decision.date|date('short') }} "
         "по делу № {{ proceedings.case_no }} об административном правонарушении, предусмотренном "
         "{{ proceedings.offence }}{% if relief != 'set_aside' %}, в части назначения административного "
         "выдворения за пределы Российской Федерации{% endif %}", "Amicus Subtitle")


def intro(doc):
    body(doc,
         "Постановлением {{ proceedings.court.name_genitive }} от {{ proceedings.decision.date|date('long') }} "
         "по делу № {{ proceedings.case_no }} {{ applicant.name.cyrillic }}{% if applicant.pregnant %}, "
         "находящаяся в состоянии беременности,{% endif %} признана виновной в совершении административного "
         "правонарушения, предусмотренного {{ proceedings.offence }}; {{ proceedings.decision.outcome }}.")
    body(doc,
         "{% if relief == 'set_aside' %}Постановление обжалуется полностью, а прежде всего в части "
         "назначения административного выдворения{% else %}Постановление обжалуется в части назначения "
         "административного выдворения{% endif %}{% if held %} и помещения заявительницы в специальное "
         "учреждение до его исполнения{% endif %}. Выдворение разрывает семью: в Российской Федерации "
         "{% if many or family %}живут{% else %}живёт{% endif %} "
         "{% if many %}дети{% else %}{{ kin(children[0]) }}{% endif %} заявительницы"
         "{% for m in family %}{% if loop.last %} и её {% else %}, её {% endif %}{{ m.relation.split(',')[0] }}"
         "{% endfor %}. В постановлении не оценено, что выдворение матери означает для " + CHILD_GEN +
         ", и не объяснено, почему цель наказания нельзя достичь, сохранив семью.")


def time_limit(doc):
    body(doc, "Срок обжалования и порядок подачи жалобы", "Amicus Section")
    body(doc,
         "Копия постановления получена заявительницей {{ proceedings.decision.served_on|date('long') }} "
         "Жалоба на постановление может быть подана в течение десяти "
         "{% if proceedings.decision.served_on >= '2024-10-29' %}дней{% else %}суток{% endif %} со дня "
         "вручения или получения его копии (ч. 1 ст. 30.3 КоАП РФ); последний день срока — "
         "{{ " + LAST_DAY + "|date('long') }}")
    ctl(doc, "{%p if late_filing is defined %}")
    body(doc,
         "Жалоба подаётся после истечения этого срока. Срок пропущен по уважительной причине; ходатайство "
         "о его восстановлении (ч. 2 ст. 30.3 КоАП РФ) изложено ниже.")
    ctl(doc, "{%p else %}")
    # Dated after the last day with no `late_filing`: fail() stops the render with an
    # error that says what to add, instead of a filing that claims a time limit it has missed.
    body(doc,
         "Жалоба подаётся в срок.{% if signature.date > " + LAST_DAY + " %}" + FAIL_LATE + "{% endif %}")
    ctl(doc, "{%p endif %}")
    ctl(doc, "{%p if via_first_instance %}")
    body(doc,
         "Жалоба подаётся через суд, вынесший постановление (ч. 1 ст. 30.2 КоАП РФ). Поскольку "
         "постановлением назначено административное выдворение, суд направляет жалобу в вышестоящий суд "
         "в день её поступления (ч. 2 ст. 30.2 КоАП РФ).")
    ctl(doc, "{%p else %}")
    body(doc, "Жалоба подаётся непосредственно в суд, правомочный её рассматривать (ч. 3 ст. 30.2 КоАП РФ).")
    ctl(doc, "{%p endif %}")


def facts(doc, num_id):
    body(doc, "Обстоятельства дела", "Amicus Section")
    ru.numbered_loop(doc, "{%p for f in facts %}", "{{ f }}", num_id)


def family_section(doc):
    body(doc, "Семья заявительницы в Российской Федерации", "Amicus Section")
    body(doc,
         "В Российской Федерации у заявительницы{% if applicant.pregnant %}, кроме ребёнка, которого она "
         "ждёт,{% endif %} есть семья:")
    ctl(doc, "{%p for c in children %}")
    body(doc,
         "— {{ kin(c) }} {{ c.initials }}, {{ c.birth_date|date('short') }} года рождения"
         "{% if c.citizenship_ru is defined %}, {{ c.citizenship_ru }}{% endif %}: {{ whereabouts(c) }}"
         "{% if loop.last and not family %}.{% else %};{% endif %}", "Amicus Precedent")
    ctl(doc, "{%p endfor %}")
    ctl(doc, "{%p for m in family %}")
    body(doc,
         "— {{ m.relation }} — {{ m.name }}{% if m.birth_date is defined %}, {{ m.birth_date|date('short') }} "
         "года рождения{% endif %}{% if m.details is defined %}: {{ m.details }}{% endif %}"
         "{% if loop.last %}.{% else %};{% endif %}", "Amicus Precedent")
    ctl(doc, "{%p endfor %}")
    body(doc,
         "Выдворение матери означает для {% if many %}детей{% else %}{{ kin_gen(children[0]) }}{% endif %} "
         "одно из двух: остаться в России без матери или покинуть страну, где {% if many %}они живут"
         "{% else %}{{ g(children[0], 'он', 'она') }} живёт{% endif %}{% if family %}, расставшись с другими "
         "близкими{% endif %}. "
         "{% if ns.apart %}Уже сейчас " + CHILD_NOM_APART + "; выдворение без решения вопроса о " + CHILD_PREP +
         " делает эту разлуку бессрочной.{% endif %}")


CHILD_NOM_APART = ("{% if many %}дети разлучены с матерью{% else %}{{ kin(children[0]) }} "
                   "{{ g(children[0], 'разлучён', 'разлучена') }} с матерью{% endif %}")


def grounds(doc):
    body(doc, "Правовое обоснование", "Amicus Section")
    body(doc,
         "Назначая выдворение матери " + ("{% if many %}малолетних детей{% else %}малолетнего ребёнка"
                                          "{% endif %}") +
         ", суд был обязан выяснить, где и с кем живёт семья, и взвесить цель наказания против того "
         "вреда, который оно причинит " + CHILD_DAT + ". Постановление этого не содержит и не "
         "соответствует следующим нормам.")

    body(doc, NEXT + "Защита семьи, материнства и детства (ч. 1 ст. 38 Конституции Российской Федерации)",
         "Amicus Ground")
    body(doc,
         "Материнство и детство, семья находятся под защитой государства. Выдворение матери из страны, где "
         + ("{% if many %}живут её дети{% else %}живёт её {{ kin(children[0]) }}{% endif %}") + ", затрагивает не "
         "только её: наказание ложится и на " + CHILD_ACC + " никакого правонарушения. Защита семьи требует, чтобы такое последствие было предметом оценки "
         "суда, а не оставалось за пределами постановления.")

    body(doc, NEXT + "Право на судебную защиту (ч. 1 ст. 46 Конституции Российской Федерации)", "Amicus Ground")
    body(doc,
         "Каждому гарантируется судебная защита его прав и свобод. Судебная защита действенна, только если "
         "суд рассматривает доводы лица по существу. Сведения о " + CHILD_PREP + " и о семье заявительницы "
         "должны были быть проверены и оценены в постановлении; без такой оценки вопрос о том, останется ли "
         "семья вместе, решён без суда.")

    body(doc, NEXT + "Наилучшие интересы ребёнка (п. 1 ст. 3 и ст. 9 Конвенции о правах ребёнка)", "Amicus Ground")
    body(doc,
         "Во всех действиях в отношении детей, в том числе в решениях судов, первоочередное внимание "
         "уделяется наилучшему обеспечению интересов ребёнка (п. 1 ст. 3 Конвенции о правах ребёнка). "
         "Постановление о выдворении матери — именно такое решение: от него зависит, с кем и где "
         + CHILD_NOM_SUBJ + ". Статья 9 Конвенции обязывает государство обеспечить, чтобы ребёнок не "
         "разлучался с родителями против их воли, кроме случаев, когда разлучение необходимо в наилучших "
         "интересах самого ребёнка. Никто не установил, что разлука с матерью нужна " + CHILD_DAT + ".")
    body(doc,
         "Комитет по правам ребёнка разъясняет, что наилучшие интересы ребёнка — одновременно материальное "
         "право, принцип толкования и процессуальная норма, и перечисляет, что должно быть взвешено при их "
         "оценке и какие процессуальные гарантии при этом обязательны ({{ cite('crc-gc-14-2013') }}). Эти "
         "принципы действуют в отношении каждого ребёнка в контексте международной миграции, каков бы ни "
         "был миграционный статус его самого или его родителей ({{ cite('jgc-cmw3-crc22-2017') }}).")

    ctl(doc, "{%p if echr %}")
    body(doc, NEXT + "Право на уважение семейной жизни (ст. 8 Конвенции о защите прав человека и основных "
                     "свобод)", "Amicus Ground")
    body(doc,
         "Выдворение иностранного гражданина из страны, где живёт его семья, — вмешательство в право на "
         "уважение семейной жизни. Оно допустимо, только если необходимо и соразмерно законной цели. "
         "Европейский суд по "
         "правам человека признал, что выдворение из России отца двух малолетних детей нарушило бы ст. 8 "
         "Конвенции ({{ cite('alim-v-russia-2011') }}). Те же требования действуют, когда выдворяется мать, "
         "{% if ns.apart %}уже разлучённая с {% if many %}детьми{% else %}ребёнком{% endif %}{% else %}"
         "на попечении которой {% if many %}находятся дети{% else %}находится ребёнок{% endif %}{% endif %}: "
         "постановление не показывает, что суд взвешивал интересы семьи против цели наказания.")
    ctl(doc, "{%p endif %}")

    ctl(doc, "{%p if held %}")
    body(doc, NEXT + "Помещение в специальное учреждение (ч. 5 ст. 3.10 КоАП РФ)", "Amicus Ground")
    body(doc,
         "Помещение в специальное учреждение служит только исполнению выдворения, и судья вправе, но не "
         "обязан его применить (ч. 5 ст. 3.10 КоАП РФ). Если выдворение будет исключено, эта мера теряет "
         "основание, и заявительница подлежит освобождению.{% if applicant.pregnant %} Но и при сохранении "
         "выдворения содержание в учреждении беременной женщины{% if ns.apart %}, разлучённой с "
         "{% if many %}детьми{% else %}ребёнком{% endif %},{% endif %} требует особого обоснования, которого "
         "в постановлении нет.{% endif %}{% if echr %} Европейский суд по правам человека уже признавал "
         "условия содержания иностранных граждан в таком учреждении в России нарушающими ст. 3 Конвенции "
         "({{ cite('kim-v-russia-2014') }}).{% endif %}")
    ctl(doc, "{%p endif %}")

    ctl(doc, "{%p for a in appeal.arguments|default([]) %}")
    body(doc, NEXT + "{{ a.heading }}", "Amicus Ground")
    body(doc, "{{ a.text }}")
    ctl(doc, "{%p endfor %}")

    ctl(doc, "{%p if late_filing is defined %}")
    body(doc, "Ходатайство о восстановлении срока обжалования", "Amicus Section")
    body(doc,
         "Последний день срока обжалования — {{ " + LAST_DAY + "|date('long') }} Срок пропущен по "
         "уважительной причине: {{ late_filing.reason }} На основании ч. 2 ст. 30.3 КоАП РФ прошу "
         "восстановить срок на подачу настоящей жалобы.")
    ctl(doc, "{%p endif %}")


CHILD_NOM_SUBJ = "{% if many %}будут жить дети{% else %}будет жить ребёнок{% endif %}"

# The requests, built as a list so that one numbered paragraph loops over them (numbering then runs on in
# DOCX and ODT alike, whichever of them apply).
REQUESTS = (
    "{% set order = 'постановление ' ~ proceedings.court.name_genitive ~ ' от ' ~ "
    "proceedings.decision.date|date('short') ~ ' по делу № ' ~ proceedings.case_no %}"
    "{% set r = namespace(items=[]) %}"
    "{% if late_filing is defined %}{% set r.items = r.items + ['Восстановить срок на подачу настоящей "
    "жалобы'] %}{% endif %}"
    "{% if relief == 'set_aside' %}{% set r.items = r.items + ['Отменить ' ~ order] %}"
    "{% else %}{% set r.items = r.items + ['Изменить ' ~ order ~ ': исключить из него назначение "
    "административного выдворения за пределы Российской Федерации' ~ (' и помещение заявительницы в "
    "специальное учреждение' if held else '')] %}{% endif %}"
    "{% if held %}{% set r.items = r.items + ['Освободить заявительницу из специального учреждения "
    "немедленно'] %}{% endif %}"
    "{% for x in appeal.requests|default([]) %}{% set r.items = r.items + [x] %}{% endfor %}"
    "{% set r.items = r.items + ['Рассмотреть жалобу с участием заявительницы и её защитника' ~ "
    "(' в срок, установленный ч. 3 ст. 30.5 КоАП РФ' if held else '')] %}"
)


def requests(doc, req_num, att_num):
    ru.spaced(body(doc, REQUESTS + "На основании изложенного, руководствуясь ст. 30.1–30.3 КоАП РФ,"))
    body(doc, "ПРОШУ:", "Amicus Request Label")
    ru.numbered_loop(doc, "{%p for x in r.items %}", "{{ x }}{% if loop.last %}.{% else %};{% endif %}", req_num)
    ru.attachments(doc, att_num)


def build(path=OUT):
    doc = ru.new_ru_document()
    nums = ru.add_numbering(doc, ["facts", "requests", "attachments"])
    header_block(doc)
    title(doc)
    intro(doc)
    time_limit(doc)
    facts(doc, nums["facts"])
    family_section(doc)
    grounds(doc)
    requests(doc, nums["requests"], nums["attachments"])
    ru.signature(
        doc, date="{{ signature.date|date('long') }}",
        label="{% if signature.signatory == 'applicant' %}Заявительница{% else %}Защитник{% endif %}",
        name="{% if signature.signatory == 'applicant' %}{{ applicant.name.cyrillic }}"
             "{% else %}{{ representative.name }}{% endif %}")
    ru.header_and_footer(doc, header="Дело № {{ proceedings.case_no }}",
                         footer="Жалоба на выдворение по делу № {{ proceedings.case_no }}")
    ru.set_properties(
        doc, title="Жалоба на выдворение — {{ case_id }}",
        subject="Жалоба на постановление о назначении административного выдворения (ст. 30.1–30.3 КоАП РФ)",
        comments="Подготовлено в Amicus по шаблону appeal-expulsion-koap-ru",
        keywords="КоАП РФ; ст. 18.8; выдворение; семейные связи; интересы ребёнка")
    return ru.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
