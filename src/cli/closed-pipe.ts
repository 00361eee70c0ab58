/**
 * A reader that stops early (`… | head -1`) closes the pipe: that ends the run, it is no error.
 * Without this, the next write throws EPIPE with a stack trace.
 */
export function endWhenReaderLeaves(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
