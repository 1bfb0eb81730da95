import io.javalin.Javalin;

/**
 * The start the service's own is measured against (bench/startup.py): a bare Javalin app that answers one route,
 * from the service's jar (the same Javalin, Jetty and logging), compiled before it runs.
 */
public class BareJavalin {
    public static void main(String[] args) {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/health", ctx -> ctx.result("ok"));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
