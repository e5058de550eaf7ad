package dev.roleplan.github;

import java.util.regex.Pattern;

/** The pull request to comment on: {@code owner/name} and its number. */
public record PullRequestRef(String repository, int number) {

  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");

  public PullRequestRef {
    if (repository == null || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("the repository must look like owner/name");
    }
    if (number < 1) {
      throw new IllegalArgumentException("the pull request number must be positive, was " + number);
    }
  }

  static boolean isRepository(String text) {
    return text != null && REPOSITORY.matcher(text).matches();
  }

  @Override
  public String toString() {
    return repository + "#" + number;
  }
}
