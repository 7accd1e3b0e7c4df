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
    void communication3_1_etagIsSha1HexAndMatchesQuotedWeakOrListed() {
        String etag = DocumentStore.etag("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(40, etag.length());
        assertTrue(DocumentStore.matches("\"" + etag + "\"", etag));
        assertTrue(DocumentStore.matches("W/\"" + etag + "\"", etag));
        assertTrue(DocumentStore.matches("\"other\", \"" + etag + "\"", etag));
        assertTrue(DocumentStore.matches("*", etag));
        assertFalse(DocumentStore.matches("\"other\"", etag));
    }

    @Test
    void communication2_2_mergeNeedsAJsonObject() {
        assertEquals(400, assertThrows(XapiException.class,
                () -> DocumentStore.jsonObject("[1]".getBytes(StandardCharsets.UTF_8), "doc")).status());
        assertEquals(400, assertThrows(XapiException.class,
                () -> DocumentStore.jsonObject("{\"a\":1}[".getBytes(StandardCharsets.UTF_8), "doc")).status());
    }
}
