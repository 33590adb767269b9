"""Shared start-up for the real-browser flows (`Tests/Browser/<flow>.py`).

The Swift test (Tests/ServerTests/BrowserTests.swift) starts the server in process over a
temporary store and runs one flow script as

    python3 Tests/Browser/<flow>.py --base-url http://127.0.0.1:PORT --out DIR

A flow is a function taking a `Browser`; it ends with `harness.main(flow)`. `Browser.visit`
opens a page at each width, saves a screenshot into DIR and records every horizontal overflow;
`Browser.check` records any other failure. The script exits 0 when nothing was recorded, 1 with
one line per problem on stderr, and 77 when Chromium, chromedriver or selenium is missing (the
Swift test then skips, or fails under CI=true).
"""
import argparse
import base64
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.request

SKIP = 77
WIDTHS = (1280, 390)

# Every element is checked: the page must not be wider than the window, no box may reach past
# the viewport or stick out of its block container, and no scrolling or clipping box may hide
# content sideways (form fields scroll their own text and are left out).
OVERFLOW_SCRIPT = """
const vw = document.documentElement.clientWidth;
const problems = [];
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
  ' «' + (el.textContent || '').trim().slice(0, 40) + '»';
if (document.documentElement.scrollWidth > window.innerWidth) {
  problems.push('the page is ' + document.documentElement.scrollWidth + 'px wide in a ' + window.innerWidth + 'px window');
}
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  const style = getComputedStyle(el);
  if (r.right > vw + 1 || r.left < -1) {
    problems.push(describe(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + 'px of ' + vw + 'px');
  }
  if (!['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) && style.overflowX !== 'visible' &&
      el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
    problems.push(describe(el) + ' hides ' + (el.scrollWidth - el.clientWidth) + 'px of its content');
  }
  const parent = el.parentElement;
  if (parent && parent !== document.documentElement && style.position !== 'absolute' && style.position !== 'fixed' &&
      !getComputedStyle(parent).display.startsWith('inline')) {
    const p = parent.getBoundingClientRect();
    if (r.right > p.right + 1) problems.push(describe(el) + ' sticks out of its container by ' + Math.round(r.right - p.right) + 'px');
  }
}
return problems.slice(0, 15);
"""


class Browser:
    """One headless Chromium over the site at `base_url`; screenshots go to `out`."""

    def __init__(self, driver, base_url, out):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.out = out
        self.problems = []
        self.screenshots = []

    def url(self, path):
        return self.base_url + path

    def check(self, condition, message):
        """Records `message` as a failure when `condition` is false; returns the condition."""
        if not condition:
            self.problems.append(message)
        return condition

    def resize(self, width, height=900):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def open(self, path):
        """Loads a page (at the current width) and waits until it is complete."""
        self.driver.get(self.url(path))
        deadline = time.time() + 15
        while self.driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
            time.sleep(0.05)

    def visit(self, path, name, widths=WIDTHS):
        """Opens `path` at each width, checks it for horizontal overflow and saves `<name>-<width>.png`."""
        for width in widths:
            self.resize(width)
            self.open(path)
            self.check(self.driver.title != "" and "Страница не найдена" not in self.driver.title,
                       f"{path}: no page ({self.driver.title!r})")
            for problem in self.driver.execute_script(OVERFLOW_SCRIPT):
                self.problems.append(f"{path} at {width}px: {problem}")
            self.screenshot(f"{name}-{width}", width)

    def screenshot(self, name, width):
        """The whole page (up to 8000 px tall) as `<out>/<name>.png`."""
        height = self.driver.execute_script("return Math.max(document.documentElement.scrollHeight, 600)")
        self.resize(width, min(height, 8000))
        path = os.path.join(self.out, name + ".png")
        self.driver.save_screenshot(path)
        self.screenshots.append(path)
        self.resize(width)

    def print_pages(self, path, landscape=False):
        """Prints `path` to PDF on A4 (as `<out>/<name>.pdf`) and returns its number of pages."""
        from selenium.webdriver.common.print_page_options import PrintOptions
        self.resize(1280)
        self.open(path)
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        options.orientation = "landscape" if landscape else "portrait"
        options.background = True
        pdf = base64.b64decode(self.driver.print_page(options))
        name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home"
        with open(os.path.join(self.out, name + ".pdf"), "wb") as f:
            f.write(pdf)
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))

    def href(self, css):
        """The href of the first element matching `css`, or None (recorded as a failure)."""
        from selenium.webdriver.common.by import By
        found = self.driver.find_elements(By.CSS_SELECTOR, css)
        if not self.check(found, f"{self.driver.current_url}: nothing matches {css}"):
            return None
        return found[0].get_attribute("href")


def skip(message):
    print(f"browser: {message}", file=sys.stderr)
    sys.exit(SKIP)


def start_browser():
    """Debian's chromium and chromedriver, headless, with a throwaway profile: nothing is downloaded."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as error:
        skip(f"selenium cannot be imported ({error}): python3 -m pip install selenium (scripts/install-deps.sh test)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver") or ("/usr/lib/chromium/chromedriver" if os.path.exists("/usr/lib/chromium/chromedriver") else None)
    if not chromium or not driver_path:
        skip("chromium or chromium-driver is missing: apt-get install chromium chromium-driver")
    profile = tempfile.mkdtemp(prefix="clusterplan-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # --no-sandbox: CI runs the tests as root.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}", "--lang=ru-RU"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as error:  # a broken Chromium install: say what it said
        skip(f"chromium did not start: {str(error).splitlines()[0] if str(error) else type(error).__name__}")
    driver.set_page_load_timeout(20)
    return driver, profile


def wait_for(base_url, seconds=60):
    deadline = time.time() + seconds
    while True:
        try:
            with urllib.request.urlopen(base_url + "/", timeout=2):
                return
        except Exception:
            if time.time() > deadline:
                print(f"browser: the server does not answer at {base_url}/", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.1)


def main(flow):
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    wait_for(args.base_url.rstrip("/"))
    driver, profile = start_browser()
    browser = Browser(driver, args.base_url, args.out)
    started = time.time()
    try:
        flow(browser)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    for path in browser.screenshots:
        print(f"screenshot: {path}")
    print(f"browser: {flow.__name__} took {time.time() - started:.1f} s")
    for problem in browser.problems:
        print(f"problem: {problem}", file=sys.stderr)
    sys.exit(1 if browser.problems else 0)
