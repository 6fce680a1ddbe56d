import { Injectable } from "@nestjs/common";

@Injectable()
export class UploadService {
  private readonly parts = new Map<string, string[]>();

  async append(id: string, bytes: string): Promise<void> {
    const list = this.parts.get(id) ?? [];
    list.push(bytes);
    this.parts.set(id, list);
  }
}
