// `npm start`: builds the web app when its sources are newer than the build, bundles the server
// when its sources are newer than the bundle, then runs the server (API + web app on one port).
// No separate compile step for the user: both builds happen here, only when something changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

// A folder's own time counts too: deleting or renaming a file changes only the folder.
function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function isStale(output, sources) {
  return !fs.existsSync(output) || Math.max(...sources.map(newestMtime)) > fs.statSync(output).mtimeMs;
}

const webSources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts')];
if (process.env.L2C_SKIP_WEB_BUILD !== '1' && isStale(builtIndex, webSources)) {
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
}

await import(pathToFileURL(await serverEntry()).href);

/**
 * The server and most of its dependencies as one ES module (server/dist/main.mjs): loading it
 * takes a fraction of the time tsx needs to transpile a few hundred files on every start.
 * Rebuilt when a source under server/src, package.json or the lockfile is newer; written to a
 * temporary file and renamed, so servers starting side by side never load a half-written bundle.
 * `L2C_SERVER_BUNDLE=off` (or a failed build) runs the sources through tsx as before.
 */
async function serverEntry() {
  const sources = path.join(root, 'server', 'src');
  const entry = path.join(sources, 'main.ts');
  const outDir = path.join(root, 'server', 'dist');
  const bundle = path.join(outDir, 'main.mjs');
  const useTsx = async () => {
    const { register } = await import('tsx/esm/api');
    register();
    return entry;
  };
  if (process.env.L2C_SERVER_BUNDLE === 'off') return useTsx();
  if (!isStale(bundle, [sources, path.join(root, 'package.json'), path.join(root, 'package-lock.json')])) return bundle;
  try {
    const esbuild = await import('esbuild');
    const temporary = `${bundle}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies are bundled too (resolving and reading a few hundred package files was a
      // second of every start), except those that load files beside themselves or native code.
      external: ['@electric-sql/pglite', '@node-rs/argon2', '@fastify/swagger-ui', 'exceljs', 'esbuild', 'tsx', 'vite', 'pg-native'],
      logLevel: 'warning',
      // Paths next to a source file (the migrations folder, the project root) stay right in the
      // bundle; bundled CommonJS packages get a `require` for Node's built-ins.
      banner: { js: "import { resolve as __l2cResolve } from 'node:path'; import { createRequire as __l2cRequire } from 'node:module'; const require = __l2cRequire(import.meta.url);" },
      plugins: [sourceDirnames(outDir)],
    });
    fs.renameSync(temporary, bundle);
    return bundle;
  } catch (err) {
    console.warn(`Could not bundle the server (${err instanceof Error ? err.message : err}); running its sources through tsx.`);
    return useTsx();
  }
}

/** Rewrites `import.meta.dirname` in each source to that source's folder, relative to the bundle. */
function sourceDirnames(outDir) {
  return {
    name: 'source-dirnames',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!text.includes('import.meta.dirname')) return { contents: text, loader: 'ts' };
        const relative = JSON.stringify(path.relative(outDir, path.dirname(args.path)));
        return { contents: text.replaceAll('import.meta.dirname', `__l2cResolve(import.meta.dirname, ${relative})`), loader: 'ts' };
      });
    },
  };
}
