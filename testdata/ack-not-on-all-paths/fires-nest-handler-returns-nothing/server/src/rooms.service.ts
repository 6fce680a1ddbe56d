import { Injectable } from "@nestjs/common";

@Injectable()
export class RoomsService {
  private readonly sizes = new Map<string, number>();

  isFull(roomId: string): boolean {
    return (this.sizes.get(roomId) ?? 0) >= 10;
  }

  members(roomId: string): number {
    return this.sizes.get(roomId) ?? 0;
  }
}
