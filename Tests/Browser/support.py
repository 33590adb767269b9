"""A methodist's support programme in a real browser: upload seed 001's Kirov results as a file, run a 2x2
grouping, take school 221's support site away and give it back, add a consultation to 221's road
map (an event of the support cluster), and open the report with «Адресная поддержка». Every page
is checked for horizontal overflow at 1280 and 390 px."""
import pathlib

import harness
from forms import problems_shown, sign_in, submit_button

RESULTS = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "clustering" / "kirov-2019.csv"


def fill(browser, name, value):
    from selenium.webdriver.common.by import By
    field = browser.driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def site_of(browser, school):
    """The support site in the grouping table's row of `school`."""
    from selenium.webdriver.common.by import By
    for row in browser.driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells and cells[0].text == school:
            return cells[5].text
    return None


def support(browser):
    from selenium.webdriver.common.by import By
    driver = browser.driver
    sign_in(browser, "methodist")
    browser.visit("/manage/support", "support-home")

    # The file input: the browser posts the file as multipart/form-data, with the form's csrf field.
    driver.find_element(By.NAME, "file").send_keys(str(RESULTS))
    submit_button(browser, "Загрузить")
    browser.check("новых 86" in driver.page_source, f"the upload did not store 86 results: {problems_shown(browser)}")

    fill(browser, "year", "2019/2020")
    submit_button(browser, "Сформировать группы и пары")
    browser.check(driver.current_url.endswith("/manage/support/groupings/1"), f"the grouping did not open: {driver.current_url}")
    browser.visit("/manage/support/groupings/1", "support-grouping")
    site = site_of(browser, "221")
    browser.check(bool(site), "school 221 has no support site")

    fill(browser, "school", "221")
    submit_button(browser, "Сменить наставника")
    browser.check(site_of(browser, "221") == "", f"221's pair was not taken away: {problems_shown(browser)}")
    driver.find_element(By.NAME, "school").send_keys("221")
    driver.find_element(By.NAME, "site").send_keys(site or "")
    submit_button(browser, "Сменить наставника")
    browser.check(site_of(browser, "221") == site, f"221 did not get {site} back: {problems_shown(browser)}")

    browser.visit("/manage/support/groupings/1/schools/221", "support-roadmap")
    browser.check("Руководителям ОО" in driver.page_source, "the road map does not start from the recommendations")
    fill(browser, "title", "Консультация по ВСОКО")
    fill(browser, "responsible", site or "")
    driver.execute_script("arguments[0].value = '2020-10'", driver.find_element(By.NAME, "from"))
    submit_button(browser, "Добавить")
    browser.check("support-2019/1" in driver.page_source, f"the consultation is not event support-2019/1: {problems_shown(browser)}")

    browser.visit("/manage/support/groupings/1/report", "support-report")
    browser.check("<h2>Адресная поддержка</h2>" in driver.page_source, "the methodist's report has no «Адресная поддержка»")
    browser.open("/reports/2020-2021")
    browser.check("<h2>Адресная поддержка</h2>" not in driver.page_source and "Опорные площадки и подопечные" not in driver.page_source,
                  "the public report shows the support programme")


harness.main(support)
