package dev.roleplan.github;

import java.time.Duration;

/** Waits between retries; injected so tests observe the waits instead of serving them. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
