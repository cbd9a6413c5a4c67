package dev.v2l.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version and git commit, from the jar manifest and the git.properties written at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The abbreviated commit the jar was built from, with "-dirty" when the tree had changes; "unknown" otherwise. */
    public static String commit() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("git.properties")) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String id = p.getProperty("git.commit.id.abbrev", "");
        if (id.isEmpty()) {
            return "unknown";
        }
        return "true".equals(p.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"v2l " + version() + " (commit " + commit() + ", Java "
                + System.getProperty("java.version") + ")"};
    }
}
