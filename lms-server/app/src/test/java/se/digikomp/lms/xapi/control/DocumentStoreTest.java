package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The database-free rules of the document resources, xAPI 1.0.3 Communication 2.2 and 3.1. */
class DocumentStoreTest {

    @Test
    void communication3_1_etagIsSha1HexAndMatchesQuotedOrListed() {
        String etag = DocumentStore.etag("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(40, etag.length());
        assertTrue(DocumentStore.matches("\"" + etag + "\"", etag));
        assertTrue(DocumentStore.matches("\"other\", \"" + etag + "\"", etag));
        assertTrue(DocumentStore.matches("*", etag));
        assertFalse(DocumentStore.matches("\"other\"", etag));
    }

    @Test
    void rfc9110_13_1_1_ifMatchComparesStronglySoAWeakTagNeverMatches() {
        String etag = DocumentStore.etag("{}".getBytes(StandardCharsets.UTF_8));
        assertFalse(DocumentStore.matches("W/\"" + etag + "\"", etag));
        assertFalse(DocumentStore.matches("\"" + etag.toUpperCase(java.util.Locale.ROOT) + "\"", etag));
        assertTrue(DocumentStore.matches("W/\"" + etag + "\", \"" + etag + "\"", etag));
    }

    @Test
    void rfc9110_13_1_2_ifNoneMatchComparesWeakly() {
        String etag = DocumentStore.etag("{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(DocumentStore.matchesWeakly("W/\"" + etag + "\"", etag));
        assertTrue(DocumentStore.matchesWeakly("\"" + etag + "\"", etag));
        assertTrue(DocumentStore.matchesWeakly("*", etag));
        assertFalse(DocumentStore.matchesWeakly("W/\"other\"", etag));
    }

    @Test
    void communication2_2_mergeNeedsAJsonObject() {
        assertEquals(400, assertThrows(XapiException.class,
                () -> DocumentStore.jsonObject("[1]".getBytes(StandardCharsets.UTF_8), "doc")).status());
        assertEquals(400, assertThrows(XapiException.class,
                () -> DocumentStore.jsonObject("{\"a\":1}[".getBytes(StandardCharsets.UTF_8), "doc")).status());
    }
}
