package se.digikomp.packager.bundle;

/** What one launchable unit (a SCORM SCO, a cmi5 AU) holds: one lesson, or the whole course. */
public enum Unit {
    LESSON("lesson"), COURSE("course");

    public final String word;

    Unit(String word) {
        this.word = word;
    }
}
