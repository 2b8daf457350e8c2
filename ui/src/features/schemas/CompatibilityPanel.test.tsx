// Check compatibility in the whole frame: the editor starts with the latest schema, Check
// sends the draft (type and references of the latest) and shows ✓ or the registry's
// reasons, an edit clears a stale result, developers register a new version (new id shown,
// subject refreshed), and support and troubleshooter roles get no Register button.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { subjectDetail, subjectVersion } from "../../test/fixtures";
import { renderSchemas } from "./schemasTestKit";

vi.mock("../../platform");

const latest = subjectVersion({ version: 2, id: 5, references: [{ name: "shop.Money", subject: "shop.money-value", version: 1 }] });
const detail = subjectDetail({ versions: [1, 2], latest });

async function openCheck(role: "developer" | "support" | "troubleshooter" | "admin" = "developer") {
  const rendered = renderSchemas({ role, open: detail.subject, detail });
  await rendered.user.click(await screen.findByTestId("subject-tab-check"));
  return rendered;
}

describe("CompatibilityPanel", () => {
  it("checks the latest schema as prefilled, then an edited draft the registry refuses", async () => {
    vi.mocked(platform.checkCompatibility)
      .mockResolvedValueOnce({ compatible: true, messages: [] })
      .mockResolvedValueOnce({
        compatible: false,
        messages: ["READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2: currency", "Incompatible change"],
      });
    const { user } = await openCheck();

    const editor = screen.getByTestId("compat-editor");
    expect(editor).toHaveValue(JSON.stringify(JSON.parse(latest.schema), null, 2));
    await user.click(screen.getByTestId("compat-check"));
    const ok = await screen.findByTestId("compat-result");
    expect(ok).toHaveAttribute("data-compatible", "true");
    expect(ok).toHaveTextContent("✓ Compatible with demo.orders-value under BACKWARD.");
    expect(platform.checkCompatibility).toHaveBeenCalledWith("c1", "demo.orders-value", {
      schemaType: "AVRO",
      schema: JSON.stringify(JSON.parse(latest.schema), null, 2),
      references: latest.references,
    });

    await user.clear(editor);
    expect(screen.queryByTestId("compat-result")).not.toBeInTheDocument();
    // "{{" and "[[" type one brace or bracket each.
    await user.type(editor, '{{"type":"record","name":"Order","fields":[[{{"name":"currency","type":"string"}]}');
    await user.click(screen.getByTestId("compat-check"));
    await waitFor(() => {
      expect(screen.getByTestId("compat-result")).toHaveAttribute("data-compatible", "false");
    });
    expect(screen.getAllByTestId("compat-message").map((li) => li.textContent)).toEqual([
      "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2: currency",
      "Incompatible change",
    ]);
    expect(vi.mocked(platform.checkCompatibility).mock.calls[1]?.[2].schema).toBe(
      '{"type":"record","name":"Order","fields":[{"name":"currency","type":"string"}]}',
    );
  });

  it("registers the draft as a new version for a developer, shows the id and refreshes the subject", async () => {
    vi.mocked(platform.registerSchema).mockResolvedValue({ id: 12 });
    const { user } = await openCheck("developer");
    expect(platform.fetchSubjectDetail).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId("schema-register"));
    const result = await screen.findByTestId("register-result");
    expect(result).toHaveTextContent("Registered: schema id 12.");
    expect(result).toHaveAttribute("data-schema-id", "12");
    expect(platform.registerSchema).toHaveBeenCalledWith("c1", "demo.orders-value", expect.objectContaining({ schemaType: "AVRO" }));
    await waitFor(() => {
      expect(platform.fetchSubjectDetail).toHaveBeenCalledTimes(2);
    });
    expect(platform.fetchRegistryOverview).toHaveBeenCalledTimes(2);
  });

  it("shows the registry's refusal inline", async () => {
    vi.mocked(platform.registerSchema).mockRejectedValue({
      kind: "invalid_input",
      message: "Schema Registry refused it: Schema being registered is incompatible with an earlier schema",
    });
    const { user } = await openCheck("admin");
    await user.click(screen.getByTestId("schema-register"));
    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveAttribute("data-error-kind", "invalid_input");
    expect(error).toHaveTextContent("incompatible with an earlier schema");
    expect(screen.queryByTestId("register-result")).not.toBeInTheDocument();
  });

  it.each(["support", "troubleshooter"] as const)("offers Check but no Register to the %s role", async (role) => {
    vi.mocked(platform.checkCompatibility).mockResolvedValue({ compatible: true, messages: [] });
    const { user } = await openCheck(role);
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("schema-register")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("compat-check"));
    expect(await screen.findByTestId("compat-result")).toHaveAttribute("data-compatible", "true");
    expect(platform.registerSchema).not.toHaveBeenCalled();
  });

  it("keeps the draft while another tab is shown", async () => {
    const { user } = await openCheck();
    const editor = screen.getByTestId("compat-editor");
    await user.clear(editor);
    await user.type(editor, "draft in progress");
    await user.click(screen.getByTestId("subject-tab-schema"));
    expect(screen.getByTestId("compat-panel").closest("[role='tabpanel']")).not.toBeVisible();
    await user.click(screen.getByTestId("subject-tab-check"));
    expect(screen.getByTestId("compat-editor")).toHaveValue("draft in progress");
  });
});
