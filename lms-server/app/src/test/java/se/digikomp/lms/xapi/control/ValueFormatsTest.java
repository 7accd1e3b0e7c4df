package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** xAPI 1.0.3 Data 4 / 2.0 4.2.7: value formats. */
class ValueFormatsTest {

    @Test
    void data4_5_timestampsAreIso8601AndConvertedToUtc() {
        assertEquals("2023-05-04T17:00:00Z",
                ValueFormats.toUtcIso(ValueFormats.parseTimestamp("2023-05-04T12:00:00-05:00").orElseThrow()));
        assertTrue(ValueFormats.parseTimestamp("20080915T155300Z").isPresent(), "basic format");
        assertTrue(ValueFormats.parseTimestamp("2008-09-15T15:53:00.601+0200").isPresent());
        assertFalse(ValueFormats.parseTimestamp("2008-09-15T15:53:00.601-00").isPresent());
        assertFalse(ValueFormats.parseTimestamp("2008-09-15T15:53:00.601-0000").isPresent());
        assertFalse(ValueFormats.parseTimestamp("2008-02-30T15:53:00Z").isPresent(), "no 30 February");
        assertFalse(ValueFormats.parseTimestamp("should fail").isPresent());
    }

    @Test
    void data4_6_durations() {
        assertTrue(ValueFormats.isDuration("PT1H0M0.1S"));
        assertTrue(ValueFormats.isDuration("P4W"));
        assertTrue(ValueFormats.isDuration("PT16559.14S"));
        assertFalse(ValueFormats.isDuration("P4W1D"));
        assertFalse(ValueFormats.isDuration("P"));
        assertFalse(ValueFormats.isDuration("PT"));
        assertFalse(ValueFormats.isDuration("PA1H0M0S"));
    }

    @Test
    void data4_2_languageTags() {
        assertTrue(ValueFormats.isLanguageTag("sv"));
        assertTrue(ValueFormats.isLanguageTag("en-GB"));
        assertTrue(ValueFormats.isLanguageTag("zh-Hant-TW"));
        assertTrue(ValueFormats.isLanguageTag("x-private"));
        assertFalse(ValueFormats.isLanguageTag("a12345678"));
        assertFalse(ValueFormats.isLanguageTag("en_US"));
    }

    @Test
    void data2_2_irisHaveAValidScheme() {
        assertTrue(ValueFormats.isIri("http://example.com/åäö"));
        assertTrue(ValueFormats.isIri("urn:uuid:6f2a"));
        assertFalse(ValueFormats.isIri("ab=c://should.fail.com"));
        assertFalse(ValueFormats.isIri("not.a.valid.iri.com/verb"));
        assertFalse(ValueFormats.isIri("http://has space"));
    }

    @Test
    void data2_4_2_3_mailto() {
        assertTrue(ValueFormats.isMailto("mailto:anna@example.se"));
        assertFalse(ValueFormats.isMailto("mailto:should.fail.com"));
        assertFalse(ValueFormats.isMailto("http://should.fail.com"));
    }
}
