import { Module } from "@nestjs/common";
import { ProfileGateway } from "./profile.gateway";

@Module({ providers: [ProfileGateway] })
export class ProfileModule {}
