package io.conversations.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and the commit this jar was built from (build.properties, written by the build from Git). */
record BuildInfo(String version, String commit, boolean modified) {

    static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // a jar without it says "unknown", below
        }
        return new BuildInfo(properties.getProperty("git.build.version", "unknown"),
                properties.getProperty("git.commit.id.abbrev", "unknown"),
                Boolean.parseBoolean(properties.getProperty("git.dirty", "false")));
    }

    /** "0.1.0 (commit 1a2b3c4)", with ", with uncommitted changes" when it was built from a changed checkout. */
    String describe() {
        return version + " (commit " + commit + (modified ? ", with uncommitted changes" : "") + ")";
    }
}
