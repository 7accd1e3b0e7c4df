package se.digikomp.lms.course.entity;

/**
 * A DigComp competence a course is aligned to: its activity IRI ({@code https://digikomp.se/competences/<framework>/<id>}),
 * and the target level when the package gives one (null otherwise).
 */
public record Competence(String iri, String framework, String id, Integer level) {
}
