// Preloaded with `node -r`: prints the process's peak resident memory to stderr at exit.
process.on('exit', () => process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`));
