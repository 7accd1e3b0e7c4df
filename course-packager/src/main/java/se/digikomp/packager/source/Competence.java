package se.digikomp.packager.source;

/** A DigComp competence the course builds, with its target proficiency level (1-8). */
public record Competence(String framework, String id, int level) {

    /** The competence's activity IRI, used in xAPI context and cmi5 objectives. */
    public String iri() {
        return "https://digikomp.se/competences/" + framework + "/" + id;
    }
}
