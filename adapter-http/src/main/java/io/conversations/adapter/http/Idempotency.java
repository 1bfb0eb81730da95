package io.conversations.adapter.http;

import io.conversations.application.port.in.IdempotentWrites;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a write: the handler runs inside the key's transaction, its answer is stored with
 * the change, and a repeat of the request gets that answer again ({@code Idempotency-Replayed: true}) without
 * running. The key is the caller's own (a user's keys are not another's); a request is the same when its
 * method, path and body are.
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private final IdempotentWrites writes;
    private final Exchange exchange;

    Idempotency(IdempotentWrites writes, Exchange exchange) {
        this.writes = writes;
        this.exchange = exchange;
    }

    /** Runs {@code handler} for {@code scope} (the caller), once per key when the request names one. */
    void handle(Context ctx, String scope, Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null || ctx.method().name().equals("GET")) {
            handler.handle(ctx);
            return;
        }
        if (!SENSIBLE.matcher(key).matches()) {
            exchange.error(ctx, Problem.MALFORMED, HEADER + " must be 1..64 of A-Z a-z 0-9 . _ : -");
            return;
        }
        var outcome = writes.run(scope, key, fingerprint(ctx), () -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            byte[] body = resultBytes(ctx);
            return new IdempotentWrites.Answer(ctx.statusCode(), body, false);
        });
        if (outcome instanceof Outcome.Done<IdempotentWrites.Answer> done) {
            if (done.value().replayed()) {
                ctx.status(done.value().status()).header("Idempotency-Replayed", "true");
                if (done.value().body().length > 0) {
                    ctx.contentType(Exchange.JSON).result(done.value().body());
                }
            }
        } else {
            exchange.error(ctx, ((Outcome.Rejected<IdempotentWrites.Answer>) outcome)
                    .rejection());
        }
    }

    private static byte[] resultBytes(Context ctx) {
        InputStream result = ctx.resultInputStream();
        if (result == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = result.readAllBytes();
            ctx.result(bytes); // read once: put back for the answer
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Exchange.bodyBytes(ctx));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
