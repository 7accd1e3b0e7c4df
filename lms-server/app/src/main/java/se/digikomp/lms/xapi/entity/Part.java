package se.digikomp.lms.xapi.entity;

import java.util.Map;

/** One part of a multipart/mixed body: its headers (names in lower case) and its raw content. */
public record Part(Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
