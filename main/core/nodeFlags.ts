/**
 * V8 flags the console's process runs with. A larger young generation: at 160,000 GPUs the scrape
 * parser makes short-lived garbage at a rate the default 16 MB semi-space turns into constant
 * scavenges — with 32 MB, CPU per million samples fell from 2.98 to 1.85 CPU-s and event-loop lag
 * p99 from 74 to 42 ms (npm run bench, issue 10). It only takes effect from node's command line
 * (`npm run serve` passes it). The Electron shell keeps V8's defaults: passing js-flags there is a
 * custom Chromium argument, which the security gate refuses (CUSTOM_ARGUMENTS_JS_CHECK). Since the
 * parser moved to the scrape worker, whose young generation is set in code (ingest/scrapePool.ts),
 * this matters less: README, Performance, has both figures.
 */
export const CONSOLE_NODE_FLAGS = '--max-semi-space-size=32';
