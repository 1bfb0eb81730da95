package io.conversations.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * First pages kept compressed: JSON lists shrink about nine times, so the kept pages' memory holds that many more
 * pages (or takes that much less heap), a client that accepts gzip (every browser, the SDK) gets the kept bytes
 * as they are instead of Javalin compressing the same page again for each request, and any other client gets
 * them inflated (about 15 µs for a page of 12 KB).
 */
final class Gzip {
    /** Java's gzip writer: a 10-byte header without names or extra fields, then raw deflate, then CRC and size. */
    private static final int HEADER = 10;
    private static final int TRAILER = 8;

    private Gzip() {
    }

    static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e); // a ByteArrayOutputStream does not
        }
        return out.toByteArray();
    }

    /** The bytes {@link #compress} was given (only for what it made: the trailer gives the size). */
    static byte[] decompress(byte[] gzipped) {
        int n = gzipped.length;
        int size = (gzipped[n - 4] & 0xff) | (gzipped[n - 3] & 0xff) << 8 | (gzipped[n - 2] & 0xff) << 16
                | (gzipped[n - 1] & 0xff) << 24;
        byte[] plain = new byte[size];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzipped, HEADER, n - HEADER - TRAILER);
            int read = 0;
            while (read < size && !inflater.finished()) {
                int got = inflater.inflate(plain, read, size - read);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += got;
            }
            if (read != size) {
                throw new IllegalStateException("a kept page inflated to " + read + " bytes, not " + size);
            }
            return plain;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept page is not the deflate stream it was kept as", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Whether an {@code Accept-Encoding} header takes gzip: {@code gzip} or {@code *} listed without a weight of 0
     * (RFC 9110, 12.5.3). No header means no encoding.
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean gzip = false;
        boolean any = false;
        boolean gzipNamed = false;
        for (String part : acceptEncoding.split(",")) {
            String[] params = part.split(";");
            String coding = params[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < params.length; i++) {
                String param = params[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    refused = param.substring(2).trim().matches("0(\\.0{0,3})?");
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzipNamed = true;
                gzip = !refused;
            } else if (coding.equals("*")) {
                any = !refused;
            }
        }
        return gzipNamed ? gzip : any;
    }
}
