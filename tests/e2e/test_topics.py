"""The Kafka views, end to end in the real window against the local broker: the demo
topics with their message counts, instant search, a topic's partitions, the cluster
overview, and creating then deleting a topic through the UI (on a throwaway broker:
tansu 0.6.0's DeleteTopics removes every topic).

The local environment produces 200 messages into each demo topic, over 3 partitions.
The broker keeps its data between runs and other suites create topics on it, so the list
is narrowed with the search box before rows are counted: the table is virtualized and
only renders the rows in view.
"""
import os
import uuid

from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection as _add_connection
from ui_helpers import wait as _wait

DEMO_TOPICS = ("demo.customers", "demo.orders", "demo.payments")
DEMO_MESSAGES = 200

# Rows re-render as the list refetches or the search changes; read them in one script
# call so no element goes stale between finding it and reading it.
_ROWS_JS = """
return Array.from(document.querySelectorAll('[data-testid="topic-row"]'))
  .map(row => [row.dataset.topicName, Number(row.dataset.messages)]);
"""
_PARTITIONS_JS = """
return Array.from(document.querySelectorAll('[data-testid="partition-row"]'))
  .map(row => [Number(row.dataset.partition), Number(row.dataset.messages)]);
"""


def _topic_rows(app) -> dict:
    """Rendered topic rows as {name: message count}."""
    return dict(app.driver.execute_script(_ROWS_JS))


def _partition_rows(app) -> dict:
    """Rendered partition rows as {partition id: message count}."""
    return dict(app.driver.execute_script(_PARTITIONS_JS))


def _wait_for_rows(app, accept, what: str, timeout: float = 40) -> dict:
    """Waits until accept(rows) is true and returns the rows; fails saying what was seen."""
    seen = {}

    def check(_driver):
        nonlocal seen
        seen = _topic_rows(app)
        return accept(seen)

    try:
        _wait(app, timeout).until(check)
    except Exception as exc:  # the timeout message alone would not say what was there
        raise AssertionError(f"{what}; rows shown: {seen}") from exc
    return seen


def _search(app, text: str) -> None:
    app.fill("topic-search", text)


def _open_topic(app, name: str) -> None:
    # WebKitWebDriver refuses to click a <tr> ("not interactable"); its cells are fine.
    cell = (By.CSS_SELECTOR, f'[data-testid="topic-row"][data-topic-name="{name}"] td')
    _wait(app).until(lambda d: d.find_element(*cell).click() or True)
    _wait(app).until(lambda d: app.el("topic-title").text.strip() == name)


def test_topics_search_detail_and_cluster(app):
    _add_connection(app, "Local Kafka", os.environ["STREAMLENS_KAFKA_BOOTSTRAP"])

    # The Topics tab: the demo topics, each with the 200 messages the environment produced.
    app.click("tab-topics")
    app.el("topics-view")
    _search(app, "demo.")
    rows = _wait_for_rows(
        app,
        lambda r: all(r.get(t) == DEMO_MESSAGES for t in DEMO_TOPICS),
        f"expected {DEMO_TOPICS} with {DEMO_MESSAGES} messages each",
    )
    assert all("demo." in name for name in rows), rows

    # Instant search: only topics whose name contains "orders" remain.
    _search(app, "orders")
    rows = _wait_for_rows(
        app,
        lambda r: "demo.orders" in r and not {"demo.customers", "demo.payments"} & r.keys(),
        "expected demo.orders and no other demo topic after searching 'orders'",
    )
    assert all("orders" in name.lower() for name in rows), rows
    assert "of" in app.el("topic-count").text
    app.screenshot("topics")

    # A topic's detail: 3 partitions whose messages add up to the topic's 200.
    _open_topic(app, "demo.orders")
    app.click("topic-tab-partitions")
    _wait(app).until(lambda d: len(_partition_rows(app)) == 3)
    partitions = _partition_rows(app)
    assert sorted(partitions) == [0, 1, 2], partitions
    assert sum(partitions.values()) == DEMO_MESSAGES, partitions
    assert app.wait_attr("topic-message-count", "data-value") == str(DEMO_MESSAGES)
    app.screenshot("topic-detail")

    # The Cluster tab: the local environment is a single broker.
    app.click("tab-cluster")
    assert app.wait_attr("cluster-broker-count", "data-value") == "1"
    assert len(app.all("broker-row")) == 1
    app.screenshot("cluster")



def test_create_then_delete_a_topic(app, throwaway_broker):
    # A broker of this test's own: tansu 0.6.0's DeleteTopics removes every topic.
    _add_connection(app, "Scratch Kafka", throwaway_broker)

    # Create a topic with 2 partitions; its detail opens with 2 partition rows.
    name = f"e2e.created.{uuid.uuid4().hex[:8]}"
    app.click("tab-topics")
    app.click("create-topic")
    app.el("create-topic-dialog")
    app.fill("new-topic-name", name)
    app.fill("new-topic-partitions", "2")
    app.click("create-topic-submit")
    _wait(app).until(lambda d: app.el("topic-title").text.strip() == name)
    app.click("topic-tab-partitions")
    _wait(app).until(lambda d: len(_partition_rows(app)) == 2)
    assert sorted(_partition_rows(app)) == [0, 1]

    # It is in the list, and after deleting it, it is not.
    app.click("back-to-topics")
    _search(app, name)
    _wait_for_rows(app, lambda r: name in r, f"expected the new topic {name} in the list")
    _open_topic(app, name)
    app.click("delete-topic")
    app.el("delete-topic-dialog")
    app.click("confirm-delete-topic")
    app.el("topics-view")
    _search(app, name)
    _wait_for_rows(app, lambda r: name not in r, f"expected {name} gone after deleting it")
    app.el("topics-empty")
