"""End-to-end harness: the real Streamlens window, driven over WebDriver.

tauri-driver (cargo install tauri-driver) sits in front of WebKitWebDriver, which starts
the built app binary in a real WebKitGTK window; tests run under Xvfb (xvfb-run) and a
D-Bus session with GNOME Keyring (tests/run-all.sh sets both up). Each test gets a fresh
data directory (with the webview's storage in it) and its own keyring service, so runs never
share state.

Every later view's end-to-end tests use the `app` fixture (or `app_as`, to start the app as a
given role) and the `Ui` helpers from here.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"tauri-driver did not listen on {port} within {timeout}s")


def app_binary() -> str:
    path = os.environ.get("STREAMLENS_APP")
    if not path or not Path(path).is_file():
        raise RuntimeError("STREAMLENS_APP must name the built streamlens-desktop binary (tests/run-all.sh sets it)")
    return path


class Ui:
    """Small, readable helpers over selenium for the app's data-testid hooks."""

    def __init__(self, driver: webdriver.Remote, data_dir: Path):
        self.driver = driver
        self.data_dir = data_dir
        self.wait = WebDriverWait(driver, 30)

    def el(self, testid: str):
        return self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f'[data-testid="{testid}"]')))

    def all(self, testid: str):
        return self.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')

    def click(self, testid: str) -> None:
        self.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, f'[data-testid="{testid}"]'))).click()

    def fill(self, testid: str, text: str) -> None:
        field = self.el(testid)
        field.clear()
        field.send_keys(text)

    def wait_attr(self, testid: str, attr: str, timeout: float = 40):
        """Waits until the element has `attr` set, and returns its value."""
        locator = (By.CSS_SELECTOR, f'[data-testid="{testid}"][{attr}]')
        return WebDriverWait(self.driver, timeout).until(EC.presence_of_element_located(locator)).get_attribute(attr)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path


class Broker:
    """A tansu broker of one test's own (free port, fresh SQLite file) that the test can stop
    and start again: same port, same file, so clients that lost it find it (and its topics)
    where they were. tansu rebinds the port at once after a stop (checked with a client
    connection open across the restart)."""

    def __init__(self):
        self._tansu = os.environ.get("STREAMLENS_TANSU") or shutil.which("tansu") or str(Path.home() / ".cargo/bin/tansu")
        self._data = Path(tempfile.mkdtemp(prefix="streamlens-broker-"))
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self._proc: subprocess.Popen | None = None

    def start(self) -> None:
        assert self._proc is None, "the broker is already running"
        url = f"tcp://{self.address}"
        env = {k: v for k, v in os.environ.items() if k != "SCHEMA_REGISTRY"}
        # An absolute path needs four slashes: tansu drops the first "/" of the URL path.
        self._proc = subprocess.Popen(
            [self._tansu, "broker", "--cluster-id", "streamlens-e2e", "--listener-url", url,
             "--advertised-listener-url", url, "--storage-engine", f"sqlite:///{self._data / 'broker.db'}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)

    def stop(self) -> None:
        """Stops the broker; nothing listens on its port until start()."""
        if self._proc is None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)
        self._proc = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self._data, ignore_errors=True)


@pytest.fixture()
def restartable_broker():
    """A running Broker the test may stop() and start() again (test_reconnect.py)."""
    broker = Broker()
    try:
        broker.start()
        yield broker
    finally:
        broker.remove()


@pytest.fixture()
def throwaway_broker(restartable_broker):
    """The address of a tansu broker of the test's own, for tests that delete topics: tansu
    0.6.0's DeleteTopics removes every topic, so never on the shared broker."""
    yield restartable_broker.address


@contextlib.contextmanager
def _running_app(data_dir: Path, keyring_service: str, role: str | None = None):
    """One run of the app under tauri-driver on `data_dir`, as `role` (STREAMLENS_ROLE) or the
    default developer. Sessions on the same data dir and keyring service see the same saved
    connections, one after the other."""
    port, native_port = _free_port(), _free_port()
    env = dict(os.environ)
    env["STREAMLENS_DATA_DIR"] = str(data_dir)
    env["STREAMLENS_KEYRING_SERVICE"] = keyring_service
    # The webview keeps its storage (each window's saved view, the recent recordings) in the
    # app's local data dir under XDG_DATA_HOME: one per data dir, so a test never starts where
    # the one before it left off, and a restart on the same data dir does (test_windows.py).
    # The keyring daemon already runs with the session's own XDG_DATA_HOME (D-Bus, unaffected).
    env["XDG_DATA_HOME"] = str(data_dir / "xdg-data")
    env.pop("STREAMLENS_ROLE", None)
    if role is not None:
        env["STREAMLENS_ROLE"] = role
    driver_bin = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
    native = shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"
    log = open(data_dir / f"tauri-driver-{role or 'default'}-{port}.log", "w")
    proc = subprocess.Popen(
        [driver_bin, "--port", str(port), "--native-port", str(native_port), "--native-driver", native],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    driver = None
    try:
        _wait_for_port(port)
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": app_binary()})
        # tauri-driver listens before WebKitWebDriver behind it is ready; the first session
        # request can be dropped. Retry briefly rather than fail on a start-up race.
        for attempt in range(5):
            try:
                driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
                break
            except Exception:  # urllib3 ProtocolError / WebDriverException while starting
                if attempt == 4:
                    raise
                time.sleep(1.0)
        driver.set_window_size(1280, 800)
        yield Ui(driver, data_dir)
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture()
def app():
    data_dir = Path(tempfile.mkdtemp(prefix="streamlens-e2e-"))
    with _running_app(data_dir, f"streamlens-e2e-{uuid.uuid4().hex[:8]}") as ui:
        yield ui


@pytest.fixture()
def app_as():
    """Starts the app as a role: `ui = app_as("support")`. Every call in one test shares one
    data dir and keyring service, and first closes the window before it, so a test can save a
    connection as a developer and reopen the app as support (which may not edit connections)."""
    data_dir = Path(tempfile.mkdtemp(prefix="streamlens-e2e-"))
    keyring_service = f"streamlens-e2e-{uuid.uuid4().hex[:8]}"
    with contextlib.ExitStack() as stack:
        current: list[contextlib.ExitStack] = []

        def start(role: str = "developer") -> Ui:
            if current:
                current.pop().close()
            session = contextlib.ExitStack()
            stack.callback(session.close)
            ui = session.enter_context(_running_app(data_dir, keyring_service, role))
            current.append(session)
            return ui

        yield start
