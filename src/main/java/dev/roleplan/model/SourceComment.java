package dev.roleplan.model;

/** A comment in the user's configuration that carries a roleplan directive ({@code # roleplan:ignore ...}). */
public record SourceComment(String text, SourceLocation location) {
}
