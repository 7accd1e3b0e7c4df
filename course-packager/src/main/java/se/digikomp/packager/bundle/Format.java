package se.digikomp.packager.bundle;

import java.util.Arrays;
import java.util.Optional;

/** The package formats the packager writes. */
public enum Format {
    SCORM12("scorm12"), SCORM2004("scorm2004"), XAPI("xapi"), CMI5("cmi5"), WEB("web");

    public final String word;

    Format(String word) {
        this.word = word;
    }

    public static Optional<Format> of(String word) {
        return Arrays.stream(values()).filter(f -> f.word.equals(word)).findFirst();
    }

    /** Whether the format has launchable units that can be one per lesson (SCORM SCOs, cmi5 AUs). */
    public boolean hasUnits() {
        return this == SCORM12 || this == SCORM2004 || this == CMI5;
    }
}
