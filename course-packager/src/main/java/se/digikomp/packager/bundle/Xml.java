package se.digikomp.packager.bundle;

import java.nio.charset.StandardCharsets;

/** A small indenting XML writer: what the manifests need, deterministic output, nothing more. */
public final class Xml {
    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private int depth;

    /** Opens an element; attributes are name, value pairs (a null value is left out). */
    public Xml open(String name, String... attributes) {
        indent();
        sb.append('<').append(name);
        attributes(attributes);
        sb.append(">\n");
        depth++;
        return this;
    }

    public Xml close(String name) {
        depth--;
        indent();
        sb.append("</").append(name).append(">\n");
        return this;
    }

    /** An element with text content (escaped), or empty when text is null. */
    public Xml leaf(String name, String text, String... attributes) {
        indent();
        sb.append('<').append(name);
        attributes(attributes);
        if (text == null) {
            sb.append("/>\n");
        } else {
            sb.append('>').append(escape(text)).append("</").append(name).append(">\n");
        }
        return this;
    }

    private void attributes(String[] attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private void indent() {
        sb.append("  ".repeat(Math.max(depth, 0)));
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
