package dev.roleplan.input.hcl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far roleplan reads beyond the scanned directory: local module sources ({@code ../../modules/x}) and
 * {@code file()} may reach anywhere inside the repository that holds it (the nearest ancestor with a
 * {@code .git} entry), as Terraform would from a checkout; without a repository, only the scanned directory.
 * Nothing outside is read, so a configuration under review cannot make roleplan read the reviewer's files.
 */
record Boundary(Path dir, boolean repository, Path realDir) {

    /** {@code realDir} is resolved once here: every {@code file()} and module directory is compared with it. */
    Boundary(Path dir, boolean repository) {
        this(dir, repository, realPathOrNull(dir));
    }

    private static Path realPathOrNull(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return null; // resolved again on use, so the failure is reported where a file is read
        }
    }

    static Boundary of(Path scanned) {
        return of(scanned, Path.of(System.getProperty("user.home", "/")));
    }

    static Boundary of(Path scanned, Path userHome) {
        Path start = scanned.toAbsolutePath().normalize();
        Path home = userHome.toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                // a home directory kept in git (dotfiles) or a repository at / is not the project under review
                return p.equals(home) || p.getParent() == null ? new Boundary(start, false) : new Boundary(p, true);
            }
        }
        return new Boundary(start, false);
    }

    boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(dir);
    }

    /** For a path whose links are resolved: compared with the boundary's own real path. */
    boolean containsReal(Path real) throws IOException {
        return real.startsWith(realDir != null ? realDir : dir.toRealPath());
    }

    String description() {
        return repository ? "the repository" : "the scanned directory";
    }
}
