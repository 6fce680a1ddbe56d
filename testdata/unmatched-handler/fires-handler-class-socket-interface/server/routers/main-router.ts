export class MainRouter {
    create(routes: string[], prefix: string): string[] {
        return routes.map((route) => prefix + route);
    }
}
