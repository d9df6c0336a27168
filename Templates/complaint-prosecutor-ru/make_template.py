#!/usr/bin/env python3
"""Build Templates/complaint-prosecutor-ru/template.docx and template.odt.

A written complaint (ЖАЛОБА) under Federal Law of 02.05.2006 No. 59-ФЗ about a pregnant woman, or a woman
with a child, held in a special institution for foreign nationals (a migrant detention centre), addressed
by a case field to the prosecutor, the children's ombudsman or the human-rights ombudsman. It carries the
requisites of art. 7 of that law (addressee; the applicant's full name; a postal address for the reply; the
substance; signature and date; attached documents) and asks for the written reply within the 30 days of
art. 12 part 1.

Run with the project's build venv:

    .build-venv/bin/python Templates/complaint-prosecutor-ru/make_template.py

The output is deterministic: running the script twice gives byte-identical files.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))

import ru_filing as ru  # noqa: E402

OUT = os.path.join(HERE, "template.docx")

LAW_INSTR = "Федеральным законом от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»"

PRELUDE = (
    ru.MACRO_GENDER + ru.MACRO_KIN + ru.MACRO_WHEREABOUTS +
    "{% set kids = children|default([]) %}"
    "{% set many = kids|length > 1 %}"
    "{% set by_rep = signature.signatory == 'representative' %}"
    "{% set to = complaint.addressee %}"
    "{% set echr = detention.start <= '2022-09-16' %}"
    "{% set ns = namespace(apart=false, died=false) %}"
    "{% for c in kids %}{% if c.died_on is defined or (c.current_location is defined and "
    "c.current_location.type not in ['with_mother', 'suvsig']) %}{% set ns.apart = true %}{% endif %}"
    "{% if c.died_on is defined %}{% set ns.died = true %}{% endif %}{% endfor %}"
)

# «беременной женщины», «женщины, имеющей малолетнего ребёнка», … (genitive, after «о нарушении прав»).
WHO_GEN = (
    "{% if applicant.pregnant %}беременной женщины{% elif many %}матери малолетних детей"
    "{% else %}матери малолетнего ребёнка{% endif %}, содержащейся в специальном учреждении для иностранных "
    "граждан{% if kids %}, и {% if many %}её детей{% else %}её ребёнка{% endif %}{% endif %}"
)


# The addressee chosen by complaint.addressee.kind, after «обращаюсь».
TO_WHOM = (
    "{% if to.kind == 'prosecutor' %}в органы прокуратуры{% elif to.kind == 'child_ombudsman' %}к "
    "Уполномоченному по правам ребёнка{% else %}к Уполномоченному по правам человека{% endif %}"
)


def body(doc, text, style="Amicus Body"):
    return ru.para(doc, text, style)


def ctl(doc, tag):
    return ru.control(doc, tag, "Amicus Body")


def header_block(doc):
    body(doc, PRELUDE + "{{ to.name }}", "Amicus Header Block")
    ctl(doc, "{%p if to.official is defined %}")
    body(doc, "{{ to.official }}", "Amicus Header Block")
    ctl(doc, "{%p endif %}")
    body(doc, "{{ to.address }}", "Amicus Header Block")

    ctl(doc, "{%p if by_rep %}")
    ru.spaced(ru.para(doc, style="Amicus Header Block", runs=[
        ("Заявитель: ", {"bold": True}),
        ("{{ representative.name }}{% if representative.status == 'advokat' %}, адвокат{% endif %}", {}),
    ]))
    body(doc, "в интересах: {{ applicant.name.cyrillic }}, {{ applicant.birth_date|date('short') }} года "
              "рождения, {{ applicant.citizenship_ru }}", "Amicus Header Block")
    body(doc, "место содержания: {{ detention.facility }}, {{ detention.address }}", "Amicus Header Block")
    ru.para(doc, style="Amicus Header Block", runs=[
        ("Почтовый адрес для ответа: ", {"bold": True}), ("{{ representative.address }}", {})])
    body(doc, "тел.: {{ representative.phone }}, эл. почта: {{ representative.email }}", "Amicus Header Block")
    ctl(doc, "{%p else %}")
    ru.spaced(ru.para(doc, style="Amicus Header Block", runs=[
        ("Заявитель: ", {"bold": True}),
        ("{{ applicant.name.cyrillic }}, {{ applicant.birth_date|date('short') }} года рождения, "
         "{{ applicant.citizenship_ru }}", {}),
    ]))
    body(doc, "место содержания: {{ detention.facility }}, {{ detention.address }}", "Amicus Header Block")
    ru.para(doc, style="Amicus Header Block", runs=[
        ("Почтовый адрес для ответа: ", {"bold": True}), ("{{ applicant.address_postal }}", {})])
    ctl(doc, "{%p endif %}")
    ru.spaced(ru.para(doc, style="Amicus Header Block", runs=[
        ("Исх. № {{ complaint.ref|default(case_id) }} от {{ signature.date|date('short') }}", {"bold": True})]))


def title(doc):
    body(doc, "ЖАЛОБА", "Amicus Title")
    body(doc, "о нарушении прав " + WHO_GEN, "Amicus Subtitle")


def intro(doc):
    body(doc,
         "{% if by_rep %}Я, {{ representative.name }}, "
         "{% if representative.status == 'advokat' %}адвокат{% else %}представитель{% endif %}, обращаюсь "
         + TO_WHOM + " с настоящей жалобой в интересах заявительницы{% if representative.authority is defined %} ("
         "{% if representative.authority.type == 'order_advokat' %}ордер{% else %}доверенность{% endif %} "
         "№ {{ representative.authority.number }} от {{ representative.authority.date|date('short') }})"
         "{% endif %}.{% else %}Я, {{ applicant.name.cyrillic }} (далее — заявительница), обращаюсь "
         + TO_WHOM + " с настоящей жалобой на нарушение моих прав{% if kids %} и прав {% if many %}моих детей{% else %}"
         "{{ g(kids[0], 'моего', 'моей') }} {{ kin_gen(kids[0]) }}{% endif %}{% endif %}.{% endif %}")
    body(doc,
         "Заявительница — {{ applicant.name.cyrillic }}, {{ applicant.birth_date|date('short') }} года "
         "рождения, {{ applicant.citizenship_ru }}{% if applicant.pregnant %}, беременна"
         "{% if applicant.pregnancy_weeks is defined %} (срок беременности — "
         "{{ applicant.pregnancy_weeks|plural('неделя', 'недели', 'недель') }}){% endif %}{% endif %}. "
         "С {{ detention.start|date('long') }} она содержится в специальном учреждении для иностранных "
         "граждан (место содержания указано выше)"
         "{% if proceedings is defined %}; основание — постановление {{ proceedings.court.name_genitive }} "
         "от {{ proceedings.decision.date|date('short') }} по делу № {{ proceedings.case_no }}{% endif %}.")
    ctl(doc, "{%p if kids %}")
    body(doc, "Заявительница — мать {% if many %}малолетних детей{% else %}малолетнего ребёнка{% endif %}:")
    ctl(doc, "{%p endif %}")
    ctl(doc, "{%p for c in kids %}")
    body(doc,
         "— {{ kin(c) }} {{ c.initials }}, {{ c.birth_date|date('short') }} года рождения"
         "{% if c.citizenship_ru is defined %}, {{ c.citizenship_ru }}{% endif %}: {{ whereabouts(c) }}"
         "{% if loop.last %}.{% else %};{% endif %}", "Amicus Precedent")
    ctl(doc, "{%p endfor %}")


def facts(doc, num_id):
    body(doc, "Обстоятельства", "Amicus Section")
    ru.numbered_loop(doc, "{%p for f in facts %}", "{{ f }}", num_id)


def rights(doc):
    body(doc, "Какие права нарушены", "Amicus Section")
    body(doc,
         "Материнство и детство, семья находятся под защитой государства (ч. 1 ст. 38 Конституции Российской "
         "Федерации). Эта защита не зависит от гражданства и миграционного статуса матери. "
         "{% if applicant.pregnant %}Беременная женщина, лишённая свободы, полностью зависит от тех, кто её "
         "содержит: её питание, медицинское наблюдение и условия содержания должны учитывать беременность. "
         "{% endif %}{% if kids %}Во всех действиях в отношении детей, в том числе в действиях "
         "административных органов, первоочередное внимание уделяется наилучшему обеспечению интересов "
         "ребёнка (п. 1 ст. 3 Конвенции о правах ребёнка).{% endif %}")
    ctl(doc, "{%p if ns.apart %}")
    body(doc,
         "Статья 9 Конвенции о правах ребёнка обязывает государство обеспечить, чтобы ребёнок не разлучался "
         "с родителями против их воли, кроме случаев, когда разлучение необходимо в наилучших интересах "
         "самого ребёнка. {% if many %}Дети заявительницы {% if ns.died %}были {% endif %}разлучены{% else %}"
         "{{ kin(kids[0])|capitalize }} заявительницы {% if ns.died %}{{ g(kids[0], 'был', 'была') }} "
         "{% endif %}{{ g(kids[0], 'разлучён', 'разлучена') }}{% endif %} с матерью, и никто не оценил, "
         "{% if ns.died %}отвечало{% else %}отвечает{% endif %} ли это "
         "{% if many %}их{% else %}{{ g(kids[0], 'его', 'её') }}{% endif %} интересам.")
    ctl(doc, "{%p endif %}")
    ctl(doc, "{%p for t in complaint.grounds|default([]) %}")
    body(doc, "{{ t }}")
    ctl(doc, "{%p endfor %}")
    ctl(doc, "{%p if echr %}")
    body(doc,
         "Европейский суд по правам человека признавал условия содержания иностранных граждан в специальном "
         "учреждении в России нарушающими ст. 3 Конвенции о защите прав человека и основных свобод "
         "({{ cite('kim-v-russia-2014') }}).")
    ctl(doc, "{%p endif %}")


def requests(doc, req_num, att_num):
    ru.spaced(body(doc,
                   "На основании изложенного, руководствуясь " + LAW_INSTR + ","))
    body(doc, "ПРОШУ:", "Amicus Request Label")
    ru.numbered_loop(
        doc, "{%p for x in complaint.requests + ['__reply__'] %}",
        "{% if x == '__reply__' %}Дать письменный ответ по существу жалобы по почтовому адресу, указанному в "
        "ней, в течение 30 дней со дня её регистрации (ч. 1 ст. 12 Федерального закона от 02.05.2006 "
        "№ 59-ФЗ){% else %}{{ x }}{% endif %}{% if loop.last %}.{% else %};{% endif %}", req_num)
    ru.attachments(doc, att_num, items="complaint.attachments")


def build(path=OUT):
    doc = ru.new_ru_document()
    nums = ru.add_numbering(doc, ["facts", "requests", "attachments"])
    header_block(doc)
    title(doc)
    intro(doc)
    facts(doc, nums["facts"])
    rights(doc)
    requests(doc, nums["requests"], nums["attachments"])
    ru.signature(
        doc, date="{{ signature.date|date('long') }}",
        label="Заявитель",
        name="{% if by_rep %}{{ representative.name }}{% else %}{{ applicant.name.cyrillic }}{% endif %}")
    ru.header_and_footer(doc, header="Исх. № {{ complaint.ref|default(case_id) }}",
                         footer="Жалоба (59-ФЗ), исх. № {{ complaint.ref|default(case_id) }}")
    ru.set_properties(
        doc, title="Жалоба — {{ case_id }}",
        subject="Жалоба по Федеральному закону № 59-ФЗ о нарушении прав женщины, содержащейся в специальном "
                "учреждении для иностранных граждан",
        comments="Подготовлено в Amicus по шаблону complaint-prosecutor-ru",
        keywords="59-ФЗ; прокуратура; уполномоченный; СУВСИГ; беременность; дети")
    return ru.save(doc, path)


if __name__ == "__main__":
    for out in build(sys.argv[1] if len(sys.argv) > 1 else OUT):
        print(out)
