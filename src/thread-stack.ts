// The stack every worker thread of boardroom is given (render workers, the finishing thread, the
// chart step's raster thread), in one place: a report or a chart must fail or succeed the same
// whichever thread has it.

/**
 * A worker thread's stack (MB) that gives its JavaScript the main thread's stack: V8's default
 * limit of 984 KiB, plus the 192 KiB node keeps back in a worker. A worker's default is 4 MB,
 * so a template nested a few thousand deep rendered on a worker where it overflows the main
 * thread's stack.
 */
export const MAIN_THREAD_STACK_MB = (984 + 192) / 1024;
