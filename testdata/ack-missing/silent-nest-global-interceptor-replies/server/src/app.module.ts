import { Module } from "@nestjs/common";
import { LightsGateway } from "./lights.gateway";

@Module({ providers: [LightsGateway] })
export class AppModule {}
