package dev.roleplan.model;

/** Something the reader or resolver wants the user to know that is not a rule finding (e.g. a skipped wrapper line). */
public record Notice(Level level, String source, String message) {

    public enum Level { WARNING, INFO }

    public static Notice warning(String source, String message) {
        return new Notice(Level.WARNING, source, message);
    }

    public static Notice info(String source, String message) {
        return new Notice(Level.INFO, source, message);
    }
}
