// Builds the SDK bundles the server serves at /sdk/reel.js (IIFE, global `Reel`) and
// /sdk/reel.esm.js (ES module). Prints each bundle's size, raw and gzipped.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDirectory = dirname(fileURLToPath(import.meta.url));
const entryPoint = join(packageDirectory, "src", "index.ts");
/** The IIFE bundle must stay under this many gzipped bytes (the build fails otherwise). */
const IIFE_GZIP_BYTES_MAX = 35_000;

/**
 * rrweb's prebuilt dist/rrweb.js carries two bundled copies of postcss, used only by the Replayer
 * (to adapt CSS for replay). Each copy is initialised by a statement like
 *   var import_postcss$1 = /* @__PURE__ *\/ __toESM$1((/* @__PURE__ *\/ __commonJSMin$1(((exports, module) => { … })))(), 1);
 * whose inner call `(…)()` is not marked pure, and is followed by bare reads such as
 * `import_postcss$1.default.stringify;` and `var postcss_default = import_postcss$1.default;`.
 * A bundler must keep all of that (a call or a property read may have effects), so postcss ends
 * up in the recorder bundle: about a third of its size. This plugin, for the SDK build only:
 * wraps each initialiser in an arrow function called with a pure mark, drops the bare reads, and
 * marks the alias pure. Values are unchanged; the code just becomes removable when unused, which
 * it is on the recording side. The build fails if the patterns stop matching (new rrweb version).
 */
const initialiserStartPattern = /^var (import_postcss(?:\$\d+)?) = \/\* @__PURE__ \*\/ __toESM/gm;
const initialiserEnd = "\n})))(), 1);\n";
const bareReadPattern = /^import_postcss(?:\$\d+)?\.default(?:\.[A-Za-z_$][\w$]*)?;$/gm;
const aliasPattern = /^var (postcss_default(?:\$\d+)?) = (import_postcss(?:\$\d+)?)\.default;$/gm;
const EXPECTED_INITIALISERS = 2;

function wrapPostcssInitialisers(source) {
  let rewritten = "";
  let copiedUpTo = 0;
  let wrapped = 0;
  for (const match of source.matchAll(initialiserStartPattern)) {
    const endIndex = source.indexOf(initialiserEnd, match.index);
    if (endIndex < 0) {
      break;
    }
    const initialiser = source.slice(match.index + `var ${match[1]} = `.length, endIndex + initialiserEnd.length - 2);
    rewritten += source.slice(copiedUpTo, match.index);
    rewritten += `var ${match[1]} = /* @__PURE__ */ (() => ${initialiser})();\n`;
    copiedUpTo = endIndex + initialiserEnd.length;
    wrapped += 1;
  }
  return { source: rewritten + source.slice(copiedUpTo), wrapped };
}

const rrwebPostcssPurityPlugin = {
  name: "rrweb-postcss-purity",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]rrweb[\\/]dist[\\/]rrweb\.js$/ }, async (args) => {
      const original = await readFile(args.path, "utf8");
      const { source, wrapped } = wrapPostcssInitialisers(original);
      if (wrapped !== EXPECTED_INITIALISERS) {
        return { errors: [{ text: `rrweb-postcss-purity wrapped ${wrapped} postcss initialisers, expected ${EXPECTED_INITIALISERS}` }] };
      }
      const contents = source
        .replace(bareReadPattern, "")
        .replace(aliasPattern, (_match, aliasName, importName) => `var ${aliasName} = /* @__PURE__ */ (() => ${importName}.default)();`);
      return { contents, loader: "js" };
    });
  },
};

const sharedOptions = {
  entryPoints: [entryPoint],
  bundle: true,
  minify: true,
  treeShaking: true,
  sourcemap: false,
  target: ["es2019"],
  legalComments: "none",
  logLevel: "warning",
  plugins: [rrwebPostcssPurityPlugin],
};

const bundles = [
  { outfile: join(packageDirectory, "dist", "reel.js"), format: "iife", globalName: "Reel" },
  { outfile: join(packageDirectory, "dist", "reel.esm.js"), format: "esm" },
];

rmSync(join(packageDirectory, "dist"), { recursive: true, force: true });
for (const bundle of bundles) {
  await build({ ...sharedOptions, ...bundle });
  const contents = readFileSync(bundle.outfile);
  const gzipByteLength = gzipSync(contents, { level: 9 }).byteLength;
  console.log(`${bundle.outfile}: ${contents.byteLength} bytes, ${gzipByteLength} bytes gzipped`);
  if (bundle.format === "iife" && gzipByteLength > IIFE_GZIP_BYTES_MAX) {
    console.error(`the IIFE bundle is over its budget of ${IIFE_GZIP_BYTES_MAX} gzipped bytes`);
    process.exit(1);
  }
}
