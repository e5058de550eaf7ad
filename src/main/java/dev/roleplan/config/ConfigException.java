package dev.roleplan.config;

/** The configuration (or baseline) file is wrong; the message says which file, where, and what (exit 2). */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
