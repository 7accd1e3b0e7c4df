package se.digikomp.packager.source;

import java.util.LinkedHashMap;
import java.util.Map;

/** The player's interface strings, Swedish first, English second (the fallback for any other language). */
public final class UiText {
    private static final Map<String, String> SV = new LinkedHashMap<>();
    private static final Map<String, String> EN = new LinkedHashMap<>();

    static {
        both("skip", "Hoppa till innehållet", "Skip to content");
        both("lessons", "Lektioner", "Lessons");
        both("previous", "Föregående", "Previous");
        both("next", "Nästa", "Next");
        both("check", "Kontrollera svar", "Check answer");
        both("submit", "Lämna in", "Submit");
        both("retry", "Försök igen", "Try again");
        both("correct", "Rätt svar.", "Correct.");
        both("incorrect", "Inte rätt.", "Not correct.");
        both("answer", "Ditt svar", "Your answer");
        both("options", "Svarsalternativ", "Answer options");
        both("position", "Plats", "Position");
        both("choose", "Välj", "Choose");
        both("points", "poäng", "points");
        both("point", "poäng", "point");
        both("question", "Fråga", "Question");
        both("score", "Du fick {0} av {1} poäng ({2} %).", "You scored {0} of {1} points ({2} %).");
        both("passed", "Godkänt. Gränsen är {0} %.", "Passed. The pass mark is {0} %.");
        both("failed", "Inte godkänt ännu. Gränsen är {0} %.", "Not passed yet. The pass mark is {0} %.");
        both("unanswered", "Svara på alla frågor innan du lämnar in. Obesvarade: {0}.",
                "Answer every question before you submit. Unanswered: {0}.");
        both("needAnswer", "Välj eller skriv ett svar först.", "Choose or type an answer first.");
        both("completed", "Klar", "Done");
        both("lessonDone", "Lektionen är klar.", "This lesson is complete.");
        both("locked", "Gör klart föregående lektion först.", "Finish the previous lesson first.");
        both("glossary", "Ordlista", "Glossary");
        both("definition", "Förklaring", "Definition");
        both("download", "Ladda ned", "Download");
        both("code", "Kodexempel", "Code example");
        both("table", "Tabell", "Table");
        both("offline", "Ingen lärplattform hittades: dina svar sparas bara i den här webbläsaren.",
                "No learning platform found: your answers are saved in this browser only.");
        both("trackingError", "Framstegen kunde inte sparas. Försök igen senare.",
                "Your progress could not be saved. Try again later.");
        both("assessment", "Prov", "Assessment");
        both("graded", "Frågorna ger poäng. Du lämnar in alla svar samtidigt.",
                "The questions are graded. You submit all answers at once.");
        both("NOTE", "Obs", "Note");
        both("TIP", "Tips", "Tip");
        both("IMPORTANT", "Viktigt", "Important");
        both("WARNING", "Varning", "Warning");
        both("CAUTION", "Se upp", "Caution");
        both("EXAMPLE", "Exempel", "Example");
        both("language", "Språk", "Language");
        both("progress", "Lektion {0} av {1}", "Lesson {0} of {1}");
        both("mediaFallback", "Din webbläsare kan inte spela upp filen. Ladda ned den:",
                "Your browser cannot play this file. Download it:");
        both("languageName", "Svenska", "English");
    }

    private UiText() {
    }

    private static void both(String key, String sv, String en) {
        SV.put(key, sv);
        EN.put(key, en);
    }

    /**
     * The words before a lesson's review date. Page text only, kept out of the strings the player script receives, so
     * the packages of lessons without a review date keep their bytes.
     */
    public static String reviewed(String language) {
        return language.startsWith("sv") ? "Granskad per" : "Reviewed as of";
    }

    public static Map<String, String> forLanguage(String language) {
        return language.startsWith("sv") ? SV : EN;
    }

    public static String get(String language, String key) {
        return forLanguage(language).getOrDefault(key, key);
    }
}
