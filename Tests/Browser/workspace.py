"""The coordinator's workspace in a real browser: sign in, move an event to another month, preview
and publish the schedule, record an outcome; a subscribed feed fetched over HTTP shows the new date
with a higher SEQUENCE; a coordinator of another cluster cannot open this one. Every workspace page
is checked for horizontal overflow at 1280 and 390 px."""
import json
import urllib.request

import harness

# The accounts the Swift test creates (BrowserTests.workspaceFlow).
PASSWORD = "Планёрка-2020!"
CLUSTER = "nevsky-exact"


def feed_event(browser, number):
    """(DTSTART date, SEQUENCE) of an event in the cluster's feed, read by the icalendar package."""
    import icalendar
    with urllib.request.urlopen(browser.url(f"/feeds/clusters/{CLUSTER}.ics"), timeout=10) as response:
        calendar = icalendar.Calendar.from_ical(response.read())
    for event in calendar.walk("VEVENT"):
        if str(event.get("URL", "")).endswith(f"/events/{CLUSTER}/{number}"):
            return event.decoded("DTSTART").date(), int(event.get("SEQUENCE", 0))
    browser.check(False, f"event {number} is not in the feed")
    return None, None


def sign_in(browser, login):
    from selenium.webdriver.common.by import By
    browser.driver.delete_all_cookies()
    browser.open("/login")
    browser.driver.find_element(By.NAME, "login").send_keys(login)
    password = browser.driver.find_element(By.NAME, "password")
    password.send_keys(PASSWORD)
    password.submit()
    browser.check(browser.driver.current_url.endswith("/manage/"), f"{login} signed in to {browser.driver.current_url}")


def problems_shown(browser):
    """The messages a form shows next to its fields, for a failure line."""
    from selenium.webdriver.common.by import By
    return "; ".join(e.text for e in browser.driver.find_elements(By.CSS_SELECTOR, ".problem, .notice, p.error")) or browser.driver.title


def submit_button(browser, label):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait
    buttons = browser.driver.find_elements(By.XPATH, f"//button[normalize-space()='{label}']")
    if browser.check(buttons, f"{browser.driver.current_url}: no button «{label}»"):
        page = browser.driver.find_element(By.TAG_NAME, "html")
        buttons[0].click()
        # The answer is a new page: wait until the old one is gone.
        WebDriverWait(browser.driver, 15).until(expected_conditions.staleness_of(page))


def workspace(browser):
    from selenium.webdriver.common.by import By
    driver = browser.driver
    before_date, before_sequence = feed_event(browser, 3)
    browser.check(before_date is not None and before_date.month == 2, f"event 3 was on {before_date}, not in February 2020")

    sign_in(browser, "coordinator")
    browser.visit("/manage/", "manage-start")
    browser.visit(f"/manage/clusters/{CLUSTER}", "manage-cluster")

    # The month is saved at once but goes live only when the schedule is published.
    browser.visit(f"/manage/events/{CLUSTER}/3", "manage-event")
    month = driver.find_element(By.NAME, "month")
    month.clear()
    month.send_keys("2020-03")
    month.submit()
    browser.check("Сохранено" in driver.page_source, f"the month edit was not saved: {driver.current_url}: {problems_shown(browser)}")
    pending_date, _ = feed_event(browser, 3)
    browser.check(pending_date == before_date, f"the feed moved event 3 to {pending_date} before the schedule was published")

    browser.visit(f"/manage/clusters/{CLUSTER}/plan", "manage-plan")
    browser.visit(f"/manage/clusters/{CLUSTER}/schedule/calendar", "manage-preview-calendar")
    moved = driver.find_elements(By.CSS_SELECTOR, "a.ev.moved")
    browser.check(any(link.text == "3" for link in moved), f"the preview calendar does not mark event 3 as moved: {[m.text for m in moved]}")
    browser.visit(f"/manage/clusters/{CLUSTER}/schedule", "manage-preview")
    rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")]
    browser.check(any(row.startswith("3 ") and "2020" in row for row in rows), f"the preview does not list event 3: {rows}")
    submit_button(browser, "Опубликовать")
    browser.check("Опубликована версия" in driver.page_source, f"publishing did not say so: {driver.current_url}")
    browser.visit(f"/manage/clusters/{CLUSTER}/versions", "manage-versions")

    after_date, after_sequence = feed_event(browser, 3)
    browser.check(after_date is not None and (after_date.year, after_date.month) == (2020, 3),
                  f"after publishing, the feed has event 3 on {after_date}, not in March 2020")
    browser.check(after_sequence is not None and before_sequence is not None and after_sequence > before_sequence,
                  f"SEQUENCE of event 3 went from {before_sequence} to {after_sequence}")

    # Event 1 was held (the server's today is 10 January 2020).
    held_on, _ = feed_event(browser, 1)
    browser.visit(f"/manage/events/{CLUSTER}/1/outcome", "manage-outcome")
    driver.find_element(By.CSS_SELECTOR, "input[name='status'][value='held']").click()
    date = driver.find_element(By.NAME, "date")
    date.clear()
    date.send_keys(held_on.isoformat() if held_on else "")
    driver.find_element(By.NAME, "participants").send_keys("25")
    schools = driver.find_element(By.NAME, "schools")
    schools.clear()
    schools.send_keys("344, 498")
    schools.submit()
    if driver.find_elements(By.CSS_SELECTOR, "input[name='confirm']"):  # asked again: confirm once
        driver.find_element(By.NAME, "schools").submit()
    with urllib.request.urlopen(browser.url(f"/api/events?cluster={CLUSTER}"), timeout=10) as response:
        events = {e["number"]: e for e in json.load(response)}
    outcome = events.get(1, {}).get("outcome") or {}
    browser.check(outcome.get("status") == "held" and outcome.get("participants") == 25 and outcome.get("schools") == ["344", "498"],
                  f"event 1's outcome in the API is {outcome}")

    submit_button(browser, "Выйти")
    sign_in(browser, "kirov-coordinator")
    browser.open(f"/manage/clusters/{CLUSTER}")
    browser.check("недостаточно прав" in driver.page_source, "a coordinator of kirov-1 opened nevsky-exact's workspace")
    browser.open(f"/manage/events/{CLUSTER}/3")
    browser.check("недостаточно прав" in driver.page_source, "a coordinator of kirov-1 opened nevsky-exact's event form")

    # The methodical centre adds a district day off in the browser.
    sign_in(browser, "methodist")
    browser.visit("/manage/calendar", "manage-calendar")
    holiday = driver.find_element(By.CSS_SELECTOR, "input[name='op'][value='add-holiday'] ~ p input[name='date']")
    holiday.send_keys("2020-02-25")
    submit_button(browser, "Добавить выходной")
    browser.check("Сохранено" in driver.page_source and "25.02.2020" in driver.page_source,
                  f"the day off was not added: {problems_shown(browser)}")


# Imported by other flows for its sign-in helpers: run only as a script.
if __name__ == "__main__":
    harness.main(workspace)
