import { spawn, type ChildProcess } from 'node:child_process';

// How `npm test` runs its phases (scripts/test.ts says which). A phase is an npm script, so that
// each also runs on its own. A stage is one or more lanes run side by side, each lane its phases
// one after another; stages run in turn. A phase that runs alone prints as it goes; phases that
// share a stage print their whole output when they end, under their name, so that two outputs
// never interleave. The first phase to fail stops the others, no further phase starts, and the
// run fails with that phase named.

/** A phase: an npm script and its arguments, e.g. `test:unit -- __tests__/unit`. */
type Phase = string;
/** Phases run one after another. */
type Lane = readonly Phase[];
/** Lanes run side by side. */
export type Stage = readonly Lane[];

type Status = 'passed' | 'FAILED' | 'stopped' | 'not run';

interface Outcome {
  readonly phase: Phase;
  readonly status: Status;
  readonly ms: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`.padStart(8);
const scriptOf = (phase: Phase): string => phase.split(' ')[0] ?? phase;

/** Runs the stages in `root`; prints each phase's time and the total; true if all passed. */
export const runStages = async (root: string, stages: readonly Stage[]): Promise<boolean> => {
  // The children running now, each the leader of its own process group.
  const running = new Set<ChildProcess>();
  // Written by callbacks, so an object: the compiler does not narrow its fields to their start.
  const state = { stopping: false, interrupted: false };

  /** Stops every running phase with all it started (Jest's workers, servers, browsers). */
  const stopAll = (signal: NodeJS.Signals = 'SIGTERM'): void => {
    state.stopping = true;
    for (const child of running) {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group has already gone.
      }
    }
  };

  // Each phase is a process group of its own, so that stopping it stops everything it started;
  // a terminal's Ctrl-C, sent to this process's group only, is passed on here (a second one
  // kills what the first did not stop).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll(state.interrupted ? 'SIGKILL' : 'SIGTERM');
      state.interrupted = true;
    });
  }

  const runPhase = (phase: Phase, live: boolean): Promise<Outcome> => {
    const began = performance.now();
    const [script = '', ...extra] = phase.split(' ');
    const child = spawn('npm', ['run', script, ...extra], {
      cwd: root,
      detached: true,
      stdio: ['ignore', live ? 'inherit' : 'pipe', live ? 'inherit' : 'pipe'],
    });
    running.add(child);
    // stdout and stderr in one buffer, in the order they came.
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    return new Promise((resolve) => {
      const settle = (code: number | null): void => {
        running.delete(child);
        const status: Status = code === 0 ? 'passed' : state.stopping ? 'stopped' : 'FAILED';
        const ms = performance.now() - began;
        if (!live && status !== 'stopped') {
          console.log(`\n── ${scriptOf(phase)}: ${status} in ${seconds(ms).trim()} ──`);
          process.stdout.write(Buffer.concat(chunks));
        }
        if (status === 'FAILED') stopAll();
        resolve({ phase, status, ms });
      };
      child.on('error', (error) => {
        chunks.push(Buffer.from(`npm test: could not start npm: ${error.message}\n`));
        settle(null);
      });
      child.on('close', settle);
    });
  };

  const runLane = async (lane: Lane, live: boolean): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    for (const phase of lane) {
      outcomes.push(
        state.stopping ? { phase, status: 'not run', ms: 0 } : await runPhase(phase, live),
      );
    }
    return outcomes;
  };

  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (const stage of stages) {
    const live = stage.length === 1;
    if (!live && !state.stopping) {
      const lanes = stage.map((lane) => lane.map(scriptOf).join(', then ')).join('  |  ');
      console.log(`\nside by side: ${lanes}\n(each phase's output follows when it ends)`);
    }
    const lanes = await Promise.all(stage.map((lane) => runLane(lane, live)));
    outcomes.push(...lanes.flat());
  }

  console.log('\nnpm test phases:');
  for (const { phase, status, ms } of outcomes) {
    const note = status === 'passed' ? '' : `  ${status}`;
    console.log(
      `${scriptOf(phase).padEnd(16)}${status === 'not run' ? ''.padStart(8) : seconds(ms)}${note}`,
    );
  }
  console.log(`${'total'.padEnd(16)}${seconds(performance.now() - started)}`);
  const failed = outcomes.filter(({ status }) => status === 'FAILED').map(({ phase }) => phase);
  if (failed.length > 0) console.log(`npm test failed in ${failed.map(scriptOf).join(', ')}`);
  if (state.interrupted) console.log('npm test was interrupted');
  return failed.length === 0 && !state.interrupted;
};
