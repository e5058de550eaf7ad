package dev.roleplan.github;

/**
 * Where the publisher reports what happened besides its result. A failure to comment is never an error of
 * the run (the gate decides the exit code), so it arrives here as a warning; the fork fallback and skipped
 * comments arrive as notices.
 */
public interface Output {

  void notice(String message);

  void warning(String message);
}
