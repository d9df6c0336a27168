#!/usr/bin/env python3
"""Render an Amicus DOCX template with docxtpl, for side-by-side checks and the benchmark.

    docxtpl_render.py TEMPLATE.docx CASE.yaml --out OUT.docx
    docxtpl_render.py TEMPLATE.docx CASE.yaml --bench N

--out renders once. --bench N renders N times in this process (template bytes and case data held in
memory, one warm-up render first) and prints one line of JSON:
    {"tool": "docxtpl", "n": N, "ms_per_doc": ..., "docs_per_sec": ...}

It registers the filters and functions the Swift engine gives templates, with the same output:
    value|date('short'|'long'|'iso', locale=None)   17.07.2014 / «17 июля 2014 г.» / 2014-07-17 (ru);
                                                    17/07/2014 / 17 July 2014 / 2014-07-17 (en)
    n|plural(one, few, many, locale=None)           the number and its Russian plural form (en: plural(one, other))
    cite(id, para=None)                             Russian court style, e.g. «Постановление ЕСПЧ от
                                                    17.07.2014 по делу «Ким против России» (жалоба № 44260/13)»
The locale comes from --locale, else from the template folder's manifest.yaml (`language`), else en.
Undefined names are errors (jinja2.StrictUndefined), as in the Swift engine's default mode; values are
XML-escaped (autoescape).

cite() reads a small table below (PRECEDENTS), transcribed from shared/reference/precedent-facts.yaml
(ids, numbers, dates; only records marked verified). The Russian case titles are transliterations
written for this table. Paragraph pinpoints are printed only when a template passes `para`.
"""

import argparse
import datetime as dt
import io
import json
import os
import re
import sys
import time

import yaml
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

# ------------------------------------------------------------------------------------------------
# dates and plurals
# ------------------------------------------------------------------------------------------------

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def to_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?", s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(f"date: expected a date like 2016-01-20 or 20.01.2016, got {value!r}")


def make_date_filter(default_locale):
    def date_filter(value, fmt="long", locale=None):
        loc = (locale or default_locale).lower()
        d = to_date(value)
        if fmt == "iso":
            return d.isoformat()
        if fmt == "short":
            return d.strftime("%d.%m.%Y") if loc == "ru" else d.strftime("%d/%m/%Y")
        if fmt == "long":
            if loc == "ru":
                return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} г."
            return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
        raise ValueError(f"date: unknown format {fmt!r} (short, long, iso)")
    return date_filter


def make_plural_filter(default_locale):
    # Like the Swift engine's filter: the number, a space, and the form that agrees with it ("3 листах").
    def plural(n, *forms, locale=None):
        loc = (locale or default_locale).lower()
        count = abs(int(n))
        if loc == "ru":
            if len(forms) != 3:
                raise ValueError("plural: Russian needs three forms (one, few, many)")
            if count % 10 == 1 and count % 100 != 11:
                word = forms[0]
            elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
                word = forms[1]
            else:
                word = forms[2]
        else:
            if len(forms) < 2:
                raise ValueError("plural: English needs two forms (one, other)")
            word = forms[0] if count == 1 else forms[1]
        return f"{n} {word}"
    return plural


# ------------------------------------------------------------------------------------------------
# precedents (from shared/reference/precedent-facts.yaml, verified records only)
# ------------------------------------------------------------------------------------------------

def _ecthr(date, title_ru, numbers):
    return {"kind": "ecthr", "date": date, "title_ru": title_ru, "numbers": numbers}


PRECEDENTS = {
    "kim-v-russia-2014": _ecthr("2014-07-17", "Ким против России", ["44260/13"]),
    "mskhiladze-v-russia-2018": _ecthr("2018-02-13", "Мсхиладзе против России", ["47741/16"]),
    "azimov-v-russia-2013": _ecthr("2013-04-18", "Азимов против России", ["67474/11"]),
    "nasrulloyev-v-russia-2007": _ecthr("2007-10-11", "Насруллоев против России", ["656/06"]),
    "alim-v-russia-2011": _ecthr("2011-09-27", "Алим против России", ["39417/07"]),
    "bistieva-and-others-v-poland-2018": _ecthr("2018-04-10", "Бистиева и другие против Польши", ["75157/14"]),
    "muskhadzhiyeva-and-others-v-belgium-2010": _ecthr("2010-01-19", "Мусхаджиева и другие против Бельгии",
                                                       ["41442/07"]),
    "popov-v-france-2012": _ecthr("2012-01-19", "Попов против Франции", ["39472/07", "39474/07"]),
    "mubilanzila-mayeka-v-belgium-2006": _ecthr("2006-10-12",
                                                "Мубиланзила Майека и Каники Митунга против Бельгии",
                                                ["13178/03"]),
    "kanagaratnam-and-others-v-belgium-2011": _ecthr("2011-12-13", "Канагаратнам и другие против Бельгии",
                                                     ["15297/09"]),
    "rahimi-v-greece-2011": _ecthr("2011-04-05", "Рахими против Греции", ["8687/08"]),
    "crc-gc-14-2013": {"kind": "un_gc",
                       "text": "Замечание общего порядка № 14 (2013) Комитета по правам ребёнка (CRC/C/GC/14)"},
    "crc-gc-6-2005": {"kind": "un_gc",
                      "text": "Замечание общего порядка № 6 (2005) Комитета по правам ребёнка (CRC/GC/2005/6)"},
    "jgc-cmw4-crc23-2017": {"kind": "un_gc",
                            "text": "Совместное замечание общего порядка № 4 (2017) Комитета по защите прав всех "
                                    "трудящихся-мигрантов и членов их семей и № 23 (2017) Комитета по правам "
                                    "ребёнка (CMW/C/GC/4-CRC/C/GC/23)"},
    "eb-v-belgium-2022": {"kind": "un_views", "date": "2022-02-03", "body": "Комитета по правам ребёнка",
                          "communication": "55/2018", "title_ru": "E.B. против Бельгии",
                          "symbol": "CRC/C/89/D/55/2018"},
    "ru-cc-14-p-2017-mskhiladze": {"kind": "ksrf", "date": "2017-05-23", "number": "14-П"},
}


def _para_suffix(para, sign):
    if para is None:
        return ""
    s = str(para)
    if sign == "§":
        many = bool(re.search(r"[-–,]", s))
        s = s.replace("-", "–")
        return f", {'§§' if many else '§'} {s}"
    return f", {'пп.' if re.search(r'[-–,]', s) else 'п.'} {s.replace('-', '–')}"


def cite(pid, para=None):
    rec = PRECEDENTS.get(pid)
    if rec is None:
        raise ValueError(f"cite: unknown precedent id {pid!r}")
    kind = rec["kind"]
    if kind == "ecthr":
        d = to_date(rec["date"]).strftime("%d.%m.%Y")
        nums = rec["numbers"]
        label = "жалоба №" if len(nums) == 1 else "жалобы №"
        return (f"Постановление ЕСПЧ от {d} по делу «{rec['title_ru']}» ({label} "
                f"{' и '.join(nums)}){_para_suffix(para, '§')}")
    if kind == "un_gc":
        return rec["text"] + _para_suffix(para, "п.")
    if kind == "un_views":
        d = to_date(rec["date"]).strftime("%d.%m.%Y")
        return (f"Соображения {rec['body']} от {d} по сообщению № {rec['communication']} "
                f"(«{rec['title_ru']}», {rec['symbol']}){_para_suffix(para, 'п.')}")
    if kind == "ksrf":
        d = to_date(rec["date"]).strftime("%d.%m.%Y")
        return f"Постановление Конституционного Суда РФ от {d} № {rec['number']}{_para_suffix(para, 'п.')}"
    raise ValueError(f"cite: unknown kind {kind!r}")


# ------------------------------------------------------------------------------------------------
# rendering
# ------------------------------------------------------------------------------------------------

def template_locale(template_path):
    manifest = os.path.join(os.path.dirname(os.path.abspath(template_path)), "manifest.yaml")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8") as fh:
            m = yaml.safe_load(fh) or {}
        return m.get("locale") or m.get("language") or "en"
    return "en"


def make_env(locale):
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters["date"] = make_date_filter(locale)
    env.filters["plural"] = make_plural_filter(locale)
    env.globals["cite"] = cite
    return env


def render_once(template_bytes, context, env):
    tpl = DocxTemplate(io.BytesIO(template_bytes))
    tpl.render(context, env, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("template")
    ap.add_argument("case")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", help="write the rendered document here")
    g.add_argument("--bench", type=int, metavar="N", help="render N times and print JSON timing")
    ap.add_argument("--locale", help="ru or en (default: the template's manifest.yaml language)")
    args = ap.parse_args(argv)

    with open(args.template, "rb") as fh:
        template_bytes = fh.read()
    with open(args.case, encoding="utf-8") as fh:
        context = yaml.safe_load(fh)
    env = make_env(args.locale or template_locale(args.template))

    if args.out:
        data = render_once(template_bytes, context, env)
        tmp = args.out + ".tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, args.out)
        return 0

    n = args.bench
    if n < 1:
        ap.error("--bench needs N >= 1")
    render_once(template_bytes, context, env)  # warm-up: imports, jinja compile caches
    t0 = time.perf_counter()
    for _ in range(n):
        render_once(template_bytes, context, env)
    elapsed = time.perf_counter() - t0
    ms = elapsed * 1000.0 / n
    print(json.dumps({"tool": "docxtpl", "n": n, "ms_per_doc": round(ms, 3),
                      "docs_per_sec": round(n / elapsed, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
