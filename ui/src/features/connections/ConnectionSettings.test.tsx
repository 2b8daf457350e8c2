// The Settings tab: summary, testing, and deleting (with the production safeguard).
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { probeReport, profile } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

describe("ConnectionSettings", () => {
  it("summarises the parts and names stored secrets without their values", async () => {
    mockBackend([
      profile({
        id: "c1",
        name: "Secure",
        kafka: {
          bootstrapServers: "b1:9093",
          securityProtocol: "sasl_ssl",
          saslMechanism: "scram_sha_512",
          saslUsername: "alice",
          tls: { caPem: "PEM", clientCertPem: null, verifyHostname: true },
        },
        flink: null,
        storedSecrets: ["kafka_password"],
      }),
    ]);
    renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });

    const kafka = await screen.findByRole("region", { name: "Kafka" });
    expect(kafka).toHaveTextContent("b1:9093");
    expect(kafka).toHaveTextContent("SASL_SSL · SCRAM-SHA-512 as alice");
    expect(screen.getByRole("region", { name: "Schema Registry" })).toHaveTextContent("http://127.0.0.1:18081");
    expect(screen.getByRole("region", { name: "Flink" })).toHaveTextContent("Not configured");
    expect(screen.getByRole("region", { name: "Stored secrets" })).toHaveTextContent("Kafka SASL password");
  });

  it("tests the saved connection, showing progress and then the results", async () => {
    mockBackend([profile({ id: "c1" })]);
    let finish: (report: ReturnType<typeof probeReport>) => void = () => undefined;
    vi.mocked(platform.testConnection).mockReturnValue(
      new Promise((resolve) => {
        finish = resolve;
      }),
    );
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });

    await user.click(await screen.findByTestId("test-connection"));
    expect(screen.getByText("Testing connection…")).toBeInTheDocument();
    expect(screen.getByTestId("test-connection")).toBeDisabled();
    expect(platform.testConnection).toHaveBeenCalledWith("c1");

    finish(probeReport());
    expect(await screen.findByTestId("probe-kafka")).toHaveTextContent("1 broker, 4 topics");
    expect(screen.queryByText("Testing connection…")).not.toBeInTheDocument();
  });

  it("deletes a dev connection after a plain confirmation and goes home", async () => {
    const dev = profile({ id: "c1", name: "Laptop", environment: "dev" });
    mockBackend([dev]);
    vi.mocked(platform.deleteConnection).mockResolvedValue(undefined);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });

    await user.click(await screen.findByTestId("delete-connection"));
    const dialog = screen.getByRole("dialog", { name: "Delete “Laptop”?" });
    expect(within(dialog).queryByRole("textbox")).not.toBeInTheDocument();
    vi.mocked(platform.listConnections).mockResolvedValue([]);
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => {
      expect(platform.deleteConnection).toHaveBeenCalledWith("c1");
    });
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();
  });

  it("requires typing the name to delete a prod connection", async () => {
    mockBackend([profile({ id: "c9", name: "Payments", environment: "prod" })]);
    vi.mocked(platform.deleteConnection).mockResolvedValue(undefined);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c9", tab: "settings" } });

    await user.click(await screen.findByTestId("delete-connection"));
    const confirm = screen.getByTestId("confirm-delete");
    expect(confirm).toBeDisabled();

    const nameInput = screen.getByLabelText(/Type Payments to confirm/);
    expect(nameInput).toHaveFocus();
    await user.type(nameInput, "payments");
    expect(confirm).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(platform.deleteConnection).not.toHaveBeenCalled();

    await user.clear(nameInput);
    await user.type(nameInput, "Payments");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => {
      expect(platform.deleteConnection).toHaveBeenCalledWith("c9");
    });
  });

  it("closes the delete dialog with Escape without deleting", async () => {
    mockBackend([profile({ id: "c1" })]);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });
    await user.click(await screen.findByTestId("delete-connection"));
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("delete-connection")).toHaveFocus();
    expect(platform.deleteConnection).not.toHaveBeenCalled();
  });

  it("reports a failed delete in the banner and stays on the connection", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.deleteConnection).mockRejectedValue({ kind: "storage", message: "database is locked" });
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });
    await user.click(await screen.findByTestId("delete-connection"));
    await user.click(screen.getByTestId("confirm-delete"));
    expect(await screen.findByTestId("error-banner")).toHaveTextContent("database is locked");
    expect(screen.getByTestId("connection-title")).toBeInTheDocument();
  });

  it("opens the editor from Edit", async () => {
    mockBackend([profile({ id: "c1", name: "Laptop" })]);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "settings" } });
    await user.click(await screen.findByTestId("edit-connection"));
    expect(screen.getByTestId("conn-name")).toHaveValue("Laptop");
  });
});
