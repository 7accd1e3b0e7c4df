package se.digikomp.lms.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static List<Locale> accepted(String... tags) {
        return java.util.Arrays.stream(tags).map(Locale::forLanguageTag).toList();
    }

    @Test
    void thePersonsOwnChoiceWinsOverTheBrowser() {
        assertEquals(Languages.ENGLISH, Languages.choose(Optional.of("en"), accepted("sv-SE")));
        assertEquals(Languages.SWEDISH, Languages.choose(Optional.of("sv"), accepted("en-GB")));
    }

    @Test
    void otherwiseTheBrowsersFirstLanguageThatWeHave() {
        assertEquals(Languages.ENGLISH, Languages.choose(Optional.empty(), accepted("de-DE", "en-US", "sv")));
        assertEquals(Languages.SWEDISH, Languages.choose(Optional.empty(), accepted("sv-FI", "en")));
    }

    @Test
    void swedishWhenNothingElseDecides() {
        assertEquals(Languages.SWEDISH, Languages.choose(Optional.empty(), List.of()));
        assertEquals(Languages.SWEDISH, Languages.choose(Optional.empty(), accepted("fi", "de")));
        assertEquals(Languages.SWEDISH, Languages.choose(Optional.of("klingon"), List.of()));
    }

    @Test
    void aStoredChoiceWeDoNotOfferIsIgnored() {
        assertEquals(Languages.ENGLISH, Languages.choose(Optional.of("fr"), accepted("en")));
        assertTrue(Languages.supported(" ").isEmpty());
        assertTrue(Languages.supported(null).isEmpty());
        assertEquals(Optional.of(Languages.SWEDISH), Languages.supported("sv-SE"));
    }
}
