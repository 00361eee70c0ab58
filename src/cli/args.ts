/** The parsed arguments, or what is wrong with them and the usage (exit 2), never a stack trace. */
export function parseArgsOrExit<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
