package se.digikomp.lms.course.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small reads of a parsed manifest, by local name (manifests mix namespaces and prefixes freely). */
final class Dom {

    private Dom() {
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(local(e))) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The first element at the end of a path of local names below {@code parent}. */
    static Optional<Element> path(Element parent, String... localNames) {
        Optional<Element> at = Optional.of(parent);
        for (String name : localNames) {
            at = at.flatMap(e -> child(e, name));
        }
        return at;
    }

    static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(Dom::text).filter(s -> !s.isEmpty());
    }

    static String text(Element e) {
        return e.getTextContent().strip().replaceAll("\\s+", " ");
    }

    static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** An attribute by local name, whatever its prefix; empty when absent or blank. */
    static Optional<String> attribute(Element e, String localName) {
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (name.equals(localName) && !a.getNodeValue().isBlank()) {
                return Optional.of(a.getNodeValue().strip());
            }
        }
        return Optional.empty();
    }

    /** Language strings (cmi5 {@code langstring}, LOM {@code string}/{@code langstring}) by their lang attribute. */
    static Map<String, String> langStrings(Element parent) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (local(e).equals("langstring") || local(e).equals("string"))) {
                String lang = attribute(e, "lang").orElse("");
                String value = text(e);
                if (!value.isEmpty()) {
                    strings.putIfAbsent(lang, value);
                }
            }
        }
        return strings;
    }
}
