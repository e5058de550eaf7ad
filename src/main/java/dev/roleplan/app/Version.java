package dev.roleplan.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, from the properties Maven writes at build time. */
public final class Version {

    private Version() {
    }

    public static String tool() {
        Properties p = load("/roleplan-version.properties");
        String v = p.getProperty("version");
        return v == null || v.startsWith("${") ? "dev" : v;
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable version file only loses the version string.
        }
        return p;
    }
}
