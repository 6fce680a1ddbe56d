export class ApiRouter {
    create(routes: string[], prefix: string): string[] {
        return routes.map((route) => prefix + "/api" + route);
    }
}
