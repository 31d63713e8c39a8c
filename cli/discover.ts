// PLACEHOLDER until the vendor clients' list calls are wired in.
export async function discover(_args: string[]): Promise<number> {
  process.stderr.write("apiidentity discover: not available yet\n");
  return 2;
}
