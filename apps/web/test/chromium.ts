// Debian's Chromium, headless, as the dashboard tests and the dashboard benchmark both drive it: no sandbox
// (root in CI), and no background traffic (updates, sync, QUIC) to blur what a page itself requests.
import { chromium } from "playwright-core";

export const launchChromium = () =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
