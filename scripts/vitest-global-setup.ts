// Before the tests: build the `civic` command (scripts/build.mjs, ~1 s) so the tests that run it
// as a process run what `npm ci` leaves, from the sources as they are now.
export default async function setup(): Promise<void> {
  // @ts-expect-error -- a plain ES module script without type declarations
  const { buildCli } = (await import('./build.mjs')) as { buildCli: () => Promise<number> };
  await buildCli();
}
