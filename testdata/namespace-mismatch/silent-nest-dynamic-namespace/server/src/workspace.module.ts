import { Module } from "@nestjs/common";
import { WorkspaceGateway } from "./workspace.gateway";

@Module({ providers: [WorkspaceGateway] })
export class WorkspaceModule {}
