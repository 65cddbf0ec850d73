package org.tomprotocol.archtests.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Identifiers read as words: {@code isBanned} is "is banned", {@code BLOCK_LIST_SIZE} is "block list size". */
public final class Identifiers {
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern NON_LETTERS = Pattern.compile("[^A-Za-z]+");

    private Identifiers() {
    }

    /** The lower-case words of an identifier, split at case changes, digits, underscores and {@code $}. */
    public static List<String> words(String identifier) {
        String split = ACRONYM_THEN_WORD.matcher(LOWER_THEN_UPPER.matcher(identifier).replaceAll(" "))
                .replaceAll(" ");
        return Arrays.stream(NON_LETTERS.split(split))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Whether {@code pattern} matches the identifier's words joined by single spaces. */
    public static boolean wordsMatch(String identifier, Pattern pattern) {
        return pattern.matcher(String.join(" ", words(identifier))).find();
    }
}
