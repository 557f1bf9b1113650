/** UUIDs kept as 16 bytes each instead of 36-character strings: the generator remembers millions at scale 10. */
export class IdList {
  private readonly bytes: Buffer;

  constructor(readonly length: number) {
    this.bytes = Buffer.alloc(length * 16);
  }

  /** Stores the id at `i` and returns it. */
  set(i: number, id: string): string {
    this.bytes.write(id.replaceAll('-', ''), i * 16, 16, 'hex');
    return id;
  }

  get(i: number): string {
    const hex = this.bytes.toString('hex', i * 16, i * 16 + 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
