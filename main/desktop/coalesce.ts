/**
 * Runs a task once for a burst of requests: events that arrive together (a sign-in, a refresh,
 * a profile change) rebuild the tray menu once, after the current turn, not once per event.
 */

/** Schedules one run of `task` per burst; `schedule` defaults to the next macrotask. */
export function coalesce(
  task: () => void,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      task();
    });
  };
}
