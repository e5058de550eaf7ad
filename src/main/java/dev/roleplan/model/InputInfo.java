package dev.roleplan.model;

/** One input as the user gave it. {@code kind} is "plan" or "hcl"; versions are null when the input has none. */
public record InputInfo(String path, String kind, String terraformVersion, String formatVersion) {
}
