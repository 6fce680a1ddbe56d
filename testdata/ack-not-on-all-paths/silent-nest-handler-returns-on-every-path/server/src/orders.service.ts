import { Injectable } from "@nestjs/common";

@Injectable()
export class OrdersService {
  private readonly open = new Set<string>();

  count(): number {
    return this.open.size;
  }

  has(id: string): boolean {
    return this.open.has(id);
  }

  cancel(id: string): void {
    this.open.delete(id);
  }

  async place(item: string): Promise<{ id: string; item: string }> {
    const id = `${item}-${this.open.size + 1}`;
    this.open.add(id);
    return { id, item };
  }
}
