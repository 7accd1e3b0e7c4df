package se.digikomp.lms.web.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a page is shown in: the person's own choice (stored on their account, or made with the language
 * switch before signing in), else the first language of the browser's {@code Accept-Language} that we have, else
 * Swedish.
 */
public final class Languages {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    /** Swedish first: it is the default when nothing else decides. */
    public static final List<Locale> SUPPORTED = List.of(SWEDISH, ENGLISH);

    private Languages() {
    }

    /** The supported language named by a tag such as {@code en} or {@code sv-SE}, if it is one of ours. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /**
     * @param chosen   the person's stored or session choice, if any (a language tag)
     * @param accepted the browser's languages in its order of preference (the servlet container has already
     *                 sorted {@code Accept-Language} by q-value)
     */
    public static Locale choose(Optional<String> chosen, List<Locale> accepted) {
        Optional<Locale> own = chosen.flatMap(Languages::supported);
        if (own.isPresent()) {
            return own.get();
        }
        for (Locale locale : accepted) {
            Optional<Locale> match = supported(locale.toLanguageTag());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return SWEDISH;
    }
}
