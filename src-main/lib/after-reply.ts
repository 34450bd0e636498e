import type { AfterReply } from '../ports';

/**
 * Bookkeeping that must not delay a reply (History, "Last used", the rate-limit tracker): it runs
 * once the reply has gone and the next request, if one was sent at once, is on the wire.
 *
 * Why two hops of setImmediate: undici writes a newly queued request from a setImmediate of its
 * own. A task queued with one hop would run first and hold that write back; one hop later it runs
 * while the server works on the next request instead of before it.
 *
 * Readers of what the tasks update (History, the key list, rate-limit budgets) call `drain()`
 * first, so they always see every exchange that has replied.
 */

export function afterReplyQueue(onError: (error: unknown) => void): AfterReply {
  let tasks: Array<() => void> = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const due = tasks;
    tasks = [];
    for (const task of due) {
      try {
        task();
      } catch (error) {
        // A failed bookkeeping step (a metadata write, say) must not stop the others.
        onError(error);
      }
    }
  };
  return {
    run(task) {
      tasks.push(task);
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => setImmediate(drain));
    },
    drain,
  };
}

/** For services used without a queue (tests, tools): the task runs at once. */
export const RUN_NOW: AfterReply = { run: (task) => task(), drain: () => undefined };
