"""The public pages in a real browser: home, search, cluster, school, event and calendars at
1280 and 390 px, none wider than the window; the year at a glance prints on one A4 landscape page."""
import harness


def pages(browser):
    browser.visit("/", "home")
    calendar = browser.href("a[href^='/calendar/']")

    # The search is a plain GET form: typing and pressing the button finds the school without JavaScript.
    from selenium.webdriver.common.by import By
    field = browser.driver.find_element(By.ID, "q")
    field.send_keys("344")
    field.submit()
    browser.check("/schools?q=344" in browser.driver.current_url, f"the search went to {browser.driver.current_url}")
    browser.check(browser.driver.find_elements(By.CSS_SELECTOR, "a[href='/schools/344']"), "the search did not find school 344")
    browser.visit("/schools?q=%D0%BB%D0%B8%D1%86%D0%B5%D0%B9", "search")

    browser.visit("/clusters/nevsky-exact", "cluster")
    event = browser.href("table.events a[href^='/events/']")
    cluster_calendar = browser.href("a[href^='/clusters/nevsky-exact/calendar/']")
    browser.visit("/schools/344", "school")
    browser.visit("/schools/344/calendar/2019-2020", "school-calendar")
    if event:
        browser.visit(event.replace(browser.base_url, ""), "event")
    if cluster_calendar:
        browser.visit(cluster_calendar.replace(browser.base_url, ""), "cluster-calendar")
    if calendar:
        browser.visit(calendar.replace(browser.base_url, ""), "calendar")

    # Each grid of the year on one landscape sheet (the event list follows on the next).
    browser.visit("/clusters/nevsky-exact/calendar/2019-2020", "calendar-2019", widths=(1280,))
    grid = browser.driver.find_element(By.CSS_SELECTOR, "table.year").size
    sheets = browser.print_pages("/clusters/nevsky-exact/calendar/2019-2020", landscape=True)
    browser.check(sheets == 2, f"the cluster calendar printed on {sheets} pages, not the grid on one and the list on the next")
    browser.check(grid["width"] <= 1280 - 32, f"the calendar grid is {grid['width']}px wide")
    cluster_sheets = browser.print_pages("/clusters/nevsky-exact")
    browser.check(1 <= cluster_sheets <= 5, f"the cluster page printed on {cluster_sheets} pages")


if __name__ == "__main__":
    harness.main(pages)
