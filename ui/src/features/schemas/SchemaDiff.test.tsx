// Compare versions in the whole frame: the one before the latest on the left, the latest
// on the right, removed and added lines marked with their own line numbers, either side
// switchable to any version.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { renderSchemas, twoVersions } from "./schemasTestKit";

vi.mock("../../platform");

function marked(kind: "added" | "removed"): string[] {
  return Array.from(screen.getByTestId("schema-diff").querySelectorAll(`[data-diff="${kind}"]`)).map((cell) => cell.textContent);
}

describe("SchemaDiff", () => {
  it("shows v1 beside v2 with the removed and added lines marked and numbered", async () => {
    const { detail, v1 } = twoVersions();
    const { user } = renderSchemas({ open: detail.subject, detail, versions: [v1] });
    await user.click(await screen.findByTestId("subject-tab-diff"));

    expect(screen.getByTestId("diff-left-version")).toHaveValue("1");
    expect(screen.getByTestId("diff-right-version")).toHaveValue("2");
    const table = await screen.findByTestId("schema-diff");
    expect(platform.fetchSubjectVersion).toHaveBeenCalledWith("c1", detail.subject, 1);
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["v1 (id 1)", "v2 (id 5)"]);

    expect(marked("removed")).toEqual(['      "name": "amount",']);
    expect(marked("added")).toEqual([
      '      "name": "total",',
      "    },",
      "    {",
      '      "name": "currency",',
      '      "type": "string"',
    ]);
    expect(screen.getByTestId("diff-summary")).toHaveTextContent("5 lines added, 1 line removed");

    // The changed line sits beside its replacement, each with its own side's line number.
    const changed = screen.getAllByTestId("diff-row").find((row) => row.querySelector('[data-diff="removed"]') !== null);
    expect(Array.from(changed?.querySelectorAll("td") ?? []).map((td) => td.textContent)).toEqual([
      "10",
      '      "name": "amount",',
      "10",
      '      "name": "total",',
    ]);
    // Highlighted in the diff too.
    expect(changed?.querySelector('[data-diff="added"] .hl-string')).toHaveTextContent('"total"');
  });

  it("compares whichever versions are picked; the same one twice has nothing marked", async () => {
    const { detail, v1 } = twoVersions();
    const { user } = renderSchemas({ open: detail.subject, detail, versions: [v1] });
    await user.click(await screen.findByTestId("subject-tab-diff"));
    await screen.findByTestId("schema-diff");

    await user.selectOptions(screen.getByTestId("diff-left-version"), "2");
    await waitFor(() => {
      expect(screen.getByTestId("diff-summary")).toHaveTextContent("The two versions are the same.");
    });
    expect(marked("added")).toEqual([]);
    expect(marked("removed")).toEqual([]);

    await user.selectOptions(screen.getByTestId("diff-right-version"), "1");
    await waitFor(() => {
      expect(marked("removed")).toHaveLength(5);
    });
    expect(marked("added")).toEqual(['      "name": "amount",']);
  });
});
