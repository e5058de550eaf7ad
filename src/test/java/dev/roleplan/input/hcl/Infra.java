package dev.roleplan.input.hcl;

import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Notice;
import dev.roleplan.model.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the HCL reader tests ask of an Infrastructure: its resources by address, and its notices; and how they write
 * their trees.
 */
final class Infra {

    private Infra() {
    }

    static Resource resource(Infrastructure infrastructure, String address) {
        return infrastructure.resources().stream().filter(r -> r.address().text().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + addresses(infrastructure)));
    }

    static List<String> addresses(Infrastructure infrastructure) {
        return infrastructure.resources().stream().map(r -> r.address().text()).toList();
    }

    static List<String> notices(Infrastructure infrastructure) {
        return infrastructure.notices().stream().map(Notice::message).toList();
    }

    /** Writes a file of a test's tree, with its directories. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
