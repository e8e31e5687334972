// Preloaded into a child process under test: its peak resident memory (KiB, threads included) goes to
// file descriptor 3 when it exits, so stdout and stderr stay exactly what the program wrote.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // Run without a descriptor 3: nobody is measuring.
  }
});
