package se.digikomp.packager.source;

import java.util.Map;
import java.util.Optional;

/** The terms of {@code <lang>/glossary.md}: id to term and definition, in file order. */
public record Glossary(String title, Map<String, Term> terms) {

    public record Term(String id, String term, String definitionHtml, String definitionText) {
    }

    public static Glossary empty() {
        return new Glossary("", Map.of());
    }

    public Optional<Term> term(String id) {
        return Optional.ofNullable(terms.get(id));
    }
}
