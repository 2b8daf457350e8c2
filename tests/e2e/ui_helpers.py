"""Helpers the end-to-end tests share: waiting on the real window, reading attributes and
text in one script call (rows re-render while pages load), adding the local connection,
opening a topic, choosing an option."""
import os

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

_TEXT_JS = "const el = document.querySelector(arguments[0]); return el === null ? null : el.textContent;"
_ATTR_JS = (
    "const el = document.querySelector(arguments[0]); return el === null ? null : el.getAttribute(arguments[1]);"
)


def wait(app, timeout: float = 60):
    return WebDriverWait(app.driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def until(app, read, accept, what: str, timeout: float = 60):
    """Waits until accept(read()) holds and returns what was read; fails saying what was seen."""
    seen = None

    def check(_driver):
        nonlocal seen
        seen = read()
        return accept(seen)

    try:
        wait(app, timeout).until(check)
    except Exception as exc:
        raise AssertionError(f"{what}; saw: {seen}") from exc
    return seen


def text(app, selector: str):
    """The text of the first element matching a CSS selector (or a bare data-testid)."""
    return app.driver.execute_script(_TEXT_JS, _css(selector))


def attr(app, selector: str, name: str):
    return app.driver.execute_script(_ATTR_JS, _css(selector), name)


def _css(selector: str) -> str:
    return selector if any(c in selector for c in "[.# ") else f'[data-testid="{selector}"]'


def select(app, testid: str, value: str) -> None:
    app.el(testid).find_element(By.CSS_SELECTOR, f'option[value="{value}"]').click()


def add_local_connection(app, name: str, bootstrap: str | None = None) -> None:
    """The local environment's broker (or `bootstrap`), registry and Flink, saved and opened."""
    app.click("add-connection")
    app.fill("conn-name", name)
    app.fill("kafka-bootstrap", bootstrap or os.environ["STREAMLENS_KAFKA_BOOTSTRAP"])
    app.fill("registry-url", os.environ["STREAMLENS_REGISTRY_URL"])
    app.fill("flink-url", os.environ["STREAMLENS_FLINK_URL"])
    app.click("save-connection")
    wait(app).until(lambda d: app.el("connection-title").text.strip() == name)


def open_topic(app, name: str) -> None:
    app.click("tab-topics")
    app.fill("topic-search", name)
    cell = (By.CSS_SELECTOR, f'[data-testid="topic-row"][data-topic-name="{name}"] td')
    wait(app).until(lambda d: d.find_element(*cell).click() or True)
    wait(app).until(lambda d: app.el("topic-title").text.strip() == name)
    app.el("messages-view")


# Message rows: every cell's text and whether the row shows the masked badge, in one script call.
CELLS_JS = """
return Array.from(document.querySelectorAll('[data-testid="message-row"]')).map(row => ({
  partition: Number(row.dataset.partition),
  offset: Number(row.dataset.offset),
  cells: Array.from(row.querySelectorAll('td')).map(td => td.textContent),
  masked: row.querySelector('[data-testid="masked-badge"]') !== null,
}));
"""


def retype(app, testid: str, value: str, then: str = "") -> None:
    """Replaces a field's text the way a person does (select all, type over it): WebDriver's
    clear() is not seen by React's controlled fields, so the old text could come back. No
    tabs in `value`: Tab indents in the policy editor."""
    field = app.el(testid)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    # Line by line with the Enter key: WebKitWebDriver drops a "\n" inside typed text.
    for i, line in enumerate(value.split("\n")):
        if i > 0:
            field.send_keys(Keys.ENTER)
        if line:
            field.send_keys(line)
    until(app, lambda: app.el(testid).get_attribute("value"), lambda seen: seen == value,
          f"expected {testid} to hold {value!r}")
    if then:
        field.send_keys(then)
