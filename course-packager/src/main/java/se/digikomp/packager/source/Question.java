package se.digikomp.packager.source;

import java.util.List;

/**
 * A question of a lesson. {@code options} are the choices (single, multiple, truefalse), the items in their
 * correct order (order), the prompts (match) or the accepted answers (text). For match, {@code targets} holds the
 * right answer of each prompt, index by index. Option ids ({@code a1}, {@code a2}, ...) are the short identifiers
 * used in SCORM interactions and xAPI responses. The overall feedback ({@code [!CORRECT]} / {@code [!INCORRECT]}) is
 * empty when the author gave none.
 */
public record Question(
        String id,
        Type type,
        int points,
        boolean graded,
        String titleHtml,
        String titleText,
        int line,
        List<Option> options,
        List<String> targets,
        String correctFeedbackHtml,
        String incorrectFeedbackHtml) {

    public enum Type {
        SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse"), TEXT("text"), ORDER("order"), MATCH("match");

        public final String word;

        Type(String word) {
            this.word = word;
        }

        public static Type of(String word) {
            for (Type t : values()) {
                if (t.word.equals(word)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** An answer option: its id, its HTML and plain text, whether it is marked right, its own feedback, its line. */
    public record Option(String id, String html, String text, boolean correct, String feedbackHtml, int line) {
    }

    /** The distinct answers of a match question, in source order; their ids are t1, t2, ... */
    public List<String> distinctTargets() {
        return new java.util.ArrayList<>(new java.util.LinkedHashSet<>(targets));
    }

    /** For a match question, the target id ({@code t1}, ...) of each prompt's right answer. */
    public List<String> targetIds() {
        List<String> distinct = distinctTargets();
        return targets.stream().map(t -> "t" + (distinct.indexOf(t) + 1)).toList();
    }

    public List<String> correctIds() {
        return options.stream().filter(Option::correct).map(Option::id).toList();
    }
}
