package dev.roleplan.model;

/** Which sensitive texts are worth masking: the one rule the readers and the report's redactor share. */
public final class SensitiveText {

    /** Shorter values (flags, small numbers) would mask ordinary words; no credential is that short. */
    private static final int MIN_LENGTH = 4;

    private SensitiveText() {
    }

    /** False for texts shorter than 4 characters and for true, false and null: masking them would hide words. */
    public static boolean worthRedacting(String text) {
        return text.length() >= MIN_LENGTH && !text.equals("true") && !text.equals("false") && !text.equals("null");
    }
}
