import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's ceiling: Javalin, configured like the service, answering every GET with the same
 * precomputed bytes as a real first page (case 1). What the machine can do for an HTTP answer of that
 * size with no work behind it; the read cases are reported as a ratio to it.
 * Run: java -Xmx512m -cp bootstrap/target/conversations.jar bench/Ceiling.java PORT BODY_FILE
 */
public class Ceiling {
    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/*", ctx -> ctx.status(200).contentType("application/json; charset=utf-8").result(body));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
