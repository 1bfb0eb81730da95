package io.conversations.adapter.http;

import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the static file handler finds the web SDK and page (the web module's {@code dist/} and {@code app/}, put
 * into the jar under {@code conversations-web/}). Served out of the jar, Jetty 12 opened a zip file system over
 * the whole jar (10,600 entries) for each of the two directories, once a class loader it asks (three) and again
 * for the preload's app: 19 file systems, a few hundred milliseconds of a start's CPU and 7 MB of heap kept for
 * good. So each app copies the 23 files (180 kB) out of the jar into a directory of its own in the system's
 * temporary directory, serves them from there and removes it when it stops ({@link #close}); the build's classes
 * directory (tests) is served as it is. Should the copy fail, the files are served out of the jar as before.
 */
final class WebFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebFiles.class);
    private static final String ROOT = "conversations-web";

    private final Location location;
    private final String root;
    private final Path copy;

    private WebFiles(Location location, String root, Path copy) {
        this.location = location;
        this.root = root;
        this.copy = copy;
    }

    Location location() {
        return location;
    }

    /** The directory of one of the two ({@code dist} or {@code app}) as the static file handler takes it. */
    String directory(String name) {
        return root + "/" + name;
    }

    /** Removes the copy, if one was made. */
    @Override
    public void close() {
        if (copy == null) {
            return;
        }
        try (var paths = Files.walk(copy)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("the copy of the web files in {} was not removed: {}", copy, e.toString());
        }
    }

    static WebFiles open() {
        WebFiles classpath = new WebFiles(Location.CLASSPATH, "/" + ROOT, null);
        URL url = WebFiles.class.getResource("/" + ROOT + "/dist/");
        if (url == null) {
            return classpath; // a build without the web files: Javalin says what is missing
        }
        try {
            if (url.getProtocol().equals("file")) {
                return new WebFiles(Location.EXTERNAL, Path.of(url.toURI()).getParent().toString(), null);
            }
            if (url.openConnection() instanceof JarURLConnection jarUrl) {
                Path copy = copyOut(Path.of(jarUrl.getJarFileURL().toURI()));
                return new WebFiles(Location.EXTERNAL, copy.toString(), copy);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warn("the web SDK and page are served out of the jar (slower to start): cannot copy them out ({})",
                    e.toString());
        }
        return classpath;
    }

    private static Path copyOut(Path jar) throws IOException {
        Path target = Files.createTempDirectory("conversations-web-");
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                if (!entry.getName().startsWith(ROOT + "/")) {
                    continue;
                }
                Path path = target.resolve(entry.getName().substring(ROOT.length() + 1)).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("an entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                }
            }
        }
        return target;
    }
}
