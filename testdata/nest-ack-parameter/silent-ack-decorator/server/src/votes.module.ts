import { Module } from "@nestjs/common";
import { VotesGateway } from "./votes.gateway";

@Module({ providers: [VotesGateway] })
export class VotesModule {}
