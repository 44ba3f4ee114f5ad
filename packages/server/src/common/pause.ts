/**
 * A sleep that `wake()` cuts short: background loops (job worker, search sync, the
 * database supervisor) pause between rounds, and stopping one must not wait out its pause.
 */
export class Pause {
  #wake: (() => void) | undefined;

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    this.#wake?.();
  }
}
