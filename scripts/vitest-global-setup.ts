// Before the tests: build the `civic` command and the server (scripts/build.mjs, ~1 s) unless the
// build already holds the current sources, so the tests that run `civic` as a process run what
// `npm ci` leaves, from the sources as they are now.
export default async function setup(): Promise<void> {
  // @ts-expect-error -- a plain ES module script without type declarations
  const { buildCli, builtIsFresh } = (await import('./build.mjs')) as {
    buildCli: () => Promise<number>;
    builtIsFresh: () => boolean;
  };
  if (!builtIsFresh()) await buildCli();
}
