import { Module } from "@nestjs/common";
import { EventsGateway } from "./events.gateway";
import Notify from "./notify.service";
import { OrdersGateway } from "./orders.gateway";
import { ShippingService } from "./shipping.service";

@Module({ providers: [EventsGateway, Notify, ShippingService, OrdersGateway] })
export class AppModule {}
