import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

/*
 * React 18.3.1's streaming renderer, patched (patches/react-dom+18.3.1.patch):
 * a text whose first multi-byte character does not fit in what is left of
 * its 2,048-byte buffer must not leave NUL bytes in the page.
 */

function renderStreamed(children: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough();
    const { pipe } = renderToPipeableStream(
      createElement(
        "ul",
        null,
        children.map((child, index) => createElement("li", { key: index }, child)),
      ),
      {
        onAllReady: () => {
          pipe(out);
          text(out).then(resolve, reject);
        },
        onError: reject,
      },
    );
  });
}

describe("a streamed page carries its multi-byte characters whole", () => {
  it("has no NUL byte wherever an é or a 中 meets the end of the renderer's buffer", async () => {
    for (const character of ["é", "中"]) {
      // Shifting the texts by one byte at a time puts the character across the buffer's end at every offset.
      for (let shift = 0; shift < 8; shift++) {
        const texts = Array.from({ length: 1500 }, (_, i) => `${"a".repeat(shift + (i % 5))}In${character}s ${i}`);
        const page = await renderStreamed(texts);
        expect(page.includes("\u0000"), `${character}, shifted by ${shift}`).toBe(false);
        for (const t of texts) expect(page).toContain(`<li>${t}</li>`);
      }
    }
  });
});
