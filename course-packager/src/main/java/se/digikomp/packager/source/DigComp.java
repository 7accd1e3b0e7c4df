package se.digikomp.packager.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The competences of DigComp 2.2 (JRC, 2022): 5 areas, 21 competences, 8 proficiency levels.
 * Names as published in English; Swedish names follow the Swedish DigComp translation.
 */
public final class DigComp {
    public static final String FRAMEWORK_2_2 = "digcomp-2.2";
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 8;

    private static final Map<String, String[]> COMPETENCES = new LinkedHashMap<>();

    static {
        add("1.1", "Browsing, searching and filtering data, information and digital content",
                "Söka, filtrera och bläddra i data, information och digitalt innehåll");
        add("1.2", "Evaluating data, information and digital content",
                "Utvärdera data, information och digitalt innehåll");
        add("1.3", "Managing data, information and digital content",
                "Hantera data, information och digitalt innehåll");
        add("2.1", "Interacting through digital technologies", "Interagera med hjälp av digital teknik");
        add("2.2", "Sharing through digital technologies", "Dela med hjälp av digital teknik");
        add("2.3", "Engaging in citizenship through digital technologies",
                "Delta i samhället med hjälp av digital teknik");
        add("2.4", "Collaborating through digital technologies", "Samarbeta med hjälp av digital teknik");
        add("2.5", "Netiquette", "Nätetikett");
        add("2.6", "Managing digital identity", "Hantera digital identitet");
        add("3.1", "Developing digital content", "Utveckla digitalt innehåll");
        add("3.2", "Integrating and re-elaborating digital content",
                "Integrera och bearbeta digitalt innehåll");
        add("3.3", "Copyright and licences", "Upphovsrätt och licenser");
        add("3.4", "Programming", "Programmering");
        add("4.1", "Protecting devices", "Skydda enheter");
        add("4.2", "Protecting personal data and privacy", "Skydda personuppgifter och den personliga integriteten");
        add("4.3", "Protecting health and well-being", "Skydda hälsa och välbefinnande");
        add("4.4", "Protecting the environment", "Skydda miljön");
        add("5.1", "Solving technical problems", "Lösa tekniska problem");
        add("5.2", "Identifying needs and technological responses", "Identifiera behov och tekniska lösningar");
        add("5.3", "Creatively using digital technologies", "Använda digital teknik kreativt");
        add("5.4", "Identifying digital competence gaps", "Identifiera luckor i den digitala kompetensen");
    }

    private DigComp() {
    }

    private static void add(String id, String en, String sv) {
        COMPETENCES.put(id, new String[] {en, sv});
    }

    public static boolean isFramework(String framework) {
        return FRAMEWORK_2_2.equals(framework);
    }

    public static boolean isCompetence(String id) {
        return COMPETENCES.containsKey(id);
    }

    /** The competence's name in the language (Swedish for {@code sv}, English otherwise). */
    public static Optional<String> name(String id, String language) {
        String[] names = COMPETENCES.get(id);
        if (names == null) {
            return Optional.empty();
        }
        return Optional.of(language.startsWith("sv") ? names[1] : names[0]);
    }
}
