import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
// The inlang SDK leaves a handle open for about 30 s after compiling; nothing is left to wait for.
process.exit(0);
