// Preloaded into benchmarked processes: reports their peak resident memory when they exit.
process.on("exit", () => {
  process.stderr.write("peak-rss-kib " + process.resourceUsage().maxRSS + "\n");
});
