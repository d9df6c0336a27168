#!/usr/bin/env python3
"""Write Benchmarks/inputs/bench-case.yaml: a large, realistic case for Templates/appeal-separation-ru.

40 facts, 40 timeline rows, 6 violations with precedents, three children, a late-filing motion, Cyrillic
text throughout and a few characters that must be escaped (& < > " «»). Fictional: every name, number,
date, address and court is a placeholder. Deterministic: a fixed seed, no clock, no environment.

    python3 Benchmarks/make_bench_case.py            # writes Benchmarks/inputs/bench-case.yaml
    python3 Benchmarks/make_bench_case.py OUT.yaml
"""

import datetime as dt
import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "inputs", "bench-case.yaml")

SEED = 20211015
N_FACTS = 40
N_EVENTS = 40

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]


def long_ru(d):
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} г."


def short_ru(d):
    return d.strftime("%d.%m.%Y")


CHILDREN = [
    {"initials": "А. Д.", "birth_date": dt.date(2019, 11, 3), "relationship": "daughter", "age": "полутора лет"},
    {"initials": "Б. Д.", "birth_date": dt.date(2017, 2, 20), "relationship": "son", "age": "четырёх лет"},
    {"initials": "В. Д.", "birth_date": dt.date(2014, 6, 8), "relationship": "daughter", "age": "семи лет"},
]

PLACES = ["в комнате свиданий", "в приёмной специального учреждения", "в коридоре у поста охраны",
          "в помещении для приёма передач"]
OFFICIALS = ["инспектор отдела по вопросам миграции", "дежурный специального учреждения",
             "сотрудник полиции", "начальник смены учреждения", "специалист органа опеки и попечительства"]
REPLIES = ["ответа не последовало", "в ответе сказано, что вопрос «не относится к компетенции учреждения»",
           "заявителю устно отказали, письменного ответа нет", "жалобу переслали в другой орган без уведомления",
           "ответ получен через 30 дней и содержит лишь ссылку на правила внутреннего распорядка"]
ITEMS = ["детское питание", "тёплую одежду для детей", "лекарства для младшей дочери", "документы детей",
         "медицинскую карту беременной", "письма от детей"]


def make_facts_and_events(rng, start):
    """Walk forward day by day, producing one fact paragraph and one timeline row per step."""
    facts, events = [], []
    d = start
    kinds = ["complaint", "visit", "medical", "transfer", "call", "guardianship", "item"]
    for i in range(max(N_FACTS, N_EVENTS)):
        d = d + dt.timedelta(days=rng.randint(1, 4))
        kind = kinds[i % len(kinds)] if i >= 3 else ["arrest", "court", "placement"][i]
        child = CHILDREN[rng.randrange(len(CHILDREN))]
        place = rng.choice(PLACES)
        official = rng.choice(OFFICIALS)
        reply = rng.choice(REPLIES)
        item = rng.choice(ITEMS)
        n = rng.randint(2, 48)
        if kind == "arrest":
            fact = (f"{long_ru(d)} около {rng.randint(7, 11)}:{rng.choice(['00', '15', '30', '45'])} заявительница "
                    f"была задержана во время проверки документов у рынка на ул. Примерной. Дети остались дома "
                    f"одни: старшей дочери {CHILDREN[2]['initials']} было семь лет, младшей — полтора года. "
                    f"Сотрудники, проводившие проверку, знали об этом со слов заявительницы.")
            event = "Задержание заявительницы; трое детей остались дома без взрослых"
        elif kind == "court":
            fact = (f"{long_ru(d)} Энский районный суд рассмотрел материалы в отношении заявительницы за "
                    f"{rng.randint(20, 55)} минут. Ходатайство защитника об отложении дела для представления "
                    f"свидетельств о рождении детей отклонено. В протоколе судебного заседания записано: "
                    f"\"сведений о наличии несовершеннолетних детей не представлено\".")
            event = "Заседание Энского районного суда; ходатайство об отложении отклонено"
        elif kind == "placement":
            fact = (f"{long_ru(d)} заявительницу доставили в специальное учреждение для временного содержания "
                    f"иностранных граждан. Детей туда не приняли; их забрали в социально-реабилитационный "
                    f"центр, о чём заявительнице сообщили лишь через {n} ч.")
            event = "Помещение в СУВСИГ; дети переданы в социально-реабилитационный центр"
        elif kind == "complaint":
            fact = (f"{long_ru(d)} защитник подал жалобу на имя начальника учреждения с просьбой разрешить "
                    f"заявительнице свидание с детьми; {reply}. Копия жалобы и доказательства её отправки "
                    f"приложены.")
            event = f"Жалоба начальнику учреждения о свидании с детьми; {reply}"
        elif kind == "visit":
            fact = (f"{long_ru(d)} {place} заявительнице разрешили увидеть "
                    f"{'дочь' if child['relationship'] == 'daughter' else 'сына'} {child['initials']} "
                    f"в возрасте {child['age']} на {rng.randint(5, 20)} минут — только через стекло, без "
                    f"возможности обнять ребёнка. Ребёнок плакал и не хотел уходить.")
            event = f"Свидание с ребёнком {child['initials']} через стекло ({place})"
        elif kind == "medical":
            week = 20 + i // 3
            fact = (f"{long_ru(d)} заявительница обратилась за медицинской помощью: срок беременности — "
                    f"около {week} недель, давление < 90/60 мм рт. ст. Осмотр акушером-гинекологом не проведён; "
                    f"{official} пояснил, что врач «приходит по графику».")
            event = f"Обращение за медицинской помощью; беременность около {week} недель; врач не осматривал"
        elif kind == "transfer":
            fact = (f"{long_ru(d)} сын заявительницы {CHILDREN[1]['initials']} без её ведома переведён в другое "
                    f"отделение центра, в {n} км от прежнего. Органу опеки и попечительства о переводе "
                    f"сообщили через {rng.randint(2, 6)} дн.")
            event = f"Перевод {CHILDREN[1]['initials']} в другое отделение центра без уведомления матери"
        elif kind == "call":
            fact = (f"{long_ru(d)} заявительнице разрешили телефонный разговор с детьми продолжительностью "
                    f"{rng.randint(3, 10)} минут. Младшая дочь не узнала голос матери; старшая спросила: "
                    f"\"Мама, когда ты нас заберёшь?\"")
            event = "Телефонный разговор с детьми"
        elif kind == "guardianship":
            fact = (f"{long_ru(d)} защитник направил в орган опеки и попечительства запрос о том, кто является "
                    f"законным представителем детей, пока мать содержится в учреждении; {reply}.")
            event = f"Запрос в орган опеки и попечительства; {reply}"
        else:  # item
            fact = (f"{long_ru(d)} родственники передали в учреждение {item}; передачу "
                    f"приняли через {rng.randint(1, 5)} дн. Опись содержит отметку \"Ст. & подп. дежурного\" без "
                    f"фамилии.")
            event = f"Передача: {item}"
        if len(facts) < N_FACTS:
            facts.append(fact)
        if len(events) < N_EVENTS:
            events.append({"date": d, "description_ru": event})
    return facts, events


VIOLATIONS = [
    {
        "instrument": "constitution_ru",
        "article": "ч. 1 ст. 38 и ч. 1 ст. 46",
        "heading": "Материнство и детство остались без защиты, право на судебную защиту нарушено",
        "argument": ("Материнство и детство, семья находятся под защитой государства. Суд не выяснил, где и с кем "
                     "остаются трое малолетних детей, и отказал в отложении дела, хотя документы о рождении детей "
                     "могли быть представлены в течение суток."),
        "precedents": [
            {"id": "ru-cc-14-p-2017-mskhiladze",
             "holding": "лицо без гражданства не может содержаться до выдворения без судебной проверки оснований и срока содержания"},
        ],
    },
    {
        "instrument": "koap",
        "article": "ч. 5 ст. 3.10",
        "heading": "Помещение в специальное учреждение назначено без обсуждения его необходимости",
        "argument": ("Помещение в специальное учреждение до выдворения — право, а не обязанность судьи. Мотивов, по "
                     "которым исполнение постановления нельзя обеспечить без лишения свободы беременной матери троих "
                     "детей, постановление не содержит."),
        "precedents": [
            {"id": "kim-v-russia-2014"},
            {"id": "azimov-v-russia-2013"},
        ],
    },
    {
        "instrument": "crc",
        "article": "п. 1 ст. 3",
        "heading": "Наилучшие интересы детей не стали первоочередным соображением",
        "argument": ("Во всех действиях в отношении детей, в том числе в решениях судов, первоочередное внимание "
                     "уделяется наилучшему обеспечению интересов ребёнка. Суд интересов детей не оценивал."),
        "precedents": [
            {"id": "crc-gc-14-2013"},
            {"id": "jgc-cmw4-crc23-2017"},
        ],
    },
    {
        "instrument": "crc",
        "article": "ст. 9",
        "heading": "Дети разлучены с матерью против её воли",
        "argument": ("Трое детей помещены в социально-реабилитационный центр, мать — в специальное учреждение; "
                     "свидания проходят через стекло. Разлучение не было предметом судебной оценки."),
        "precedents": [
            {"id": "crc-gc-6-2005"},
            {"id": "mubilanzila-mayeka-v-belgium-2006"},
        ],
    },
    {
        "instrument": "echr",
        "article": "ст. 8",
        "heading": "Вмешательство в семейную жизнь матери и детей",
        "argument": ("Разлучение матери и детей — вмешательство в их семейную жизнь, которое должно быть необходимым "
                     "и соразмерным. Суд не рассмотрел менее суровых мер."),
        "precedents": [
            {"id": "alim-v-russia-2011"},
            {"id": "popov-v-france-2012"},
            {"id": "bistieva-and-others-v-poland-2018"},
        ],
    },
    {
        "instrument": "echr",
        "article": "ст. 3",
        "heading": "Обращение с беременной женщиной и детьми",
        "argument": ("Беременная заявительница не получает наблюдения врача, дети раннего возраста лишены матери. "
                     "Такое обращение достигает порога ст. 3 Конвенции."),
        "precedents": [
            {"id": "kim-v-russia-2014"},
            {"id": "muskhadzhiyeva-and-others-v-belgium-2010"},
            {"id": "kanagaratnam-and-others-v-belgium-2011"},
        ],
    },
]


def build():
    rng = random.Random(SEED)
    start = dt.date(2021, 6, 1)
    facts, events = make_facts_and_events(rng, start)
    decision_date = events[1]["date"]
    return {
        "case_id": "BENCH-RU-2021-0000",
        "via_first_instance": True,
        "appeal_court": {"name": "Санкт-Петербургский городской суд",
                         "address": "000000, Санкт-Петербург, ул. Судебная, д. 0"},
        "applicant": {
            "name": {"cyrillic": "Образцова Дилноза", "latin": "Obraztsova Dilnoza"},
            "birth_date": dt.date(1993, 4, 17),
            "citizenship_ru": "гражданка Республики Таджикистан",
            "address_postal": "через защитника — 000000, Санкт-Петербург, ул. Образцовая, д. 0, оф. 0",
            "pregnant": True,
        },
        "children": [{k: c[k] for k in ("initials", "birth_date", "relationship")} for c in CHILDREN],
        "representative": {
            "name": "Примеров Павел Андреевич", "status": "advokat",
            "address": "000000, Санкт-Петербург, ул. Образцовая, д. 0, оф. 0",
            "phone": "+7 (000) 000-00-00", "email": "defence@example.org",
        },
        "proceedings": {
            "case_no": "5-0000/2021",
            "offence": "ст. 18.8 КоАП РФ",
            "court": {"name": "Энский районный суд Санкт-Петербурга",
                      "name_genitive": "Энского районного суда Санкт-Петербурга",
                      "address": "000000, Санкт-Петербург, ул. Примерная, д. 00"},
            "decision": {
                "date": decision_date,
                "served_on": decision_date + dt.timedelta(days=45),
                "outcome": ("ей назначено административное наказание в виде административного штрафа в размере "
                            "0 000 рублей с административным выдворением за пределы Российской Федерации в форме "
                            "принудительного выдворения, а до выдворения она помещена в специальное учреждение для "
                            "временного содержания иностранных граждан"),
            },
        },
        "detention": {"facility": "специальное учреждение для временного содержания иностранных граждан № 0 (СУВСИГ)",
                      "address": "000000, Санкт-Петербург, ш. Примерное, д. 0"},
        "late_filing": {"reason": ("копия постановления вручена заявительнице только "
                                   f"{short_ru(decision_date + dt.timedelta(days=45))}, а до этого ей, не владеющей "
                                   "русским языком, не был предоставлен переводчик.")},
        "facts": facts,
        "events": events,
        "violations": VIOLATIONS,
        "requests": [
            {"text_ru": "Восстановить срок обжалования постановления"},
            {"text_ru": (f"Изменить постановление Энского районного суда Санкт-Петербурга от {short_ru(decision_date)} "
                         "по делу № 5-0000/2021: исключить из него административное выдворение и помещение "
                         "Образцовой Дилнозы в специальное учреждение")},
            {"text_ru": "Освободить Образцову Дилнозу из специального учреждения немедленно"},
            {"text_ru": "Рассмотреть жалобу с участием заявительницы, защитника и переводчика"},
        ],
        "attachments": (
            [{"title": "Копия постановления Энского районного суда Санкт-Петербурга", "date": decision_date, "pages": 4}]
            + [{"title": f"Копия свидетельства о рождении {c['initials']} с переводом на русский язык", "pages": 2}
               for c in CHILDREN]
            + [{"title": "Копия справки ООО «Здоровье & Семья» о беременности заявительницы",
                "date": start, "pages": 1},
               {"title": "Копии жалоб защитника и ответов на них", "pages": 21},
               {"title": "Ордер адвоката № 000", "date": start + dt.timedelta(days=3), "pages": 1}]
        ),
        "signature": {"date": events[-1]["date"] + dt.timedelta(days=1), "signatory": "representative"},
    }


class _NoAliases(yaml.SafeDumper):
    """Write repeated values (the same date object) in full, without YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    data = build()
    header = ("# GENERATED by Benchmarks/make_bench_case.py — do not edit by hand.\n"
              "# Fictional benchmark case for Templates/appeal-separation-ru: every name, number, date, address\n"
              "# and court is a placeholder.\n")
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=110)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(header + text)
    os.replace(tmp, out)
    print(out)


if __name__ == "__main__":
    main()
