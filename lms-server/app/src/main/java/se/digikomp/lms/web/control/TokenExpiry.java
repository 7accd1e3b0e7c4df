package se.digikomp.lms.web.control;

import java.time.LocalDate;
import java.util.Optional;

/** The expiry a person may give a new API token: a day from tomorrow up to {@link #MAX_DAYS} ahead. */
public final class TokenExpiry {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;

    private TokenExpiry() {
    }

    /** The message key of what is wrong with the date, if anything (the token is valid through that day). */
    public static Optional<String> problem(LocalDate expires, LocalDate today) {
        if (expires == null) {
            return Optional.of("profile.tokens.expires.missing");
        }
        if (!expires.isAfter(today)) {
            return Optional.of("profile.tokens.expires.past");
        }
        if (expires.isAfter(today.plusDays(MAX_DAYS))) {
            return Optional.of("profile.tokens.expires.too-far");
        }
        return Optional.empty();
    }
}
