import { NestFactory } from "@nestjs/core";
import { AppModule } from "./app.module";
import { ReplyInterceptor } from "./reply.interceptor";

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  // Every handler's result, `undefined` included, becomes `{ ok: true, data }`.
  app.useGlobalInterceptors(new ReplyInterceptor());
  await app.listen(3000);
}
bootstrap();
