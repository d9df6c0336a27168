#!/usr/bin/python3
"""Drives the running web app in headless Chromium the way a trainee and a lawyer would, and fails loudly.

Run by scripts/browser-test.sh, which starts `amicus serve`. Uses Debian's chromium, chromium-driver and
python3-selenium. Saves screenshots of the main pages under the --screenshots folder.
"""
import argparse
import os
import re
import sys
import tempfile
import time
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

passed = []


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def step(name):
    def wrap(function):
        def run(*args):
            function(*args)
            passed.append(name)
            print(f"browser test: ok: {name}", flush=True)
        return run
    return wrap


def start_browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1100", "--lang=en-US", "--no-first-run"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "intl.accept_languages": "en-US,en",
    })
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def hits(driver):
    return [element.get_attribute("data-id") for element in driver.find_elements(By.CSS_SELECTOR, "li.hit")]


def count(driver):
    return int(driver.find_element(By.CSS_SELECTOR, "#result-count strong").text)


class BrowserTest:
    def __init__(self, base, screenshots, downloads, example):
        self.base = base.rstrip("/")
        self.screenshots = screenshots
        self.downloads = downloads
        self.example = example
        self.driver = start_browser(downloads)
        self.wait = WebDriverWait(self.driver, 30)

    def shot(self, name):
        path = os.path.join(self.screenshots, name + ".png")
        # The whole page, not just the window: make the viewport as tall as the document (at most 4000 px).
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1280, "height": max(900, min(height, 4000)), "deviceScaleFactor": 1, "mobile": False})
        try:
            check(self.driver.save_screenshot(path), f"could not save {path}")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    @step("the search page lists the corpus with facets")
    def search_page(self):
        self.driver.get(self.base + "/precedents?lang=en")
        check(self.driver.find_element(By.TAG_NAME, "h1").text == "Search the precedents", "search page heading")
        self.total = count(self.driver)
        check(self.total >= 30, f"expected the whole corpus, got {self.total}")
        check(len(self.driver.find_elements(By.CSS_SELECTOR, "#facet-article li")) > 5, "article facet missing")
        check(self.driver.find_elements(By.CSS_SELECTOR, ".unverified"), "no unverified mark on the list")
        self.shot("search")

    @step("filtering by article and country narrows to Russian ECHR-5 cases")
    def filter_by_article_and_country(self):
        self.driver.find_element(By.ID, "article").send_keys("ECHR-5")
        self.driver.find_element(By.ID, "country").send_keys("RU")
        self.driver.find_element(By.ID, "search-button").click()
        self.wait.until(EC.url_contains("country=RU"))
        check("article=ECHR-5" in self.driver.current_url, f"address not shareable: {self.driver.current_url}")
        found = hits(self.driver)
        check("kim-v-russia-2014" in found, f"Kim missing from {found}")
        check("popov-v-france-2012" not in found, "a French case under RU")
        check(count(self.driver) == len(found) and 0 < len(found) < self.total, f"count {count(self.driver)} vs {found}")
        for meta in self.driver.find_elements(By.CSS_SELECTOR, "li.hit .meta"):
            check("(RU)" in meta.text, f"not Russian: {meta.text}")
        self.shot("results")
        # A facet narrows further: the year of Kim.
        before = count(self.driver)
        self.driver.find_element(By.CSS_SELECTOR, "a[data-facet='year'][data-value='2014']").click()
        self.wait.until(EC.url_contains("from=2014"))
        check(count(self.driver) < before or before == 1, "the year facet did not narrow")
        check("kim-v-russia-2014" in hits(self.driver), "Kim lost by its own year")

    @step("a precedent page shows its citations, and the copy button copies")
    def open_precedent(self):
        self.driver.find_element(By.CSS_SELECTOR, "li.hit[data-id='kim-v-russia-2014'] h2 a").click()
        self.wait.until(EC.url_contains("/precedents/kim-v-russia-2014"))
        check(self.driver.find_element(By.TAG_NAME, "h1").text == "Kim v. Russia", "precedent heading")
        citation = self.driver.find_element(By.CSS_SELECTOR, "tr[data-style='ecthr'] code").text
        check(citation == "Kim v. Russia, no. 44260/13, 17 July 2014", f"citation: {citation}")
        self.driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": self.base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        button = self.driver.find_element(By.CSS_SELECTOR, "tr[data-style='ecthr'] button.copy")
        button.click()
        self.wait.until(lambda d: button.text == "Copied")
        copied = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));")
        check(copied == citation, f"clipboard holds {copied!r}")
        self.shot("precedent")

    @step("the switch shows an unverified record in Russian, marked")
    def russian_unverified_page(self):
        self.driver.get(self.base + "/precedents/ru-cc-14-p-2017-mskhiladze")
        self.driver.find_element(By.ID, "language-switch").click()
        self.wait.until(EC.url_contains("lang=ru"))
        check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru", "the page is not in Russian")
        marks = [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, ".unverified")]
        check("⚠ не проверено" in marks, f"no Russian unverified mark: {marks}")
        self.shot("precedent-ru")
        # Back to English, for the steps that read English text (the choice is kept in a cookie).
        self.driver.get(self.base + "/precedents?lang=en")
        check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the switch back failed")

    @step("the render form lists every problem with its line")
    def render_with_errors(self):
        with open(self.example, encoding="utf-8") as handle:
            text = handle.read()
        broken = text.replace("birth_date: 1990-03-14", "birth_date: 14 march")
        check(broken != text, "the example changed; update the browser test")
        line = next(number for number, content in enumerate(broken.split("\n"), 1) if "birth_date: 14 march" in content)
        path = os.path.join(tempfile.mkdtemp(prefix="amicus-browser-"), "broken.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(broken)
        self.driver.get(self.base + "/render")
        Select(self.driver.find_element(By.ID, "template")).select_by_value("appeal-separation-ru")
        self.driver.find_element(By.ID, "case-file").send_keys(path)
        self.driver.find_element(By.ID, "render-button").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "problems")))
        located = self.driver.find_elements(By.CSS_SELECTOR, f"#problems li[data-line='{line}']")
        check(located, f"no problem shown at line {line}")
        check("applicant.birth_date" in located[0].text, f"problem text: {located[0].text}")
        check(f"line {line}" in located[0].text, f"line number not shown: {located[0].text}")
        self.shot("render-errors")

    @step("the example renders through the form and downloads a DOCX holding the case")
    def render_example(self):
        self.driver.get(self.base + "/render")
        Select(self.driver.find_element(By.ID, "template")).select_by_value("appeal-separation-ru")
        self.driver.find_element(By.ID, "case-file").send_keys(os.path.abspath(self.example))
        self.driver.find_element(By.ID, "format-docx").click()
        self.shot("render-form")
        self.driver.find_element(By.ID, "render-button").click()
        expected = os.path.join(self.downloads, "RU-SPB-2016-0000-appeal-separation-ru.docx")
        deadline = time.time() + 60
        while not os.path.exists(expected) and time.time() < deadline:
            time.sleep(0.25)
        check(os.path.exists(expected), f"no download; folder holds {os.listdir(self.downloads)}")
        with zipfile.ZipFile(expected) as package:
            document = package.read("word/document.xml").decode("utf-8")
            header = package.read("word/header1.xml").decode("utf-8")
        plain = re.sub(r"<[^>]+>", "", document)
        check("Каримова" in plain, "the applicant's name is not in word/document.xml")
        check("5-0000/2016" in re.sub(r"<[^>]+>", "", header), "the case number is not in the header")
        check("{{" not in plain and "{%" not in plain, "a tag was left unrendered")

    @step("a document made with warnings shows them, and its link downloads it")
    def render_with_warnings(self):
        report = os.path.join(os.path.dirname(os.path.abspath(self.example)), "kyrgyzstan-report.yaml")
        self.driver.get(self.base + "/render")
        Select(self.driver.find_element(By.ID, "template")).select_by_value("crc-alternative-report-en")
        self.driver.find_element(By.ID, "case-file").send_keys(report)
        self.driver.find_element(By.ID, "format-docx").click()
        self.driver.find_element(By.ID, "render-button").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "download-link")))
        warnings = self.driver.find_elements(By.CSS_SELECTOR, "#problems li.warning")
        check(warnings and "no verified word limit" in warnings[0].text, "the warning is not shown")
        self.shot("render-warnings")
        link = self.driver.find_element(By.ID, "download-link")
        name = link.get_attribute("download")
        check(name.endswith("crc-alternative-report-en.docx"), f"download name: {name}")
        link.click()
        expected = os.path.join(self.downloads, name)
        deadline = time.time() + 60
        while not os.path.exists(expected) and time.time() < deadline:
            time.sleep(0.25)
        check(os.path.exists(expected), f"no download; folder holds {os.listdir(self.downloads)}")
        with zipfile.ZipFile(expected) as package:
            plain = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode("utf-8"))
        check("Kyrgyz" in plain, "the report's country is not in word/document.xml")

    def run(self):
        try:
            for test in (self.search_page, self.filter_by_article_and_country, self.open_precedent,
                         self.russian_unverified_page, self.render_with_errors, self.render_example,
                         self.render_with_warnings):
                test()
        finally:
            self.driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--example", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="amicus-downloads-")
    try:
        BrowserTest(arguments.base, arguments.screenshots, downloads, arguments.example).run()
    except Exception as error:  # every failure, of an assertion or of the browser, fails the run
        print(f"browser test: FAILED after {len(passed)} step(s): {type(error).__name__}: {error}", file=sys.stderr)
        print(f"browser test: {len(passed)} passed, 1 failed")
        return 1
    print(f"browser test: {len(passed)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
