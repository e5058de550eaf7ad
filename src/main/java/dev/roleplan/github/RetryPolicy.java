package dev.roleplan.github;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on retrying a GitHub request: how many attempts in all, how long the waits may add up to, and the
 * exponential backoff used when GitHub does not say how long to wait. A wait GitHub asks for that would
 * exceed the remaining budget is not served: the request fails at once instead of hanging the job.
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalWait, Duration initialBackoff, Duration maxBackoff) {

  /** Five attempts and at most one minute of waiting: enough for a 502 or a short secondary rate limit. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(16));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /** The wait before attempt {@code attempt + 1} when GitHub gave no hint: 1 s, 2 s, 4 s, ... capped. */
  Duration backoffAfter(int attempt) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
