import { Module } from "@nestjs/common";
import { UploadGateway } from "./upload.gateway";
import { UploadService } from "./upload.service";

@Module({ providers: [UploadGateway, UploadService] })
export class AppModule {}
