"""Registration in a real browser: the coordinator opens registration of an event in the
workspace, a teacher registers on the event's public page (no account, no JavaScript), the
coordinator checks them in and records the event held with the figures attendance offers, and
the year's report counts one participant more. Every page is checked for horizontal overflow."""
import re
import urllib.request

import harness
from workspace import CLUSTER, problems_shown, sign_in, submit_button

EVENT = 1
TEACHER = ("Петрова Анна Сергеевна", "petrova@school498.example")


def report_participants(browser):
    """«Участников: N» of the 2019/2020 report, as any visitor reads it."""
    with urllib.request.urlopen(browser.url("/reports/2019-2020"), timeout=30) as response:
        text = response.read().decode("utf-8")
    found = re.search(r"Участников: (\d+)", text)
    browser.check(found, "the report shows no participants figure")
    return int(found.group(1)) if found else None


def registration(browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    driver = browser.driver
    before = report_participants(browser)

    # The coordinator opens registration (the deadline ahead of the real clock: the seed is in the past).
    sign_in(browser, "coordinator")
    browser.visit(f"/manage/events/{CLUSTER}/{EVENT}/registrations", "manage-registrations")
    driver.find_element(By.NAME, "open").click()
    driver.find_element(By.NAME, "capacity").send_keys("30")
    driver.find_element(By.NAME, "deadline").send_keys("2099-12-31")
    submit_button(browser, "Сохранить настройки")
    browser.check("Сохранено" in driver.page_source, f"registration was not opened: {problems_shown(browser)}")

    # A teacher, signed out, registers from the event's page.
    driver.delete_all_cookies()
    browser.visit(f"/events/{CLUSTER}/{EVENT}", "event-open")
    links = driver.find_elements(By.LINK_TEXT, "Зарегистрироваться")
    if not browser.check(links, "the event page offers no registration"):
        return
    links[0].click()
    browser.visit(driver.current_url.replace(browser.base_url, ""), "registration-form")
    driver.find_element(By.NAME, "name").send_keys(TEACHER[0])
    Select(driver.find_element(By.NAME, "school")).select_by_value("498")
    driver.find_element(By.NAME, "position").send_keys("учитель физики")
    driver.find_element(By.NAME, "email").send_keys(TEACHER[1])
    submit_button(browser, "Зарегистрироваться")
    browser.check("Согласие" in driver.page_source and "без согласия" in driver.page_source,
                  f"registering without consent was not refused beside the box: {problems_shown(browser)}")
    driver.find_element(By.NAME, "consent").click()
    submit_button(browser, "Зарегистрироваться")
    browser.check("/registrations/" in driver.current_url and "зарегистрирован(а)" in driver.page_source,
                  f"no private page after registering: {driver.current_url}: {problems_shown(browser)}")
    browser.visit(driver.current_url.replace(browser.base_url, ""), "registration-private")

    # The coordinator checks the teacher in and records the event held from attendance.
    sign_in(browser, "coordinator")
    browser.visit(f"/manage/events/{CLUSTER}/{EVENT}/registrations", "manage-registrations-list")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name='present']")
    if not browser.check(len(boxes) == 1, f"{len(boxes)} check boxes, not 1"):
        return
    boxes[0].click()
    submit_button(browser, "Сохранить отметки")
    offer = driver.find_elements(By.PARTIAL_LINK_TEXT, "Записать итог: участников 1, школ 1")
    if not browser.check(offer, f"attendance offers no outcome: {problems_shown(browser)}"):
        return
    offer[0].click()
    browser.check(driver.find_element(By.NAME, "participants").get_attribute("value") == "1", "the outcome form does not offer 1 participant")
    browser.check(driver.find_element(By.NAME, "schools").get_attribute("value") == "498", "the outcome form does not offer school 498")
    driver.find_element(By.CSS_SELECTOR, "input[name='status'][value='held']").click()
    driver.find_element(By.NAME, "schools").submit()
    if driver.find_elements(By.CSS_SELECTOR, "input[name='confirm']"):  # asked again: confirm once
        driver.find_element(By.NAME, "schools").submit()
    after = report_participants(browser)
    browser.check(before is not None and after == before + 1, f"the report's participants went from {before} to {after}, not one more")
    print(f"participants: {before} -> {after}")


harness.main(registration)
