package dev.roleplan.github;

/**
 * One pull-request conversation comment, as far as the publisher needs it: REST id (for PATCH/DELETE),
 * GraphQL node id (for minimizing), the author's login and account type, the body and the browser URL.
 */
public record IssueComment(long id, String nodeId, String authorLogin, String authorType, String body, String htmlUrl) {}
