// The editor as the user drives it, with the platform mocked: what reaches the backend,
// what the user is told when something is wrong.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import { probeReport, profile } from "../../../test/fixtures";
import { mockBackend, renderFrame } from "../../../test/renderApp";

vi.mock("../../../platform");

const saved = profile({ id: "new-id", name: "Staging" });

describe("ConnectionEditor", () => {
  it("saves a new connection with the local defaults and opens it", async () => {
    mockBackend([]);
    vi.mocked(platform.saveConnection).mockResolvedValue(saved);
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    await user.type(screen.getByTestId("conn-name"), "Staging");
    vi.mocked(platform.listConnections).mockResolvedValue([saved]);
    await user.click(screen.getByTestId("save-connection"));

    await waitFor(() => {
      expect(platform.saveConnection).toHaveBeenCalledTimes(1);
    });
    const draft = vi.mocked(platform.saveConnection).mock.calls[0]?.[0];
    expect(draft).toMatchObject({
      id: null,
      name: "Staging",
      environment: "dev",
      kafka: { bootstrapServers: "127.0.0.1:19092", securityProtocol: "plaintext" },
      schemaRegistry: { url: "http://127.0.0.1:18081", auth: "none" },
      flink: { url: "http://127.0.0.1:18082", auth: "none" },
      secrets: [],
    });
    expect(await screen.findByTestId("connection-title")).toHaveTextContent("Staging");
  });

  it("shows validation messages and sends nothing while the form is wrong", async () => {
    mockBackend([]);
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    await user.clear(screen.getByTestId("kafka-bootstrap"));
    await user.clear(screen.getByTestId("registry-url"));
    await user.type(screen.getByTestId("registry-url"), "localhost:8081");
    await user.click(screen.getByTestId("save-connection"));

    expect(screen.getByText("Give the connection a name.")).toBeInTheDocument();
    expect(screen.getByText(/Enter at least one bootstrap server/)).toBeInTheDocument();
    expect(screen.getByText("The Schema Registry URL must start with http:// or https://.")).toBeInTheDocument();
    expect(screen.getByTestId("conn-name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("conn-name")).toHaveFocus();
    expect(platform.saveConnection).not.toHaveBeenCalled();

    // Fixing a field clears its message without another submit.
    await user.type(screen.getByTestId("conn-name"), "Local");
    expect(screen.queryByText("Give the connection a name.")).not.toBeInTheDocument();
  });

  it("shows the backend's invalid_input next to the form, not in the banner", async () => {
    mockBackend([]);
    vi.mocked(platform.saveConnection).mockRejectedValue({
      kind: "invalid_input",
      message: "A connection named “Local” already exists.",
    });
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    await user.type(screen.getByTestId("conn-name"), "Local");
    await user.click(screen.getByTestId("save-connection"));

    expect(await screen.findByTestId("form-error")).toHaveTextContent("A connection named “Local” already exists.");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("home-view")).not.toBeInTheDocument();
  });

  it("sends other backend errors to the banner", async () => {
    mockBackend([]);
    vi.mocked(platform.saveConnection).mockRejectedValue({ kind: "keyring", message: "Keyring is locked." });
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    await user.type(screen.getByTestId("conn-name"), "Local");
    await user.click(screen.getByTestId("save-connection"));

    expect(await screen.findByTestId("error-banner")).toHaveTextContent("Keyring is locked.");
    expect(screen.queryByTestId("form-error")).not.toBeInTheDocument();
  });

  it("shows SASL fields only for SASL protocols and sends what was typed", async () => {
    mockBackend([]);
    vi.mocked(platform.testConnectionDraft).mockResolvedValue(probeReport());
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    expect(screen.queryByLabelText("Username")).not.toBeInTheDocument();
    await user.type(screen.getByTestId("conn-name"), "Secure");
    await user.selectOptions(screen.getByTestId("kafka-protocol"), "sasl_plaintext");
    await user.selectOptions(screen.getByTestId("kafka-sasl-mechanism"), "scram_sha_256");
    await user.type(screen.getByTestId("kafka-sasl-username"), "alice");
    await user.type(screen.getByTestId("kafka-sasl-password"), "pa ss");
    await user.click(screen.getByTestId("test-draft"));

    expect(await screen.findByTestId("probe-kafka")).toHaveAttribute("data-ok", "true");
    expect(platform.testConnectionDraft).toHaveBeenCalledWith(
      expect.objectContaining({
        kafka: expect.objectContaining({ saslMechanism: "scram_sha_256", saslUsername: "alice" }) as unknown,
        secrets: [{ slot: "kafka_password", value: "pa ss" }],
      }),
    );
    expect(platform.saveConnection).not.toHaveBeenCalled();
  });

  it("sends null for a part whose checkbox is cleared", async () => {
    mockBackend([]);
    vi.mocked(platform.saveConnection).mockResolvedValue(saved);
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });

    await user.type(screen.getByTestId("conn-name"), "Kafka only");
    await user.click(screen.getByTestId("registry-enabled"));
    await user.click(screen.getByTestId("flink-enabled"));
    expect(screen.queryByTestId("flink-url")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("save-connection"));

    await waitFor(() => {
      expect(platform.saveConnection).toHaveBeenCalledWith(
        expect.objectContaining({ schemaRegistry: null, flink: null, kafka: expect.anything() as unknown }),
      );
    });
  });

  it("edits with write-only secrets: blank keeps, remove deletes", async () => {
    const existing = profile({
      id: "c-prod",
      name: "Payments",
      environment: "prod",
      schemaRegistry: { url: "https://sr.example", auth: "basic", username: "svc", caPem: null },
      flink: { url: "https://flink.example", auth: "bearer", username: null, caPem: null },
      storedSecrets: ["registry_password", "flink_token"],
    });
    mockBackend([existing]);
    vi.mocked(platform.saveConnection).mockResolvedValue(existing);
    const { user } = renderFrame({ initialView: { kind: "edit-connection", id: "c-prod" } });

    const password = await screen.findByTestId("registry-password");
    expect(password).toHaveValue("");
    expect(password).toHaveAttribute("placeholder", "stored — leave blank to keep");
    expect(screen.getByTestId("flink-token")).toHaveAttribute("placeholder", "stored — leave blank to keep");

    await user.click(screen.getByTestId("flink-token-remove"));
    expect(screen.getByTestId("flink-token")).toBeDisabled();
    // Removing the only token makes bearer auth impossible, so validation says so...
    await user.click(screen.getByTestId("save-connection"));
    expect(screen.getByText(/Enter the token; none is stored/)).toBeInTheDocument();
    // ...and switching Flink to no auth is the way out.
    await user.selectOptions(screen.getByTestId("flink-auth"), "none");
    await user.click(screen.getByTestId("save-connection"));

    await waitFor(() => {
      expect(platform.saveConnection).toHaveBeenCalledTimes(1);
    });
    const draft = vi.mocked(platform.saveConnection).mock.calls[0]?.[0];
    expect(draft?.id).toBe("c-prod");
    expect(draft?.schemaRegistry).toEqual({ url: "https://sr.example", auth: "basic", username: "svc", caPem: null });
    expect(draft?.secrets).toEqual([{ slot: "flink_token", value: null }]);
  });

  it("collapses a section without disabling it", async () => {
    mockBackend([]);
    const { user } = renderFrame({ initialView: { kind: "new-connection" } });
    const kafka = screen.getByRole("group", { name: "Kafka" });
    await user.click(within(kafka).getByRole("button", { name: "Collapse Kafka" }));
    expect(screen.queryByTestId("kafka-bootstrap")).not.toBeInTheDocument();
    expect(screen.getByTestId("kafka-enabled")).toBeChecked();
  });
});
