import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An XLSX file's shared strings kept on disk instead of in memory. Excel writes every
 * text cell as an index into one table (xl/sharedStrings.xml) that a reader must resolve
 * while it streams the worksheet; exceljs's own cache holds the whole table as JS
 * strings, so reading a 100k-row workbook took ~40 MB more than a 20k-row one
 * (docs/developers/benchmarks.md, "XLSX"). Here the text goes to a temporary file, each
 * string's place in it to a second file of fixed-width records, and a lookup reads both
 * through a few cached blocks (a worksheet uses its strings roughly in the order they were
 * written, so consecutive lookups read the same blocks); memory is the write buffer, the
 * blocks and a small cache of recent strings (region and type words repeat on every row),
 * whatever the file's size.
 */

const RECORD = 12; // offset (float64: past 4 GB) + byte length (uint32)
const FLUSH_AT = 64 * 1024;
const RECENT = 2048;

export class SpilledStrings {
  private readonly dir: string;
  private readonly textFd: number;
  private readonly indexFd: number;
  private textBytes = 0;
  private count = 0;
  private pendingText: Buffer[] = [];
  private pendingTextBytes = 0;
  private pendingIndex = Buffer.alloc(FLUSH_AT);
  private pendingIndexBytes = 0;
  private readonly recent = new Map<number, string>();
  private readonly indexBlocks: BlockReader;
  private readonly textBlocks: BlockReader;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-xlsx-strings-'));
    this.textFd = fs.openSync(path.join(this.dir, 'text'), 'w+');
    this.indexFd = fs.openSync(path.join(this.dir, 'index'), 'w+');
    this.indexBlocks = new BlockReader(this.indexFd);
    this.textBlocks = new BlockReader(this.textFd);
  }

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    if (this.pendingIndexBytes + RECORD > this.pendingIndex.length) this.flush();
    this.pendingIndex.writeDoubleLE(this.textBytes, this.pendingIndexBytes);
    this.pendingIndex.writeUInt32LE(bytes.length, this.pendingIndexBytes + 8);
    this.pendingIndexBytes += RECORD;
    this.pendingText.push(bytes);
    this.pendingTextBytes += bytes.length;
    this.textBytes += bytes.length;
    this.count += 1;
    if (this.pendingTextBytes >= FLUSH_AT) this.flush();
  }

  /** Everything added is readable after this. */
  flush(): void {
    if (this.pendingTextBytes > 0) fs.writeSync(this.textFd, Buffer.concat(this.pendingText, this.pendingTextBytes), 0, this.pendingTextBytes, this.textBytes - this.pendingTextBytes);
    if (this.pendingIndexBytes > 0) fs.writeSync(this.indexFd, this.pendingIndex, 0, this.pendingIndexBytes, (this.count * RECORD) - this.pendingIndexBytes);
    this.pendingText = [];
    this.pendingTextBytes = 0;
    this.pendingIndexBytes = 0;
    // A block read before these writes may end short of them.
    this.indexBlocks.clear();
    this.textBlocks.clear();
  }

  /** The string at `index` (0-based, in the order added); undefined past the end. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const hit = this.recent.get(index);
    if (hit !== undefined) {
      // Most recently used last: the first key is the one to drop.
      this.recent.delete(index);
      this.recent.set(index, hit);
      return hit;
    }
    if (this.pendingIndexBytes > 0 || this.pendingTextBytes > 0) this.flush();
    const record = this.indexBlocks.read(index * RECORD, RECORD);
    const offset = record.readDoubleLE(0);
    const length = record.readUInt32LE(8);
    const text = length === 0 ? '' : this.textBlocks.read(offset, length).toString('utf8');
    this.recent.set(index, text);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
    return text;
  }

  close(): void {
    fs.closeSync(this.textFd);
    fs.closeSync(this.indexFd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const BLOCK = 64 * 1024;
const BLOCKS = 8;

/** Reads a file (written before it is read) through a few cached 64 kB blocks. */
class BlockReader {
  private readonly blocks = new Map<number, Buffer>();

  constructor(private readonly fd: number) {}

  clear(): void {
    this.blocks.clear();
  }

  /** `length` bytes from `position`; the slice is valid until the next read. */
  read(position: number, length: number): Buffer {
    const first = Math.floor(position / BLOCK);
    const start = position - first * BLOCK;
    if (start + length > BLOCK) {
      // Across a block boundary (or longer than a block): read it on its own.
      const bytes = Buffer.allocUnsafe(length);
      fs.readSync(this.fd, bytes, 0, length, position);
      return bytes;
    }
    let block = this.blocks.get(first);
    if (block) {
      this.blocks.delete(first);
    } else {
      block = this.blocks.size >= BLOCKS ? this.blocks.get(this.blocks.keys().next().value!)! : Buffer.allocUnsafe(BLOCK);
      if (this.blocks.size >= BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
      fs.readSync(this.fd, block, 0, BLOCK, first * BLOCK);
    }
    this.blocks.set(first, block);
    return block.subarray(start, start + length);
  }
}
