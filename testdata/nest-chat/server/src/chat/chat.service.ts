import { Injectable } from "@nestjs/common";

export interface ChatMessage {
  id: number;
  author: string;
  text: string;
}

@Injectable()
export class ChatService {
  private readonly messages: ChatMessage[] = [];

  async save(author: string, text: string): Promise<ChatMessage> {
    const message = { id: this.messages.length + 1, author, text };
    this.messages.push(message);
    return message;
  }

  recent(count: number): ChatMessage[] {
    return this.messages.slice(-count);
  }

  remove(id: number): boolean {
    const index = this.messages.findIndex((m) => m.id === id);
    if (index < 0) {
      return false;
    }
    this.messages.splice(index, 1);
    return true;
  }
}
