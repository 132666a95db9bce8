import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PageError from "@/app/error";

describe("app/error.tsx", () => {
  it("says something went wrong, offers to try again and gives the server log's reference, not the error's details", () => {
    const error = Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/secret.db"), { digest: "4021337" });
    const html = renderToStaticMarkup(createElement(PageError, { error, retry: () => {} }));
    expect(html).toContain('role="alert"');
    expect(html).toContain("Something went wrong");
    expect(html).toContain(">Try again</button>");
    expect(html).toContain("4021337");
    expect(html).not.toContain("SQLITE_BUSY");
    expect(html).not.toContain("secret.db");
  });

  it("works when what was thrown is not an Error", () => {
    const html = renderToStaticMarkup(createElement(PageError, { error: "boom", retry: () => {} }));
    expect(html).toContain("Something went wrong");
    expect(html).not.toContain("Reference for a bug report");
  });
});
