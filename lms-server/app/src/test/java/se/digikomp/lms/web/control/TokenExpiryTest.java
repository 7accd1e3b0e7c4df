package se.digikomp.lms.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aTokenIsValidFromTomorrowUpToAYearAhead() {
        assertTrue(TokenExpiry.problem(TODAY.plusDays(1), TODAY).isEmpty());
        assertTrue(TokenExpiry.problem(TODAY.plusDays(TokenExpiry.MAX_DAYS), TODAY).isEmpty());
    }

    @Test
    void todayThePastAndTooFarAheadAreRefused() {
        assertEquals(Optional.of("profile.tokens.expires.past"), TokenExpiry.problem(TODAY, TODAY));
        assertEquals(Optional.of("profile.tokens.expires.past"), TokenExpiry.problem(TODAY.minusDays(3), TODAY));
        assertEquals(Optional.of("profile.tokens.expires.too-far"),
                TokenExpiry.problem(TODAY.plusDays(TokenExpiry.MAX_DAYS + 1), TODAY));
        assertEquals(Optional.of("profile.tokens.expires.missing"), TokenExpiry.problem(null, TODAY));
    }
}
