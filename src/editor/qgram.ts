/**
 * Sliding count of the character trigrams a file window shares with a block. An edit destroys at
 * most three trigrams, so a window within distance d of the block shares at least
 * total - 3d of them: windows below that are skipped without computing any distance.
 */
export class TrigramWindow {
  private readonly ids = new Map<string, number>();
  private readonly want: number[] = [];
  private readonly have: number[] = [];
  /** Trigrams of the block. */
  readonly total: number;
  /** Trigrams the current window shares with the block. */
  shared = 0;

  constructor(block: string[]) {
    let total = 0;
    for (const line of block) {
      for (const id of this.grams(line, true)) {
        this.want[id] = (this.want[id] ?? 0) + 1;
        total++;
      }
    }
    this.total = total;
  }

  private *grams(line: string, register: boolean): Generator<number> {
    for (let i = 0; i + 3 <= line.length; i++) {
      const g = line.slice(i, i + 3);
      let id = this.ids.get(g);
      if (id === undefined) {
        if (!register) continue;
        id = this.ids.size;
        this.ids.set(g, id);
      }
      yield id;
    }
  }

  /** A file line enters the window. */
  add(line: string): void {
    for (const id of this.grams(line, false)) {
      this.have[id] = (this.have[id] ?? 0) + 1;
      if (this.have[id] <= (this.want[id] ?? 0)) this.shared++;
    }
  }

  /** A file line leaves the window. */
  remove(line: string): void {
    for (const id of this.grams(line, false)) {
      if (this.have[id] <= (this.want[id] ?? 0)) this.shared--;
      this.have[id]--;
    }
  }
}
