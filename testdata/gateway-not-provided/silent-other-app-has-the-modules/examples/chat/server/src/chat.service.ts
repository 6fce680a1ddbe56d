import { Injectable } from "@nestjs/common";

@Injectable()
export class ChatService {
  private readonly rooms = new Map<string, string[]>();

  history(room: string): string[] {
    return this.rooms.get(room) ?? [];
  }
}
