// Preloaded into a measured `civic` process (node --import): on exit, its CPU seconds (user +
// system, start-up included) and peak RSS as one JSON line on standard error.
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(
    `\n${JSON.stringify({ usage: { cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMB: process.resourceUsage().maxRSS / 1024 } })}\n`,
  );
});
