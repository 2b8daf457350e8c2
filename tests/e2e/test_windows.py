"""Several connections and windows, end to end in the real window against the local
environment: each connection keeps its place (picking another connection and coming back
returns to the topic and its tab, and Back still walks every step); a topic opens in a window
of its own (a second WebDriver window handle showing just that topic, without the sidebar);
and after a restart the main window comes back on the topic and tab it showed, with the
topic's own window reopened.

Screenshot: docs/screenshots/own-window.png (a topic in its own window).

The webview's storage (where windows keep their sessions) lives under XDG_DATA_HOME, which
conftest gives each test's data directory of its own: sessions never leak from one test to
the next, and survive a restart within one test (app_as).
"""
import time

from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection, attr, open_topic, text, until, wait

TOPIC = "demo.orders"
# WebKit writes localStorage to disk shortly after a change, not at once; a restart sooner
# than this may lose the last change (the app is stopped, not closed by the user).
STORAGE_FLUSH_S = 2.0


def _pick_connection(app, name: str) -> None:
    css = f'[data-testid="connection-item"][data-connection-name="{name}"]'
    wait(app).until(lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True)


def _shows_topic_on(app, tab: str, what: str) -> None:
    until(app, lambda: (text(app, "topic-title") or "").strip(), lambda t: t == TOPIC, f"{what}: the topic {TOPIC}")
    until(app, lambda: attr(app, f"topic-tab-{tab}", "aria-selected"), lambda v: v == "true", f"{what}: its {tab} tab")


def _saved_main_view(app):
    return app.driver.execute_script("return window.localStorage.getItem('streamlens.window.main');")


def _other_handle(app, main: str) -> str:
    handles = until(app, lambda: app.driver.window_handles, lambda h: len(h) == 2, "a second window")
    return next(h for h in handles if h != main)


def test_each_connection_keeps_its_place(app):
    add_local_connection(app, "Local")
    open_topic(app, TOPIC)
    app.click("topic-tab-partitions")
    _shows_topic_on(app, "partitions", "in Local")

    # A second connection (the same environment): saved, it shows its Settings tab.
    add_local_connection(app, "Local again")
    until(app, lambda: attr(app, "tab-settings", "aria-selected"), lambda v: v == "true", "the new connection's Settings")

    # Back to Local: the topic on its Partitions tab, not Local's first tab.
    _pick_connection(app, "Local")
    _shows_topic_on(app, "partitions", "back in Local")

    # And to the other one: its Settings tab, where it was left.
    _pick_connection(app, "Local again")
    until(app, lambda: (text(app, "connection-title") or "").strip(), lambda t: t == "Local again", "Local again")
    until(app, lambda: attr(app, "tab-settings", "aria-selected"), lambda v: v == "true", "Local again's Settings, kept")

    # Back walks every step, switches included.
    app.click("nav-back")
    _shows_topic_on(app, "partitions", "Back")


def test_a_topic_opens_in_a_window_of_its_own(app):
    add_local_connection(app, "Local")
    open_topic(app, TOPIC)
    main = app.driver.current_window_handle
    app.click("open-in-window")

    app.driver.switch_to.window(_other_handle(app, main))
    _shows_topic_on(app, "messages", "the new window")
    app.el("secondary-frame")
    assert not app.all("add-connection"), "the topic's own window has no sidebar"
    assert not app.all("open-in-window"), "a topic's own window does not offer another"
    until(app, lambda: app.all("message-row"), lambda rows: len(rows) > 0, "messages in the new window")
    app.screenshot("own-window")

    # The main window is where it was, and works on its own.
    app.driver.switch_to.window(main)
    _shows_topic_on(app, "messages", "the main window")
    app.click("topic-tab-configs")
    _shows_topic_on(app, "configs", "the main window")


def test_windows_and_views_come_back_after_a_restart(app_as):
    app = app_as("developer")
    add_local_connection(app, "Local")
    open_topic(app, TOPIC)
    main = app.driver.current_window_handle
    app.click("open-in-window")
    _other_handle(app, main)
    app.click("topic-tab-partitions")
    until(app, lambda: _saved_main_view(app) or "", lambda saved: '"topicTab":"partitions"' in saved,
          "the main window's view saved")
    time.sleep(STORAGE_FLUSH_S)

    app = app_as("developer")
    # The main window: the topic, on the tab it showed.
    _shows_topic_on(app, "partitions", "after the restart")
    # The topic's own window, reopened.
    main = app.driver.current_window_handle
    app.driver.switch_to.window(_other_handle(app, main))
    _shows_topic_on(app, "messages", "the reopened window")
    app.el("secondary-frame")
