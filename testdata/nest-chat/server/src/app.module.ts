import { Module } from "@nestjs/common";
import { AdminGateway } from "./admin/admin.gateway";
import { ChatGateway } from "./chat/chat.gateway";
import { ChatService } from "./chat/chat.service";

@Module({ providers: [ChatGateway, AdminGateway, ChatService] })
export class AppModule {}
