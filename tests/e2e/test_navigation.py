"""Navigation, end to end in the real window against the local environment: the command
palette (Ctrl+K) finds a topic and a Flink job of the open connection and opens each by
keyboard alone; Back and Forward (Alt+←/→ and the top-bar buttons) walk between them;
Escape closes the palette where it was. Screenshot: docs/screenshots/palette.png (the palette open over the app).
"""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui_helpers import add_local_connection, until

TOPIC = "demo.orders"
JOB = "OrdersPipeline"


def _palette_go(app, query: str, kind: str, screenshot: str | None = None) -> None:
    """Ctrl+K, type, wait for the first option of `kind` to be active, Enter."""
    ActionChains(app.driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    field = app.el("palette-input")
    until(app, lambda: app.driver.switch_to.active_element == field, bool, "the palette input has the focus")
    field.send_keys(query)

    def first_option():
        options = app.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="palette-option"][data-kind="{kind}"]')
        return options[0] if options else None

    until(app, first_option, lambda o: o is not None, f"a {kind} option for '{query}'")
    # Move down to the first option of that kind (views may rank above it).
    for _ in range(20):
        active = field.get_attribute("aria-activedescendant")
        option = first_option()
        if active and option.get_attribute("id") == active:
            break
        field.send_keys(Keys.ARROW_DOWN)
    if screenshot:
        app.screenshot(screenshot)
    field.send_keys(Keys.ENTER)
    until(app, lambda: app.all("command-palette"), lambda found: not found, "the palette closed")


def _title(app, testid: str) -> str:
    found = app.all(testid)
    return found[0].text.strip() if found else ""


def test_palette_reaches_topics_subjects_and_jobs_and_back_forward_walks_them(app):
    add_local_connection(app, "Local")

    _palette_go(app, TOPIC, "topic", screenshot="palette")
    until(app, lambda: _title(app, "topic-title"), lambda t: t == TOPIC, "the topic view")

    _palette_go(app, JOB, "job")
    until(app, lambda: _title(app, "job-title"), lambda t: t == JOB, "the job view")
    job_id = app.el("job-view").get_attribute("data-job-id")

    # Alt+← goes back to the topic, Alt+→ forward to the job; the top-bar buttons too.
    ActionChains(app.driver).key_down(Keys.ALT).send_keys(Keys.ARROW_LEFT).key_up(Keys.ALT).perform()
    until(app, lambda: _title(app, "topic-title"), lambda t: t == TOPIC, "back to the topic (Alt+←)")
    ActionChains(app.driver).key_down(Keys.ALT).send_keys(Keys.ARROW_RIGHT).key_up(Keys.ALT).perform()
    until(app, lambda: app.el("job-view").get_attribute("data-job-id"), lambda j: j == job_id, "forward to the job")
    app.click("nav-back")
    until(app, lambda: _title(app, "topic-title"), lambda t: t == TOPIC, "back to the topic (button)")
    app.click("nav-forward")
    until(app, lambda: _title(app, "job-title"), lambda t: t == JOB, "forward to the job (button)")

    # Escape closes the palette without going anywhere.
    ActionChains(app.driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    app.el("palette-input").send_keys(TOPIC)
    app.el("palette-input").send_keys(Keys.ESCAPE)
    until(app, lambda: app.all("command-palette"), lambda found: not found, "the palette closed on Escape")
    assert _title(app, "job-title") == JOB
