// One line of highlighted schema text: its tokens as <span>s with a class per kind
// (plain text needs none). React escapes the text, so nothing in a schema becomes markup.
import type { Token } from "./highlight";

export function HighlightedLine({ tokens }: { tokens: readonly Token[] }) {
  return (
    <>
      {tokens.map((token, index) =>
        token.kind === "plain" ? (
          token.text
        ) : (
          // Tokens of a line never move, so their index is a stable key.
          <span key={index} className={`hl-${token.kind}`}>
            {token.text}
          </span>
        ),
      )}
    </>
  );
}
