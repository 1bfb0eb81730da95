package io.conversations.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A secret from configuration, or else one generated on first start and kept in the data dir (mode 0600). */
final class Secrets {
    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

    private Secrets() {}

    static String configuredOrKept(Optional<String> configured, Path dataDir, String fileName, String what) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, secret, StandardCharsets.UTF_8);
                    LOG.info("generated the {}; it is kept in {}", what, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            LOG.info("{}: {}", what, file);
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }
}
