#!/usr/bin/env python3
"""Browser test of the SignAnchor dictionary and review pages against a running `signanchor serve`.

Usage: python dictionary_test.py BASE_URL [--review-file PATH]
Headless Chromium from Debian (/usr/bin/chromium, /usr/bin/chromedriver) driven by Selenium; nothing is downloaded.
Exit 0 when every check passes, 1 with one line per failed check.
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

SHORT = 15   # page loads, search results, UI changes
LONG = 60    # first renders of a video (sign or sentence)


def make_driver(lang):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
              "--window-size=1200,1600", "--autoplay-policy=no-user-gesture-required", f"--lang={lang}"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"intl.accept_languages": lang})
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)


class Checks:
    def __init__(self, base, driver):
        self.base = base.rstrip("/")
        self.d = driver
        self.failures = []

    def wait(self, cond, timeout=SHORT):
        return WebDriverWait(self.d, timeout, poll_frequency=0.2).until(cond)

    def run(self, name, fn):
        try:
            fn()
            print(f"ok   {name}", file=sys.stderr)
        except (AssertionError, TimeoutException, WebDriverException) as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            self.failures.append(f"FAIL {name}: {msg}")

    # -- helpers --
    def get_json(self, path, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=SHORT) as r:
            return json.load(r)

    def open_home(self, query=""):
        self.d.get(self.base + "/" + query)
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")

    def set_sign_language(self, code):
        Select(self.d.find_element(By.ID, "sign-language")).select_by_value(code)

    def type_search(self, text):
        box = self.d.find_element(By.ID, "search")
        box.clear()
        box.send_keys(text)

    def result_glosses(self):
        return self.d.execute_script(
            "return [...document.querySelectorAll('#results .gloss')].map(e => e.textContent)")

    def wait_gloss(self, gloss, within=20, timeout=SHORT):
        try:
            return self.wait(lambda d: gloss in self.result_glosses()[:within], timeout)
        except TimeoutException:
            raise AssertionError(f"no result with gloss {gloss!r} in the first {within}: {self.result_glosses()[:within]}")

    # -- checks --
    def check_search_and_video(self):
        self.open_home()
        self.set_sign_language("csl")
        self.type_search("北京")
        self.wait_gloss("北京")
        link = self.d.find_element(By.XPATH, "//ul[@id='results']//a[.//span[@class='gloss' and text()='北京']]")
        link.click()
        self.wait(lambda d: d.find_element(By.ID, "entry").is_displayed()
                  and d.find_element(By.ID, "entry-gloss").text == "北京")
        assert "id=" in self.d.current_url, f"URL not updated with the entry id: {self.d.current_url}"
        video = self.d.find_element(By.ID, "entry-video")
        for attr in ("loop", "muted", "playsinline", "autoplay"):
            assert video.get_attribute(attr) is not None, f"video lacks {attr}"
        assert "北京" in (video.get_attribute("aria-label") or ""), "video aria-label does not name the sign"
        try:
            self.wait(lambda d: d.execute_script("return arguments[0].readyState", video) >= 2, LONG)
        except TimeoutException:
            raise AssertionError("video readyState stayed below 2 (error: %s)" % self.d.execute_script(
                "return arguments[0].error && arguments[0].error.code", video))
        t0 = self.d.execute_script("return arguments[0].currentTime", video)
        try:
            self.wait(lambda d: d.execute_script("return arguments[0].currentTime", video) != t0, SHORT)
        except TimeoutException:
            raise AssertionError(f"video currentTime did not advance from {t0}")
        pause = self.d.find_element(By.ID, "pause")
        assert pause.get_attribute("aria-pressed") is None, "the pause button has both a changing label and aria-pressed"
        # back button returns to the page without the entry
        self.d.back()
        self.wait(lambda d: "id=" not in d.current_url)

    def check_pinyin(self):
        self.open_home()
        self.set_sign_language("csl")
        self.type_search("beijing")
        self.wait_gloss("北京")
        self.type_search("bj")
        self.wait_gloss("北京", within=10)

    def check_toned_pinyin(self):
        self.open_home()
        self.set_sign_language("csl")
        self.type_search("běijīng")
        self.wait_gloss("北京")

    def check_asl(self):
        self.open_home()
        self.set_sign_language("asl")
        self.type_search("hello")
        self.wait(lambda d: any(g.upper() == "HELLO" for g in self.result_glosses()))

    def check_language_switch(self):
        self.open_home()
        heading = lambda: self.d.find_element(By.ID, "search-heading").text
        html_lang = lambda: self.d.find_element(By.TAG_NAME, "html").get_attribute("lang")
        first = heading()
        self.d.find_element(By.ID, "lang-switch").click()
        self.wait(lambda d: heading() != first)
        second = heading()
        langs = {html_lang()}
        self.d.find_element(By.ID, "lang-switch").click()
        self.wait(lambda d: heading() == first)
        langs.add(html_lang())
        assert {first, second} == {"查词", "Search"}, f"headings were {first!r} and {second!r}"
        assert langs == {"zh-Hans", "en"}, f"html lang values were {sorted(langs)}"
        # the choice is remembered
        self.d.find_element(By.ID, "lang-switch").click()
        self.wait(lambda d: heading() == second)
        self.open_home()
        assert heading() == second, "language choice not remembered after reload"

    def check_sentence(self):
        self.open_home()
        self.set_sign_language("csl")
        box = self.d.find_element(By.ID, "sentence")
        box.clear()
        box.send_keys("今天北京下雪。", Keys.ENTER)
        glosses = lambda: self.d.execute_script(
            "return [...document.querySelectorAll('#glosses li')].map(e => e.textContent)")
        try:
            self.wait(lambda d: "北京" in glosses(), LONG)
        except TimeoutException:
            raise AssertionError(f"glosses shown: {glosses()}; message: {self.d.find_element(By.ID, 'sentence-msg').text}")

    def open_review(self, sign_language="csl"):
        self.d.get(self.base + "/review?sign-language=" + sign_language)
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        name = self.d.find_element(By.ID, "reviewer")
        name.clear()
        name.send_keys("浏览器测试")

    def category_options(self):
        return self.d.execute_script(
            "return [...document.querySelectorAll('#category option')].map(o => o.value).filter(Boolean)")

    def check_review_categories(self):
        health = {l["code"]: l.get("categories") for l in self.get_json("/health")["signLanguages"]}
        self.open_review("csl")
        for code in ("csl", "asl"):
            assert health.get(code), f"/health lists no categories for {code}"
            Select(self.d.find_element(By.ID, "sign-language")).select_by_value(code)
            try:
                self.wait(lambda d: sorted(self.category_options()) == sorted(health[code]))
            except TimeoutException:
                raise AssertionError(f"{code}: the category filter offers {self.category_options()}, /health lists {health[code]}")
        # every category offered is accepted by the queue (no 400)
        for c in self.category_options():
            self.get_json("/review/queue", **{"sign-language": "asl", "category": c, "filter": "all"})
        # the entry navigation's label comes from i18n.json, in the page's language
        strings = self.get_json("/web/i18n.json")["ui"]
        nav = self.d.find_element(By.CSS_SELECTOR, "#item [role=group]")
        lang = "zh" if self.d.find_element(By.TAG_NAME, "html").get_attribute("lang").startswith("zh") else "en"
        assert nav.get_attribute("aria-label") == strings[lang]["navigation"], f"navigation label {nav.get_attribute('aria-label')!r}"

    def check_review_reconstructions(self):
        self.open_review("csl")
        self.wait(lambda d: d.find_element(By.ID, "item").is_displayed() and d.find_element(By.ID, "item-gloss").text)
        radio = lambda v: self.d.find_element(By.CSS_SELECTOR, f"input[name=filter][value={v}]")
        assert radio("unverified").is_selected(), "the filter does not start at unverified"
        # one choice, by keyboard: arrow down from "unverified" moves to "reconstructions"
        radio("unverified").send_keys(Keys.ARROW_DOWN)
        self.wait(lambda d: radio("reconstructions").is_selected())
        assert not radio("unverified").is_selected() and not radio("all").is_selected(), "more than one filter chosen"
        queue = self.get_json("/review/queue", **{"sign-language": "csl", "filter": "reconstructions"})
        assert queue, "the server has no reconstructions to review"
        self.d.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
        gloss = lambda: self.d.find_element(By.ID, "item-gloss").text
        position = lambda: self.d.find_element(By.ID, "position").text
        try:
            self.wait(lambda d: gloss().endswith(f"({queue[0]['id']})") and position() == f"1 / {len(queue)}")
        except TimeoutException:
            raise AssertionError(f"shows {gloss()!r} at {position()!r}, expected {queue[0]['id']} at 1 / {len(queue)}; "
                                 f"message: {self.d.find_element(By.ID, 'queue-msg').text!r}")

    def check_review(self, path):
        before = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
        self.open_review("csl")
        # the page loads the queue (unverified entries) by itself; wait for its first entry
        self.wait(lambda d: d.find_element(By.ID, "item").is_displayed() and d.find_element(By.ID, "item-gloss").text)
        position = self.d.find_element(By.ID, "position").text
        assert position.startswith("1 / "), f"position shows {position!r}"
        self.d.find_element(By.CSS_SELECTOR, ".verdict[data-verdict=unsure]").click()
        self.d.find_element(By.ID, "comment").send_keys("browser test")
        self.d.find_element(By.ID, "submit").click()

        def appended(_):
            if not os.path.exists(path):
                return False
            return len(open(path, encoding="utf-8").read().splitlines()) > len(before)
        try:
            self.wait(appended, SHORT)
        except TimeoutException:
            raise AssertionError(f"no line appended to {path}; page says: {self.d.find_element(By.ID, 'submit-msg').text}")
        time.sleep(0.5)  # let a (wrong) second write land before counting
        after = open(path, encoding="utf-8").read().splitlines()
        new = after[len(before):]
        assert len(new) == 1, f"{len(new)} lines appended, expected 1"
        record = json.loads(new[0])
        for key in ("reviewer", "id", "hash", "verdict"):
            assert record.get(key), f"appended line lacks {key}: {new[0]}"
        assert record["reviewer"] == "浏览器测试" and record["verdict"] == "unsure", f"unexpected line: {new[0]}"
        self.wait(lambda d: d.find_element(By.ID, "position").text.startswith("2 / ")
                  or d.find_element(By.ID, "position").text == "1 / 1")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base_url")
    ap.add_argument("--review-file", help="the file the server was started with (serve --review-file PATH)")
    args = ap.parse_args()
    driver = make_driver("zh-CN")
    try:
        c = Checks(args.base_url, driver)
        c.run("1 search 北京 and play its video", c.check_search_and_video)
        c.run("2 pinyin beijing and initials bj", c.check_pinyin)
        c.run("3 ASL hello", c.check_asl)
        c.run("4 language switch", c.check_language_switch)
        c.run("5 sentence glosses", c.check_sentence)
        c.run("6 toned pinyin běijīng", c.check_toned_pinyin)
        if args.review_file:
            c.run("7 review verdict appends one line", lambda: c.check_review(os.path.abspath(args.review_file)))
            c.run("8 review category filter from /health", c.check_review_categories)
            c.run("9 review reconstructions filter", c.check_review_reconstructions)
    finally:
        driver.quit()
    if c.failures:
        for f in c.failures:
            print(f)
        return 1
    print("all checks passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
