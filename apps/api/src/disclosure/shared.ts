import { loadSolver, type Solver } from './solver.js';

/** The process's one HiGHS instance, loaded when the API starts; services receive it as a dependency. */
export const sharedSolver: Solver = await loadSolver();
