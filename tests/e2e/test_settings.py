"""Settings, end to end in the real window: opened from the sidebar, changed (dark theme,
UTC, epoch timestamps, 500 messages a page, hex as the default value decoder), saved into
the app database (read back here with sqlite3) and applied at once (the window turns dark).
Screenshot: docs/screenshots/settings.png (in the dark theme).
"""
import json
import sqlite3

from ui_helpers import select, until


def test_settings_are_saved_in_the_app_database_and_applied(app):
    app.click("sidebar-settings")
    app.el("settings-view")
    select(app, "settings-theme", "dark")
    select(app, "settings-time-zone", "utc")
    select(app, "settings-timestamp-format", "epoch_millis")
    select(app, "settings-page-size", "500")
    select(app, "settings-value-decoder", "hex")
    app.click("settings-save")
    app.el("settings-saved")

    theme = until(app, lambda: app.driver.execute_script("return document.documentElement.dataset.theme"),
                  lambda t: t == "dark", "the dark theme applied")
    assert theme == "dark"
    app.screenshot("settings")

    db = sqlite3.connect(f"file:{app.data_dir / 'streamlens.db'}?mode=ro", uri=True)
    try:
        saved = json.loads(db.execute("SELECT json FROM app_settings WHERE id = 1").fetchone()[0])
    finally:
        db.close()
    assert saved["theme"] == "dark" and saved["timeZone"] == "UTC", saved
    assert saved["timestampFormat"] == "epoch_millis" and saved["pageSize"] == 500, saved
    assert saved["defaultDecoders"] == {"key": "auto", "value": "hex"}, saved
