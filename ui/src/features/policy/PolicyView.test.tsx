// The workspace policy view in the whole frame against a mocked platform: offered to admins
// only (sidebar), the file, its state and hash, the editor's keys (Tab, Esc then Tab,
// Ctrl+Enter, Ctrl+S), Check saying what is wrong and where — with a way to the line — or
// that it is valid, Save writing the text and reloading the app under the role the new
// policy grants (here and in the other windows), refusals, and a managed policy read-only.
import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ROLE_CHANGED_KEY } from "../../app/windowSession";
import type { Role } from "../../bindings/Role";
import * as platform from "../../platform";
import type { PolicyDocument } from "../../platform";
import { appInfo } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

vi.mock("../../platform");

const SHA = "4e1243bd22c66e76c2ba9eddc1f91394e57f9f83a1f63e8e1fb3a0c8e0a3b7a1";

const SAVED_TEXT = `version = 1

[[assignments]]
user = "*"
role = "developer"
`;

function policyDocument(overrides: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    text: SAVED_TEXT,
    path: "/home/me/.local/share/streamlens/policy.toml",
    builtin: false,
    managed: false,
    reason: null,
    sha256: SHA,
    ...overrides,
  };
}

const INVALID = `version = 1

[[grant]]
roles = ["support"]
`;

const PARSE_ERROR = `TOML parse error at line 3, column 1
  |
3 | [[grant]]
  | ^^^^^^^^^
unknown field \`grant\`, expected one of \`version\`, \`connections\`, \`assignments\`, \`grants\`, \`denials\`, \`masking\``;

const WITH_RULE = `${SAVED_TEXT}
[[masking.rules]]
name = "support-payment-ids"
topics = ["demo.payments"]
fields = ["payment_id"]
action = "redact"
`;

function renderAs(role: Role, policy: PolicyDocument = policyDocument()) {
  mockBackend();
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.policyDocument).mockResolvedValue(policy);
  vi.mocked(platform.viewAs).mockImplementation((next) => Promise.resolve(appInfo({ role: next })));
  return renderFrame();
}

async function openPolicy(role: Role = "admin", policy?: PolicyDocument) {
  const rendered = renderAs(role, policy);
  await rendered.user.click(await screen.findByTestId("open-policy"));
  const text = await screen.findByTestId<HTMLTextAreaElement>("policy-text");
  return { ...rendered, text };
}

/** Replaces the editor's text, typed ("[[" and "{{" type one bracket or brace each). */
async function replaceText(user: ReturnType<typeof renderFrame>["user"], area: HTMLTextAreaElement, text: string) {
  await user.clear(area);
  await user.type(area, text.replace(/[[{]/g, "$&$&"));
}

describe("Workspace policy", () => {
  it.each<Role>(["developer", "support", "troubleshooter"])("is not offered to %s", async (role) => {
    renderAs(role);
    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", role);
    });
    expect(screen.queryByTestId("open-policy")).not.toBeInTheDocument();
    expect(screen.getByTestId("copy-diagnostics")).toBeInTheDocument();
  });

  it("shows an admin the file, its state and hash, its text and the format's sections", async () => {
    const { text } = await openPolicy();

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Workspace policy");
    expect(screen.getByTestId("open-policy")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("policy-path")).toHaveTextContent("/home/me/.local/share/streamlens/policy.toml");
    expect(screen.getByTestId("policy-state")).toHaveTextContent("Policy file");
    expect(screen.getByTestId("policy-sha")).toHaveTextContent(/^4e1243bd22c6$/);
    expect(screen.getByTestId("policy-sha")).toHaveAttribute("title", SHA);
    expect(text).toHaveValue(SAVED_TEXT);
    expect(text).toHaveAccessibleName("Workspace policy (TOML)");
    expect(text).toHaveAccessibleDescription(/Tab indents .* Ctrl\+Enter checks · Ctrl\+S saves/);
    expect(text).not.toHaveAttribute("readonly");
    expect(screen.queryByTestId("policy-unsaved")).not.toBeInTheDocument();
    // Nothing changed: nothing to save.
    expect(screen.getByTestId("policy-save")).toBeDisabled();
    const format = screen.getByTestId("policy-format");
    for (const section of ["[[connections]]", "[[assignments]]", "[[grants]]", "[[denials]]", "[masking]", "[[masking.rules]]"]) {
      expect(within(format).getByText(section)).toBeInTheDocument();
    }
    expect(format).toHaveTextContent("docs/policy.md");
  });

  it("says what is wrong and on which line, and goes there", async () => {
    vi.mocked(platform.checkPolicy).mockResolvedValue(PARSE_ERROR);
    const { user, text } = await openPolicy();

    await replaceText(user, text, INVALID);
    expect(screen.getByTestId("policy-unsaved")).toHaveTextContent("Unsaved changes");
    await user.click(screen.getByTestId("policy-check"));

    expect(vi.mocked(platform.checkPolicy).mock.calls).toEqual([[INVALID]]);
    const problem = await screen.findByTestId("policy-problem");
    expect(problem).toHaveAttribute("data-line", "3");
    expect(problem).toHaveTextContent("Line 3, column 1");
    expect(problem.querySelector("pre")?.textContent).toBe(PARSE_ERROR);
    expect(text).toBeInvalid();
    expect(text).toHaveAccessibleDescription(/unknown field `grant`/);
    expect(screen.queryByTestId("policy-valid")).not.toBeInTheDocument();
    expect(platform.savePolicy).not.toHaveBeenCalled();

    await user.click(within(problem).getByTestId("policy-go-to-line"));
    expect(text).toHaveFocus();
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe("[[grant]]");

    // The answer was about that text: an edit clears it.
    await user.keyboard("[[[[grants]]");
    expect(screen.queryByTestId("policy-problem")).not.toBeInTheDocument();
    expect(text).toBeValid();
  });

  it("shows a message without a line as it is", async () => {
    vi.mocked(platform.checkPolicy).mockResolvedValue("masking.rules[0].paths[0]: must start with `$`");
    const { user } = await openPolicy();

    await user.click(screen.getByTestId("policy-check"));

    const problem = await screen.findByTestId("policy-problem");
    expect(problem).not.toHaveAttribute("data-line");
    expect(problem).toHaveTextContent("The policy is not valid");
    expect(within(problem).queryByTestId("policy-go-to-line")).not.toBeInTheDocument();
  });

  it("checks with Ctrl+Enter and says the policy is valid until the text changes", async () => {
    vi.mocked(platform.checkPolicy).mockResolvedValue(null);
    const { user, text } = await openPolicy();

    await replaceText(user, text, WITH_RULE);
    await user.keyboard("{Control>}{Enter}{/Control}");

    expect(await screen.findByTestId("policy-valid")).toHaveTextContent("The policy is valid. Save puts it in force.");
    expect(vi.mocked(platform.checkPolicy).mock.calls).toEqual([[WITH_RULE]]);
    // Ctrl+Enter checked; it typed nothing.
    expect(text).toHaveValue(WITH_RULE);

    await user.type(text, "#");
    expect(screen.queryByTestId("policy-valid")).not.toBeInTheDocument();
  });

  it("indents with Tab, and leaves the editor with Esc then Tab", async () => {
    const { user, text } = await openPolicy();
    await replaceText(user, text, "[masking]\nbuiltin_rule = true");
    text.setSelectionRange(10, 10);

    await user.keyboard("{Tab}");
    expect(text).toHaveValue("[masking]\n  builtin_rule = true");
    expect(text).toHaveFocus();
    expect(text.selectionStart).toBe(12);

    // Both lines selected: both indented, still selected.
    text.setSelectionRange(0, text.value.length);
    await user.keyboard("{Tab}");
    expect(text).toHaveValue("  [masking]\n    builtin_rule = true");
    expect(text.selectionEnd).toBe(text.value.length);

    await user.keyboard("{Escape}{Tab}");
    expect(text).not.toHaveFocus();
    expect(text).toHaveValue("  [masking]\n    builtin_rule = true");
  });

  it("discards changes back to the saved text", async () => {
    const { user, text } = await openPolicy();
    await user.type(text, "# a note");
    expect(screen.getByTestId("policy-unsaved")).toBeInTheDocument();

    await user.click(screen.getByTestId("policy-discard"));

    expect(text).toHaveValue(SAVED_TEXT);
    expect(screen.queryByTestId("policy-unsaved")).not.toBeInTheDocument();
  });

  it("saves with Ctrl+S, then reloads the app under the role the new policy grants, here and in the other windows", async () => {
    const saved = policyDocument({ text: WITH_RULE, sha256: "ab12cd34ef56".padEnd(64, "0") });
    vi.mocked(platform.savePolicy).mockImplementation(() => {
      // The backend reloaded: it grants another role now, and "view as" is reset.
      vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "admin", dataDir: "/elsewhere" }));
      vi.mocked(platform.policyDocument).mockResolvedValue(saved);
      return Promise.resolve(saved);
    });
    const { user, text } = await openPolicy();
    const select = screen.getByTestId("view-as");
    await waitFor(() => {
      expect(select).toBeEnabled();
    });
    expect(platform.fetchAppInfo).toHaveBeenCalledTimes(1);
    const connectionsRead = vi.mocked(platform.listConnections).mock.calls.length;
    window.localStorage.removeItem(ROLE_CHANGED_KEY);

    await replaceText(user, text, WITH_RULE);
    await user.keyboard("{Control>}s{/Control}");

    expect(vi.mocked(platform.savePolicy).mock.calls).toEqual([[WITH_RULE]]);
    const done = await screen.findByTestId("policy-saved");
    expect(done).toHaveTextContent(
      "Saved to /home/me/.local/share/streamlens/policy.toml. The policy is in force (SHA-256 ab12cd34ef56).",
    );
    expect(screen.queryByTestId("policy-unsaved")).not.toBeInTheDocument();
    expect(screen.getByTestId("policy-sha")).toHaveTextContent("ab12cd34ef56");
    expect(text).toHaveValue(WITH_RULE);
    expect(text).toHaveFocus();
    // The app info is read again and every other query reloads under it.
    await waitFor(() => {
      expect(platform.fetchAppInfo).toHaveBeenCalledTimes(2);
    });
    await waitFor(() => {
      expect(vi.mocked(platform.listConnections).mock.calls.length).toBeGreaterThan(connectionsRead);
    });
    // The other windows are told, and that the granted role may have changed.
    expect(JSON.parse(window.localStorage.getItem(ROLE_CHANGED_KEY) ?? "null")).toMatchObject({ regranted: true });
  });

  it("takes the newly granted role: the view then says the policy is for admins", async () => {
    vi.mocked(platform.savePolicy).mockImplementation((saved) => {
      vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "developer" }));
      vi.mocked(platform.policyDocument).mockRejectedValue({ kind: "forbidden", message: "The developer role may not edit the policy." });
      return Promise.resolve(policyDocument({ text: saved }));
    });
    const { user, text } = await openPolicy();
    await waitFor(() => {
      expect(screen.getByTestId("view-as")).toBeEnabled();
    });

    await user.type(text, "# one more line");
    await user.click(screen.getByTestId("policy-save"));

    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "developer");
    });
    expect(await screen.findByTestId("policy-not-allowed")).toHaveTextContent("The workspace policy is for admins");
    expect(screen.queryByTestId("open-policy")).not.toBeInTheDocument();
    // Granted anew, not viewed as: the select offers no role above the new one.
    const options = within(screen.getByTestId("view-as")).getAllByRole("option").map((option) => option.textContent);
    expect(options).toEqual(["Developer", "Support", "Troubleshooter"]);
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });

  it("shows a save refused as invalid under the editor, with its line, and keeps the text", async () => {
    vi.mocked(platform.savePolicy).mockRejectedValue({ kind: "invalid_input", message: PARSE_ERROR });
    const { user, text } = await openPolicy();

    await replaceText(user, text, INVALID);
    await user.click(screen.getByTestId("policy-save"));

    const problem = await screen.findByTestId("policy-problem");
    expect(problem).toHaveAttribute("data-line", "3");
    expect(text).toHaveValue(INVALID);
    expect(screen.getByTestId("policy-unsaved")).toBeInTheDocument();
    expect(screen.queryByTestId("policy-saved")).not.toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(platform.fetchAppInfo).toHaveBeenCalledTimes(1);
  });

  it("shows any other refusal of a save as an error under the editor", async () => {
    vi.mocked(platform.savePolicy).mockRejectedValue({
      kind: "forbidden",
      message: "This installation is managed: sign the policy with the CLI.",
    });
    const { user, text } = await openPolicy();

    await user.type(text, "# x");
    await user.click(screen.getByTestId("policy-save"));

    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveAttribute("data-error-kind", "forbidden");
    expect(error).toHaveTextContent("sign the policy with the CLI");
    expect(screen.queryByTestId("policy-problem")).not.toBeInTheDocument();
  });

  it("offers the built-in policy's starter text for saving as it is", async () => {
    vi.mocked(platform.savePolicy).mockImplementation((text) => Promise.resolve(policyDocument({ text })));
    await openPolicy("admin", policyDocument({ builtin: true, text: "# The built-in policy applies.\nversion = 1\n" }));

    expect(screen.getByTestId("policy-state")).toHaveTextContent("Built-in · no file yet");
    expect(screen.getByTestId("policy-builtin")).toHaveTextContent(
      "saving it writes /home/me/.local/share/streamlens/policy.toml",
    );
    expect(screen.getByTestId("policy-save")).toBeEnabled();
  });

  it("shows a managed policy read-only, with the reason", async () => {
    const reason =
      "This installation is managed (a pinned admin key): edit policy.toml elsewhere, sign it with " +
      "`streamlens policy sign`, and install both files.";
    const { user, text } = await openPolicy(
      "admin",
      policyDocument({ managed: true, reason, path: "/etc/streamlens/policy.toml" }),
    );

    expect(screen.getByTestId("policy-state")).toHaveTextContent("Managed · signed");
    expect(screen.getByTestId("policy-read-only")).toHaveTextContent(reason);
    expect(text).toHaveAttribute("readonly");
    expect(screen.queryByTestId("policy-save")).not.toBeInTheDocument();
    expect(screen.queryByTestId("policy-check")).not.toBeInTheDocument();

    await user.click(text);
    await user.keyboard("{Control>}s{/Control}{Tab}");
    expect(text).toHaveValue(SAVED_TEXT);
    expect(platform.savePolicy).not.toHaveBeenCalled();
  });

  it("is withdrawn while an admin views the app as a lower role, without a banner", async () => {
    const { user } = await openPolicy();
    vi.mocked(platform.policyDocument).mockRejectedValue({ kind: "forbidden", message: "The support role may not edit the policy." });
    await waitFor(() => {
      expect(screen.getByTestId("view-as")).toBeEnabled();
    });

    await user.selectOptions(screen.getByTestId("view-as"), "support");

    expect(await screen.findByTestId("policy-not-allowed")).toHaveTextContent("the app is viewed as Support");
    expect(screen.queryByTestId("open-policy")).not.toBeInTheDocument();
    await act(() => Promise.resolve());
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });
});
