/** The one set of Paraglide compiler options, shared by the Vite plugin and the `paraglide` script. */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  // A shared link shows the same language: the URL decides, never a cookie.
  strategy: ['url', 'baseLocale'],
  isServer: 'import.meta.env.SSR',
  emitReadme: false,
};
