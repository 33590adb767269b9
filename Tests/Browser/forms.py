"""Helpers of the workspace flows: sign in, press a form's button and wait for the answer, and the
problems a form shows (for a failure line)."""

# The password of the accounts the Swift tests create (BrowserTests).
PASSWORD = "Планёрка-2020!"


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
